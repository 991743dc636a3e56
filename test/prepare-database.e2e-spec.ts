import { randomBytes } from 'node:crypto';
import { ensureDatabase } from '../src/database/prepare-database';
import { databaseUrl, runId, withAdmin } from './support/run';

describe('ensureDatabase (e2e)', () => {
  it('creates a missing database once when several instances start at the same moment', async () => {
    const name = `ticketshow_test_${runId()}_race${randomBytes(3).toString('hex')}`;
    const url = databaseUrl(name);
    await Promise.all(Array.from({ length: 6 }, () => ensureDatabase(url)));
    const found = await withAdmin((c) =>
      c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]),
    );
    expect(found.rowCount).toBe(1);
  });
});
