/**
 * The compare page's firms: their ids, read from the URL (and kept in localStorage for the next
 * "add to compare"), and their compare files, fetched whenever the ids change.
 */
import { useEffect, useState } from 'react';
import { COMPARE_DATA_VERSION, compareFileOf, compareQuery, comparedIds, type CompareFile, type CompareFirm } from '../../wire/compare-data.ts';
import { fillTemplate } from '../../wire/ranking-data.ts';
import type { Loaded } from './compare-types.ts';

const STORE = 'portal-compare-ids';

/** The ids kept from the last visit (none when localStorage is unreadable). */
function stored(): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(STORE) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Keeps the ids for the next "add to compare", at once: a reader may leave the page right away. */
function keep(ids: readonly string[]): void {
  try {
    localStorage.setItem(STORE, JSON.stringify(ids));
  } catch {
    // Private browsing: the URL still names the firms.
  }
}

/** Same-origin JSON; a failed response is an error. */
async function fetchJson(url: string): Promise<unknown> {
  const res = await fetch(url, { credentials: 'same-origin', mode: 'same-origin' });
  if (!res.ok) throw new Error(`${res.status} ${url}`);
  return res.json();
}

/** The ids of the firms compared (null before the URL is read), and a change to them that the URL records. */
export function useComparedIds(): { ids: string[] | null; change: (next: string[]) => void } {
  const [ids, setIds] = useState<string[] | null>(null);

  // The firms from the URL (on load and on Back/Forward).
  useEffect(() => {
    const read = () => {
      const list = comparedIds(location.search, stored());
      keep(list);
      setIds(list);
      const query = compareQuery(list);
      if (location.search !== query) history.replaceState(null, '', `${location.pathname}${query}${location.hash}`);
    };
    read();
    addEventListener('popstate', read);
    return () => removeEventListener('popstate', read);
  }, []);

  const change = (next: string[]) => {
    history.pushState(null, '', `${location.pathname}${compareQuery(next)}`);
    keep(next);
    setIds(next);
  };
  return { ids, change };
}

/** The firms of `ids` from their compare files (null: not found), fetched at most one request a file. */
export function useCompareFirms(ids: string[] | null, dataUrl: string, fileCount: number): Loaded {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  // Fetched whenever the ids change.
  useEffect(() => {
    if (ids === null) return;
    let cancelled = false;
    setLoaded({ state: 'loading' });
    const files = [...new Set(ids.map((id) => compareFileOf(id, fileCount)))];
    Promise.all(files.map((k) => fetchJson(fillTemplate(dataUrl, { n: String(k) })) as Promise<CompareFile>))
      .then((list) => {
        if (cancelled) return;
        const all = new Map<string, CompareFirm | null>();
        for (const id of ids) {
          const file = list.find((f) => f.v === COMPARE_DATA_VERSION && Object.hasOwn(f.firms, id));
          all.set(id, file ? file.firms[id]! : null);
        }
        setLoaded({ state: 'ready', firms: all });
      })
      .catch(() => !cancelled && setLoaded({ state: 'error' }));
    return () => {
      cancelled = true;
    };
  }, [ids, dataUrl, fileCount]);
  return loaded;
}
