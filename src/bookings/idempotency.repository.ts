import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** The first response stored for a (user, key). */
export interface StoredResponse {
  requestHash: string;
  statusCode: number;
  responseBody: unknown;
}

/** Placeholder status of a claimed key whose transaction has not written its response yet. */
export const IN_FLIGHT_STATUS = 0;

/** `idempotency_keys`: one row per (user, Idempotency-Key), written in the booking's transaction. */
@Injectable()
export class IdempotencyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims (user, key) for the caller's transaction; true when claimed. If another transaction
   * holds the same key uncommitted, the primary key makes this statement wait until that one
   * commits (→ false: read its response) or rolls back (→ claimed here). An expired row is taken
   * over, so an expired key behaves as unused whether or not the purge has run.
   */
  async claim(
    manager: EntityManager,
    userId: number,
    key: string,
    requestHash: string,
    ttlHours: number,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO idempotency_keys AS k
              (user_id, key, request_hash, status_code, response_body, expires_at)
       VALUES ($1, $2, $3, ${IN_FLIGHT_STATUS}, 'null'::jsonb, now() + make_interval(hours => $4))
       ON CONFLICT (user_id, key) DO UPDATE
          SET request_hash = EXCLUDED.request_hash, status_code = EXCLUDED.status_code,
              response_body = EXCLUDED.response_body, created_at = now(),
              expires_at = EXCLUDED.expires_at
        WHERE k.expires_at <= now()
       RETURNING 1`,
      [userId, key, requestHash, ttlHours],
    );
    return rows.length === 1;
  }

  /** A separate statement from `claim`, so it sees the row the other transaction committed. */
  async find(
    manager: EntityManager,
    userId: number,
    key: string,
  ): Promise<StoredResponse | undefined> {
    const rows: { request_hash: string; status_code: number; response_body: unknown }[] =
      await manager.query(
        `SELECT request_hash, status_code, response_body FROM idempotency_keys
          WHERE user_id = $1 AND key = $2`,
        [userId, key],
      );
    const row = rows[0];
    return row
      ? {
          requestHash: row.request_hash,
          statusCode: row.status_code,
          responseBody: row.response_body,
        }
      : undefined;
  }

  async saveResponse(
    manager: EntityManager,
    userId: number,
    key: string,
    statusCode: number,
    body: unknown,
  ): Promise<void> {
    await manager.query(
      `UPDATE idempotency_keys SET status_code = $3, response_body = $4::jsonb
        WHERE user_id = $1 AND key = $2`,
      [userId, key, statusCode, JSON.stringify(body)],
    );
  }

  /** Deletes up to `batch` expired keys; rows a booking is taking over right now are skipped. */
  async deleteExpired(batch: number): Promise<number> {
    const rows: { deleted: number }[] = await this.dataSource.query(
      `WITH doomed AS (
         SELECT user_id, key FROM idempotency_keys WHERE expires_at <= now()
          ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED
       ), gone AS (
         DELETE FROM idempotency_keys k USING doomed d
          WHERE k.user_id = d.user_id AND k.key = d.key RETURNING 1
       )
       SELECT count(*)::int AS deleted FROM gone`,
      [batch],
    );
    return rows[0]?.deleted ?? 0;
  }
}
