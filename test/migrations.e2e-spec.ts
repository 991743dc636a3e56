import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/database.options';
import { cloneDatabase } from './support/app';

/** Every migration's `down` works: revert them all on a migrated copy, then apply them again. */
describe('migrations (e2e)', () => {
  it('reverts every migration and applies them again', async () => {
    await cloneDatabase();
    const ds = new DataSource(
      dataSourceOptions({ url: process.env.DATABASE_URL ?? '', poolSize: 1 }),
    );
    await ds.initialize();
    try {
      const applied = (await ds.query('SELECT count(*)::int AS n FROM migrations'))[0].n as number;
      expect(applied).toBe(ds.migrations.length);
      for (let i = 0; i < applied; i++) await ds.undoLastMigration({ transaction: 'each' });
      const tables = await ds.query(
        `SELECT table_name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_name <> 'migrations'`,
      );
      expect(tables).toEqual([]);
      const ran = await ds.runMigrations({ transaction: 'each' });
      expect(ran).toHaveLength(ds.migrations.length);
    } finally {
      await ds.destroy();
    }
  });
});
