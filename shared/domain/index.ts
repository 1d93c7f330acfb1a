export * from './ids';
export * from './interaction';
export * from './relevance';
export * from './validation';
export * from './sampleJournal';
