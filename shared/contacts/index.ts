export * from './words';
export * from './matching';
export * from './figures';
export * from './names';
export * from './introductionsReport';
