import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { RedisConfig, redisConfig } from '../config';
import { QueueCloser } from './queue-closer';

/** Bull on the shared Redis, under `<REDIS_PREFIX>:bull`. Queues register in their domains. */
@Module({
  imports: [
    DiscoveryModule,
    BullModule.forRootAsync({
      inject: [redisConfig.KEY],
      useFactory: (config: RedisConfig) => ({
        redis: config.url,
        prefix: `${config.prefix}:bull`,
        defaultJobOptions: { removeOnComplete: 1000, removeOnFail: 5000 },
      }),
    }),
  ],
  providers: [QueueCloser],
})
export class QueuesModule {}
