export * from './domain-error';
export * from './problem';
export { ProblemFilter } from './problem.filter';
