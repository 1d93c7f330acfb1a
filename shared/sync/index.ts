export * from './syncLink';
export * from './closeCodes';
