import { Injectable } from '@nestjs/common';
import { BadRequestError } from '../../common/errors';
import { UsersService } from '../../users/users.service';
import type { Preferences } from '../../users/users.types';
import { UnsubscribeClaim, UnsubscribeScope, UnsubscribeTokens } from './unsubscribe-token';

export interface UnsubscribeResult {
  scope: UnsubscribeScope;
  /** The user's preferences after the change (null when the account no longer exists). */
  preferences: Preferences | null;
}

const OFF: Record<UnsubscribeScope, Partial<Preferences>> = {
  reminders: { reminders: false },
  reports: { reports: false },
  all: { reminders: false, reports: false },
};

const invalidToken = (): BadRequestError =>
  new BadRequestError(
    'UNSUBSCRIBE.INVALID_TOKEN',
    'This unsubscribe link is not valid. Use the link from your most recent email.',
  );

/** Login-free unsubscribe: the signed token names the user and the kind of email. */
@Injectable()
export class UnsubscribeService {
  constructor(
    private readonly tokens: UnsubscribeTokens,
    private readonly users: UsersService,
  ) {}

  /** What the link would do (for the confirmation page); 400 when the token is bad. */
  inspect(token: string): UnsubscribeClaim {
    const claim = this.tokens.verify(token);
    if (!claim) throw invalidToken();
    return claim;
  }

  /** Turns that kind of email off. Idempotent: a second click changes nothing. */
  async unsubscribe(token: string): Promise<UnsubscribeResult> {
    const claim = this.inspect(token);
    const preferences = await this.users.updatePreferences(claim.userId, OFF[claim.scope]);
    return { scope: claim.scope, preferences };
  }
}
