/** Small query helpers shared by the repositories. */

/**
 * Rows plus the `total` a window count put on each of them. A page past the end has no row to
 * carry it, so only then is there a second (count) query.
 */
export async function withWindowTotal<T>(
  { entities, raw }: { entities: T[]; raw: { total: string }[] },
  count: () => Promise<number>,
): Promise<[T[], number]> {
  if (entities.length > 0) return [entities, Number(raw[0].total)];
  return [entities, await count()];
}

export const likePattern = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
