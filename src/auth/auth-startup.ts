import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AuthConfig, authConfig } from '../config';
import { DomainError } from '../common/errors';
import { AdminAccountsService, adminInputProblems } from './admin-accounts.service';

/**
 * Runs when an HTTP-serving process starts: warns loudly about a generated JWT secret and
 * creates the bootstrap admin (ADMIN_USERNAME/ADMIN_EMAIL/ADMIN_PASSWORD) when none exists.
 */
@Injectable()
export class AuthStartup implements OnApplicationBootstrap {
  private readonly logger = new Logger('Auth');

  constructor(
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
    private readonly admins: AdminAccountsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.secretGenerated) {
      this.logger.warn(
        'JWT_SECRET is not set: using a random secret generated for this process. Tokens stop ' +
          'working at every restart and are not accepted by other instances. Set JWT_SECRET ' +
          '(32+ random characters) for anything but local development.',
      );
    }
    await this.bootstrapAdmin();
  }

  async bootstrapAdmin(): Promise<void> {
    const admin = this.config.admin;
    if (!admin) return;
    const input = {
      username: admin.username,
      email: admin.email ?? '',
      password: admin.password ?? '',
    };
    const problems = adminInputProblems(input);
    if (problems.length > 0) {
      this.logger.error(`Bootstrap admin not created: ${problems.join('; ')}.`);
      return;
    }
    try {
      const created = await this.admins.createFirstAdmin(input);
      if (created) this.logger.log(`Created the bootstrap admin ${created.username}.`);
    } catch (err) {
      // A non-admin already holds that name or email: never take over someone's account.
      if (!(err instanceof DomainError)) throw err;
      this.logger.error(`Bootstrap admin not created: ${err.detail}`);
    }
  }
}
