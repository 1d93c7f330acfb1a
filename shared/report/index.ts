export * from './format';
export * from './markdown';
export * from './monthReport';
export * from './sentences';
export * from './reportMonth';
