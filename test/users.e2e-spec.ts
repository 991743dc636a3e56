import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { AdminAccountsService } from '../src/auth/admin-accounts.service';
import { AUTH_MAINTENANCE_QUEUE, cleanupJobId } from '../src/auth/auth-maintenance';
import { AuthMaintenanceScheduler } from '../src/auth/auth-maintenance.scheduler';
import { AuthStartup } from '../src/auth/auth-startup';
import { adminCreate } from '../src/cli/admin-create';
import { UsersService } from '../src/users/users.service';
import { createTestApp, TestApp } from './support/app';
import { createAdmin, createUser } from './support/factories';

describe('users (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_AUTH_PER_MINUTE: '10000' });
  });
  afterAll(() => t.close());

  describe('preferences', () => {
    it('reads and partially updates the caller’s preferences', async () => {
      const { user, auth } = await createUser(t);
      await t.http
        .get('/users/me/preferences')
        .set(auth)
        .expect(200, { reminders: true, reports: true });
      await t.http
        .patch('/users/me/preferences')
        .set(auth)
        .send({ reminders: false })
        .expect(200, { reminders: false, reports: true });
      await t.http
        .patch('/users/me/preferences')
        .set(auth)
        .send({ reports: false })
        .expect(200, { reminders: false, reports: false });
      const [row] = await t.ds.query(
        'SELECT reminders_enabled, reports_enabled FROM users WHERE id = $1',
        [user.id],
      );
      expect(row).toEqual({ reminders_enabled: false, reports_enabled: false });
    });

    it('rejects bad values and unknown fields, and needs a token', async () => {
      const { auth } = await createUser(t);
      await t.http.patch('/users/me/preferences').set(auth).send({ reminders: 'no' }).expect(400);
      await t.http.patch('/users/me/preferences').set(auth).send({ email: 'x@y.z' }).expect(400);
      await t.http.get('/users/me/preferences').expect(401);
    });
  });

  describe('PATCH /users/:username/role', () => {
    it('lets an admin promote (case-insensitive name) and demote', async () => {
      const admin = await createAdmin(t);
      const { user } = await createUser(t);
      const res = await t.http
        .patch(`/users/${user.username.toUpperCase()}/role`)
        .set(admin.auth)
        .send({ role: 'admin' })
        .expect(200);
      expect(res.body).toMatchObject({ id: user.id, username: user.username, role: 'admin' });
      await t.http
        .patch(`/users/${user.username}/role`)
        .set(admin.auth)
        .send({ role: 'user' })
        .expect(200);
      expect((await t.app.get(UsersService).findById(user.id))?.role).toBe('user');
    });

    it('refuses a non-admin (403) and changes nothing', async () => {
      const caller = await createUser(t);
      const res = await t.http
        .patch(`/users/${caller.user.username}/role`)
        .set(caller.auth)
        .send({ role: 'admin' })
        .expect(403);
      expect(res.body.code).toBe('AUTH.FORBIDDEN');
      expect((await t.app.get(UsersService).findById(caller.user.id))?.role).toBe('user');
    });

    it('answers 404 for an unknown user and 400 for an unknown role', async () => {
      const admin = await createAdmin(t);
      const missing = await t.http
        .patch('/users/nobody_at_all/role')
        .set(admin.auth)
        .send({ role: 'admin' })
        .expect(404);
      expect(missing.body.code).toBe('USER.NOT_FOUND');
      await t.http
        .patch(`/users/${admin.user.username}/role`)
        .set(admin.auth)
        .send({ role: 'superuser' })
        .expect(400);
    });

    it('never demotes the last admin', async () => {
      await t.ds.query(`UPDATE users SET role = 'user' WHERE role = 'admin'`);
      const admin = await createAdmin(t);
      const res = await t.http
        .patch(`/users/${admin.user.username}/role`)
        .set(admin.auth)
        .send({ role: 'user' })
        .expect(409);
      expect(res.body.code).toBe('USER.LAST_ADMIN');
    });
  });

  describe('UsersService (exported)', () => {
    it('finds users case-insensitively and lists email recipients', async () => {
      const users = t.app.get(UsersService);
      const { user } = await createUser(t, { username: `MixedCase_${Date.now() % 100000}` });
      expect((await users.findByUsername(user.username.toLowerCase()))?.id).toBe(user.id);
      expect(await users.findByUsername('no_such_user')).toBeNull();
      await users.updatePreferences(user.id, { reports: false });
      const reports = await users.listRecipients('reports', 0, 10_000);
      expect(reports.map((u) => u.id)).not.toContain(user.id);
      const reminders = await users.listRecipients('reminders', user.id - 1, 10);
      expect(reminders[0]?.id).toBe(user.id);
      expect(reminders.every((u) => u.role === 'user')).toBe(true);
    });
  });

  describe('admin bootstrap and CLI', () => {
    const input = {
      username: 'root_admin',
      email: 'Root@Example.test',
      password: 'Bootstrap-pass-1',
    };

    it('creates exactly one admin when instances start together, and none once one exists', async () => {
      await t.ds.query(`DELETE FROM users WHERE role = 'admin'`);
      const admins = t.app.get(AdminAccountsService);
      const results = await Promise.all([1, 2, 3].map(() => admins.createFirstAdmin(input)));
      expect(results.filter(Boolean)).toHaveLength(1);
      const rows = await t.ds.query(`SELECT username, email FROM users WHERE role = 'admin'`);
      expect(rows).toEqual([{ username: 'root_admin', email: 'root@example.test' }]);
      expect(
        await admins.createFirstAdmin({ ...input, username: 'second_admin', email: 's@e.test' }),
      ).toBeNull();
      const login = await t.http
        .post('/auth/login')
        .send({ username: 'root_admin', password: input.password })
        .expect(200);
      const me = await t.http
        .get('/auth/me')
        .set('Authorization', `Bearer ${login.body.accessToken}`);
      expect(me.body.role).toBe('admin');
    });

    it('bootstraps from ADMIN_* at start when no admin exists', async () => {
      await t.ds.query(`DELETE FROM users WHERE role = 'admin'`);
      const other = await createTestApp({
        ADMIN_USERNAME: 'boot_admin',
        ADMIN_EMAIL: 'boot@example.test',
        ADMIN_PASSWORD: 'Bootstrap-pass-2',
        RATE_LIMIT_AUTH_PER_MINUTE: '10000',
      });
      try {
        const rows = await t.ds.query(`SELECT username FROM users WHERE role = 'admin'`);
        expect(rows).toEqual([{ username: 'boot_admin' }]);
        expect(other.app.get(AuthStartup)).toBeDefined();
      } finally {
        await other.close();
      }
    });

    it('admin:create makes an admin, refuses duplicates and weak passwords', async () => {
      const out: string[] = [];
      const log = (l: string) => out.push(l);
      const args = [
        '--username',
        'cli_admin',
        '--email',
        'cli@example.test',
        '--password',
        'Cli-password-1',
      ];
      expect(await adminCreate(args, log, log)).toBe(0);
      expect(out.join('\n')).toMatch(/Created admin cli_admin/);
      const [row] = await t.ds.query(`SELECT role FROM users WHERE username = 'cli_admin'`);
      expect(row.role).toBe('admin');
      expect(await adminCreate(args, log, log)).toBe(1);
      expect(out.join('\n')).toMatch(/already (taken|exists)/);
      const weak = ['--username', 'cli_two', '--email', 'c2@example.test', '--password', 'short'];
      expect(await adminCreate(weak, log, log)).toBe(2);
      expect(out.join('\n')).not.toContain('Cli-password-1');
    });
  });

  describe('refresh token cleanup job', () => {
    it('enqueues one job per hour and deletes expired and long-revoked tokens', async () => {
      const { user } = await createUser(t);
      const insert = (hash: string, expires: string, revoked: string | null, used: string | null) =>
        t.ds.query(
          `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at, revoked_at, used_at)
           VALUES ($1, gen_random_uuid(), $2, now() + $3::interval, now() + $4::interval, now() + $5::interval)`,
          [user.id, hash, expires, revoked, used],
        );
      await insert('expired', '-1 minute', null, null);
      await insert('revoked-long-ago', '1 day', '-2 days', null);
      await insert('revoked-just-now', '1 day', '-1 minute', null);
      await insert('spent-but-live', '1 day', null, '-1 minute');
      await insert('live', '1 day', null, null);

      const scheduler = t.app.get(AuthMaintenanceScheduler);
      const at = new Date('2026-12-03T17:42:00Z');
      const job = await scheduler.enqueueCleanup(at);
      expect(job.id).toBe('auth-cleanup:2026-12-03T17');
      expect(cleanupJobId(new Date('2026-12-03T17:59:59Z'))).toBe(job.id);
      await expect(job.finished()).resolves.toMatchObject({ deleted: expect.any(Number) });
      const again = await scheduler.enqueueCleanup(at);
      expect(again.id).toBe(job.id);
      const queue = t.app.get<Queue>(getQueueToken(AUTH_MAINTENANCE_QUEUE));
      expect(await queue.getJobCounts()).toMatchObject({ waiting: 0, active: 0 });

      const rows = await t.ds.query(
        'SELECT token_hash FROM refresh_tokens WHERE user_id = $1 ORDER BY token_hash',
        [user.id],
      );
      expect(rows.map((r: { token_hash: string }) => r.token_hash)).toEqual([
        'live',
        'revoked-just-now',
        'spent-but-live',
      ]);
    });
  });
});
