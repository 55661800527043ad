/** Which page numbers a pagination bar shows: first, last, a window around the current page. */
export type PaginationItem = { kind: 'page'; page: number; current: boolean } | { kind: 'gap'; key: string };

/**
 * Page links for page `current` of `total`: always 1 and `total`, `current` ± `around`,
 * and a gap marker where pages are skipped (a gap of one page shows that page instead).
 */
export function paginationItems(current: number, total: number, around = 2): PaginationItem[] {
  if (total < 1) return [];
  const pages = new Set<number>([1, total]);
  for (let p = current - around; p <= current + around; p++) if (p >= 1 && p <= total) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  const items: PaginationItem[] = [];
  let previous = 0;
  for (const page of sorted) {
    if (page - previous === 2) {
      items.push({ kind: 'page', page: previous + 1, current: previous + 1 === current });
    } else if (page - previous > 2) {
      items.push({ kind: 'gap', key: `gap-${previous}` });
    }
    items.push({ kind: 'page', page, current: page === current });
    previous = page;
  }
  return items;
}
