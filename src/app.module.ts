import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminModule } from './admin/admin.module';
import { AuthModule } from './auth/auth.module';
import { BookingsModule } from './bookings/bookings.module';
import { runsWorkers } from './common/roles';
import { CompatModule } from './compat/compat.module';
import { AppConfigModule } from './config/config.module';
import { DatabaseConfig, databaseConfig, loadEnv } from './config';
import { dataSourceOptions } from './database/database.options';
import { ExportsModule } from './exports/exports.module';
import { HealthModule } from './health/health.module';
import { MailModule } from './mail/mail.module';
import { QueuesModule } from './redis/queues.module';
import { RedisModule } from './redis/redis.module';
import { ReportsModule } from './reports/reports.module';
import { ShowsModule } from './shows/shows.module';
import { UsersModule } from './users/users.module';
import { VenuesModule } from './venues/venues.module';

@Module({
  imports: [
    AppConfigModule,
    TypeOrmModule.forRootAsync({
      inject: [databaseConfig.KEY],
      useFactory: (db: DatabaseConfig) => dataSourceOptions(db),
    }),
    RedisModule,
    QueuesModule,
    // Cron triggers only in processes that run workers (they only enqueue, with fixed job ids).
    ...(runsWorkers(loadEnv().APP_ROLE) ? [ScheduleModule.forRoot()] : []),
    HealthModule,
    AuthModule,
    UsersModule,
    VenuesModule,
    ShowsModule,
    BookingsModule,
    ExportsModule,
    MailModule,
    ReportsModule,
    AdminModule,
    CompatModule,
  ],
})
export class AppModule {}
