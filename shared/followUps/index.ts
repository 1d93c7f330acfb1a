export * from './followUps';
export * from './dueInWords';
