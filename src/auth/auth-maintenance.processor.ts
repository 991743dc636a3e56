import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import { AUTH_MAINTENANCE_QUEUE, CLEANUP_REFRESH_TOKENS_JOB } from './auth-maintenance';
import { RefreshTokenService } from './refresh-token.service';

/** Worker role only: deletes refresh tokens that can no longer be used. */
@Processor(AUTH_MAINTENANCE_QUEUE)
export class AuthMaintenanceProcessor {
  private readonly logger = new Logger(AuthMaintenanceProcessor.name);

  constructor(private readonly refreshTokens: RefreshTokenService) {}

  @Process(CLEANUP_REFRESH_TOKENS_JOB)
  async cleanup(): Promise<{ deleted: number }> {
    const deleted = await this.refreshTokens.deleteStale();
    if (deleted > 0) this.logger.log(`Deleted ${deleted} stale refresh tokens.`);
    return { deleted };
  }
}
