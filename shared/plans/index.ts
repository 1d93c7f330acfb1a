export * from './calibration';
export * from './sentences';
