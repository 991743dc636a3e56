import { readdirSync } from 'node:fs';
import { MIGRATIONS } from './index';

describe('migrations/index.ts', () => {
  it('lists every migration file, in timestamp order', () => {
    const files = readdirSync(__dirname)
      .filter((f) => /^\d{13}-.+\.ts$/.test(f) && !f.endsWith('.spec.ts'))
      .sort();
    const listed = MIGRATIONS.map((m) => {
      const name = new m().name ?? m.name;
      return name.replace(/^(\D+)(\d{13})$/, '$2-$1');
    });
    expect(listed).toEqual(files.map((f) => f.replace(/\.ts$/, '')));
  });
});
