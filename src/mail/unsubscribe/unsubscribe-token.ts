import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuthConfig, authConfig } from '../../config';

/** What a link turns off: one preference, or every optional email ("all"). */
export const UNSUBSCRIBE_SCOPES = ['reminders', 'reports', 'all'] as const;
export type UnsubscribeScope = (typeof UNSUBSCRIBE_SCOPES)[number];

export interface UnsubscribeClaim {
  userId: number;
  scope: UnsubscribeScope;
}

const b64 = (buf: Buffer | string): string => Buffer.from(buf).toString('base64url');

/**
 * Signed, login-free unsubscribe tokens: `base64url("<userId>.<scope>").base64url(hmac)`.
 * The HMAC key is derived from the JWT secret with its own label, so an unsubscribe token can
 * never pass as anything else. Tokens do not expire: an old email's link must still work.
 */
@Injectable()
export class UnsubscribeTokens {
  private readonly key: Buffer;

  constructor(@Inject(authConfig.KEY) config: AuthConfig) {
    this.key = createHmac('sha256', config.secret).update('ticket-show:unsubscribe:v1').digest();
  }

  sign(claim: UnsubscribeClaim): string {
    const body = b64(`${claim.userId}.${claim.scope}`);
    return `${body}.${this.mac(body)}`;
  }

  /** The claim, or null for anything forged, truncated or malformed. */
  verify(token: string): UnsubscribeClaim | null {
    const [body, mac, extra] = token.split('.');
    if (!body || !mac || extra !== undefined) return null;
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const match = /^([1-9]\d{0,9})\.([a-z]+)$/.exec(Buffer.from(body, 'base64url').toString());
    const scope = match?.[2] as UnsubscribeScope | undefined;
    if (!match || !scope || !UNSUBSCRIBE_SCOPES.includes(scope)) return null;
    return { userId: Number(match[1]), scope };
  }

  private mac(body: string): string {
    return b64(createHmac('sha256', this.key).update(body).digest());
  }
}
