import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1764806400000 implements MigrationInterface {
  name = 'InitialSchema1764806400000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id serial PRIMARY KEY,
        username text NOT NULL,
        email text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'admin')),
        reminders_enabled boolean NOT NULL DEFAULT true,
        reports_enabled boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_users_email UNIQUE (email),
        CONSTRAINT ck_users_email_lower CHECK (email = lower(email))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_users_username_ci ON users (lower(username))`);
    await q.query(`CREATE INDEX ix_users_role ON users (role, id)`);

    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_refresh_tokens_hash UNIQUE (token_hash)
      )`);
    await q.query(`CREATE INDEX ix_refresh_tokens_user ON refresh_tokens (user_id)`);
    await q.query(`CREATE INDEX ix_refresh_tokens_family ON refresh_tokens (family_id)`);
    await q.query(`CREATE INDEX ix_refresh_tokens_expires ON refresh_tokens (expires_at)`);

    await q.query(`
      CREATE TABLE venues (
        id serial PRIMARY KEY,
        name text NOT NULL,
        location text NOT NULL,
        city text,
        capacity integer NOT NULL CHECK (capacity > 0),
        timezone text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_venues_city ON venues (lower(city), id)`);

    await q.query(`
      CREATE TABLE shows (
        id serial PRIMARY KEY,
        venue_id integer NOT NULL REFERENCES venues(id) ON DELETE CASCADE,
        name text NOT NULL,
        language text NOT NULL,
        genre text NOT NULL,
        rating numeric(3,1) NOT NULL CHECK (rating >= 0 AND rating <= 10),
        price integer NOT NULL CHECK (price >= 0),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        capacity integer NOT NULL CHECK (capacity > 0),
        seats_booked integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_shows_seats CHECK (seats_booked >= 0 AND seats_booked <= capacity),
        CONSTRAINT ck_shows_times CHECK (ends_at > starts_at)
      )`);
    await q.query(`CREATE INDEX ix_shows_starts ON shows (starts_at, id)`);
    await q.query(`CREATE INDEX ix_shows_venue_starts ON shows (venue_id, starts_at, id)`);
    await q.query(`CREATE INDEX ix_shows_genre_starts ON shows (lower(genre), starts_at)`);

    await q.query(`
      CREATE TABLE bookings (
        id serial PRIMARY KEY,
        user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        show_id integer NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
        seats integer NOT NULL CHECK (seats > 0),
        unit_price integer NOT NULL CHECK (unit_price >= 0),
        status text NOT NULL DEFAULT 'confirmed' CHECK (status IN ('confirmed', 'cancelled')),
        created_at timestamptz NOT NULL DEFAULT now(),
        cancelled_at timestamptz,
        CONSTRAINT ck_bookings_cancelled CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX ix_bookings_user_created ON bookings (user_id, created_at DESC, id)`,
    );
    await q.query(`CREATE INDEX ix_bookings_show_status ON bookings (show_id, status)`);

    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        key text NOT NULL,
        request_hash text NOT NULL,
        status_code integer NOT NULL,
        response_body jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, key)
      )`);
    await q.query(`CREATE INDEX ix_idempotency_keys_expires ON idempotency_keys (expires_at)`);

    await q.query(`
      CREATE TABLE exports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        venue_id integer NOT NULL,
        requested_by integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'queued'
          CHECK (status IN ('queued', 'running', 'done', 'failed')),
        progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        row_count integer NOT NULL DEFAULT 0,
        file_name text,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX ix_exports_requester ON exports (requested_by, created_at DESC)`);
    await q.query(`CREATE INDEX ix_exports_created ON exports (created_at)`);

    await q.query(`
      CREATE TABLE notifications (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL,
        period text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent')),
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT uq_notifications_user_kind_period UNIQUE (user_id, kind, period)
      )`);
    await q.query(
      `CREATE INDEX ix_notifications_pending ON notifications (created_at) WHERE status = 'pending'`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'notifications',
      'exports',
      'idempotency_keys',
      'bookings',
      'shows',
      'venues',
      'refresh_tokens',
      'users',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
