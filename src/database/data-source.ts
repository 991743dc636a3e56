import { DataSource } from 'typeorm';
import { databaseConfig } from '../config';
import { dataSourceOptions } from './database.options';

/** For the TypeORM CLI: `npm run migration:run|revert|generate`. */
export default new DataSource(dataSourceOptions(databaseConfig()));
