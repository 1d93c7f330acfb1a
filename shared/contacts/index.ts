export * from './words';
export * from './matching';
export * from './introductionMatcher';
export * from './figures';
export * from './names';
export * from './introductionsReport';
