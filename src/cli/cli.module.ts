import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminAccountsService } from '../auth/admin-accounts.service';
import { PasswordService } from '../auth/password.service';
import { AppConfigModule } from '../config/config.module';
import { DatabaseConfig, databaseConfig } from '../config';
import { dataSourceOptions } from '../database/database.options';
import { UsersModule } from '../users/users.module';

/** Just enough of the app for account tools: config, PostgreSQL, users. No HTTP, no Redis. */
@Module({
  imports: [
    AppConfigModule,
    TypeOrmModule.forRootAsync({
      inject: [databaseConfig.KEY],
      useFactory: (db: DatabaseConfig) => dataSourceOptions({ ...db, poolSize: 2 }),
    }),
    UsersModule,
  ],
  providers: [PasswordService, AdminAccountsService],
})
export class CliModule {}
