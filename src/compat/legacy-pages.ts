import type { Page } from '../common/pagination/pagination.dto';

/** The seed's lists were unpaginated; fetch every page (up to a sane bound) for them. */
export const LEGACY_MAX_ITEMS = 10_000;
const PAGE = 100;

export async function collectAll<T>(
  fetch: (window: { limit: number; offset: number }) => Promise<Page<T>>,
): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; offset < LEGACY_MAX_ITEMS; offset += PAGE) {
    const page = await fetch({ limit: PAGE, offset });
    items.push(...page.items);
    if (offset + PAGE >= page.total) break;
  }
  return items;
}
