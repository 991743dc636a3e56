export * from './auth.decorators';
export * from './api-problems.decorator';
