import { BullModule } from '@nestjs/bull';
import { Module, Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { TypeOrmModule } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { servesHttp, workerOnly } from '../common/roles';
import { AuthConfig, authConfig, loadEnv } from '../config';
import { REDIS } from '../redis/redis.module';
import { UsersModule } from '../users/users.module';
import { AdminAccountsService } from './admin-accounts.service';
import { AUTH_MAINTENANCE_QUEUE } from './auth-maintenance';
import { AuthMaintenanceProcessor } from './auth-maintenance.processor';
import { AuthMaintenanceScheduler } from './auth-maintenance.scheduler';
import { AuthStartup } from './auth-startup';
import { AUTH_THROTTLER, AuthThrottlerGuard } from './auth-throttler.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { RefreshToken } from './entities/refresh-token.entity';
import { JwtAuthGuard } from './guards/jwt-auth.guard';
import { RolesGuard } from './guards/roles.guard';
import { JwtStrategy } from './jwt.strategy';
import { LoginAttemptsService } from './login-attempts.service';
import { PasswordService } from './password.service';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { RefreshTokenService } from './refresh-token.service';
import { TokenService } from './token.service';

@Module({
  imports: [
    PassportModule,
    JwtModule.register({}),
    TypeOrmModule.forFeature([RefreshToken]),
    BullModule.registerQueue({ name: AUTH_MAINTENANCE_QUEUE }),
    ThrottlerModule.forRootAsync({
      inject: [authConfig.KEY, REDIS],
      useFactory: (config: AuthConfig, redis: Redis) => ({
        throttlers: [{ name: AUTH_THROTTLER, ttl: 60_000, limit: config.rateLimitPerMinute }],
        storage: new ThrottlerStorageRedisService(redis),
      }),
    }),
    UsersModule,
  ],
  controllers: [AuthController],
  providers: [
    JwtStrategy,
    TokenService,
    PasswordService,
    RefreshTokensRepository,
    RefreshTokenService,
    LoginAttemptsService,
    AuthService,
    AdminAccountsService,
    AuthThrottlerGuard,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
    ...(servesHttp(loadEnv().APP_ROLE) ? [AuthStartup] : []),
    ...workerOnly<Provider>(AuthMaintenanceScheduler, AuthMaintenanceProcessor),
  ],
  exports: [TokenService, AuthService, AuthThrottlerGuard],
})
export class AuthModule {}
