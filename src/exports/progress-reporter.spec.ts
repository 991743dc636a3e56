import { PROGRESS_INTERVAL_MS } from './exports.constants';
import { ProgressReporter } from './progress-reporter';

describe('ProgressReporter', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-12-03T12:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('writes at most once per interval, with the percentage and rows so far', async () => {
    const writes: [number, number][] = [];
    const progress = new ProgressReporter(200, (pct, rows) => {
      writes.push([pct, rows]);
      return Promise.resolve();
    });
    for (let i = 0; i < 50; i++) await progress.tick();
    expect(writes).toEqual([]); // within the first interval: no UPDATE per row
    jest.advanceTimersByTime(PROGRESS_INTERVAL_MS);
    await progress.tick();
    expect(writes).toEqual([[25, 51]]);
    await progress.tick();
    expect(writes).toHaveLength(1);
    expect(progress.count).toBe(52);
  });

  it('never reports 100 before the file is renamed (nor more rows than expected)', async () => {
    const writes: number[] = [];
    const progress = new ProgressReporter(2, (pct) => {
      writes.push(pct);
      return Promise.resolve();
    });
    for (let i = 0; i < 3; i++) {
      jest.advanceTimersByTime(PROGRESS_INTERVAL_MS);
      await progress.tick();
    }
    expect(writes).toEqual([50, 99, 99]);
  });
});
