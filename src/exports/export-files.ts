import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { format } from 'fast-csv';
import { CSV_FORMAT, CsvCell } from './export-csv';

/** Names in EXPORT_DIR: `<exportId>.csv` when complete, `<exportId>.csv.tmp` while written. */
export const exportFileName = (exportId: string): string => `${exportId}.csv`;
export const tmpSuffix = '.tmp';

/** Files this module may delete in EXPORT_DIR (a shared volume may hold other things). */
export const EXPORT_FILE_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.csv(\.tmp)?$/;

/**
 * Writes the records to `<id>.csv.tmp` (truncating what an interrupted run left there), flushes
 * it to disk, then renames it to `<id>.csv`. The rename is atomic, so the final name only ever
 * holds a complete file.
 */
export async function writeCsvAtomically(
  dir: string,
  exportId: string,
  records: AsyncIterable<CsvCell[]>,
): Promise<string> {
  const name = exportFileName(exportId);
  const tmp = join(dir, name + tmpSuffix);
  await mkdir(dir, { recursive: true });
  try {
    await pipeline(records, format(CSV_FORMAT), createWriteStream(tmp, { flags: 'w' }));
    await flushToDisk(tmp);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
  await rename(tmp, join(dir, name));
  return name;
}

/** fsync before the rename, so a power cut cannot leave a complete name on partial content. */
async function flushToDisk(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
