export * from './syncLink';
