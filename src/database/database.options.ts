import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { DatabaseConfig } from '../config';
import { ENTITIES } from './entities';

/** One definition of the connection for the app, the CLI and the tests. */
export function dataSourceOptions(db: Pick<DatabaseConfig, 'url' | 'poolSize'>): DataSourceOptions {
  return {
    type: 'postgres',
    url: db.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: ['error'],
    extra: {
      max: db.poolSize,
      connectionTimeoutMillis: 5_000,
      // Never let a stuck statement hold a pool slot forever.
      statement_timeout: 30_000,
      application_name: 'ticket-show',
    },
  };
}
