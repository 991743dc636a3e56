export * from './config';
export { ConfigError } from './env';
export type { AppRole } from './env';
