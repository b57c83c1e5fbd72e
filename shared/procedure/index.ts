export * from './rules';
export * from './outcome';
export * from './presence';
export * from './followup';
export * from './records';
