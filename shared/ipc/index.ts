export * from './contract';
export * from './backupNames';
export * from './exportFiles';
