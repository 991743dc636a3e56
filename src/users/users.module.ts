import { Module } from '@nestjs/common';

/** Users: accounts, roles, notification preferences. */
@Module({})
export class UsersModule {}
