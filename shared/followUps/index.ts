export * from './followUps';
export * from './dueInWords';
export * from './snooze';
