export * from './contract';
export * from './backupNames';
