/**
 * The explorer's view (year, filters with the query, sort, page) and its place in the URL
 * (explorer-url.ts): read on hydration and on Back/Forward (popstate), written with pushState
 * for a discrete change and replaceState while typing; and the changes the controls make.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { defaultDirection, type FilterKeys, type SortKey } from '../../wire/ranking-data.ts';
import { decodeView, defaultView, encodeView, sameView, type ExplorerView, type ViewChoices } from './explorer-url.ts';

/** A new history entry for a discrete change, the same entry while typing. */
export type HistoryMode = 'push' | 'replace';

export interface ExplorerViewState {
  view: ExplorerView;
  /** The latest view, for callbacks that must not be made again on every change. */
  viewRef: { readonly current: ExplorerView };
  /** The island has hydrated: its controls are shown. */
  hydrated: boolean;
  /** The reader has interacted (or the URL named a view): from now on the view follows the controls. */
  touched: boolean;
  markTouched: () => void;
  /** The search box's text; it becomes the query except while an input method is composing. */
  typed: string;
  setTyped: (text: string) => void;
  /** Shows a view and records it in the history. Stable across renders. */
  go: (next: ExplorerView, mode: HistoryMode) => void;
  /** The URL of a view: the page's path, the query string, and the anchor when the view is not the default one. */
  urlOf: (view: ExplorerView) => string;
}

/**
 * The view state. `onNavigate` runs whenever the view changes by a control or by the history
 * (the toolbar forgets a link it showed for the previous view).
 */
export function useExplorerView(choices: ViewChoices, anchor: string, onNavigate: () => void): ExplorerViewState {
  const [hydrated, setHydrated] = useState(false);
  const [touched, setTouched] = useState(false);
  const [view, setView] = useState<ExplorerView>(() => defaultView(choices));
  const [typed, setTyped] = useState('');
  const viewRef = useRef(view);
  viewRef.current = view;

  const urlOf = (v: ExplorerView) => {
    const qs = encodeView(v, choices);
    return location.pathname + (qs ? `?${qs}#${anchor}` : '');
  };
  const latest = useRef({ urlOf, onNavigate });
  latest.current = { urlOf, onNavigate };

  const go = useCallback((next: ExplorerView, mode: HistoryMode) => {
    setView(next);
    setTouched(true);
    latest.current.onNavigate();
    const url = latest.current.urlOf(next);
    if (url === location.pathname + location.search + location.hash) return;
    try {
      if (mode === 'push') history.pushState(null, '', url);
      else history.replaceState(history.state, '', url);
    } catch {
      // A sandboxed frame may refuse; the view is shown all the same.
    }
  }, []);

  useEffect(() => {
    setHydrated(true);
    const fromUrl = (initial: boolean) => {
      const v = decodeView(location.search, choices);
      if (sameView(v, initial ? defaultView(choices) : viewRef.current)) return;
      setView(v);
      setTyped(v.keys.query);
      latest.current.onNavigate();
      setTouched(true);
    };
    fromUrl(true);
    const onPopState = () => fromUrl(false);
    addEventListener('popstate', onPopState);
    return () => removeEventListener('popstate', onPopState);
  }, []);

  const markTouched = useCallback(() => setTouched(true), []);
  return { view, viewRef, hydrated, touched, markTouched, typed, setTyped, go, urlOf };
}

/** The view's changes as the controls make them, each recorded in the history. */
export interface ViewControls {
  /** A filter chosen from a list (a new entry; back to page 1). Stable across renders. */
  setFilter: (field: Exclude<keyof FilterKeys, 'query'>, value: string | null) => void;
  /** The search text (the same entry while typing; back to page 1). */
  search: (query: string) => void;
  /** A column header: a new column sorts in its default direction, the same column reverses. */
  chooseSort: (key: SortKey) => void;
  chooseYear: (year: number) => void;
  /** Another page; the table's top is brought into view when it was scrolled past. */
  goTo: (page: number) => void;
  /** Every filter, the query, sort and page back to their defaults, in the year shown. */
  reset: () => void;
}

/**
 * The controls' view changes. `beforeQuery` runs before a new query is shown (to request its
 * first index pieces before the page re-renders); `table` is the results' scrolling region.
 */
export function useViewControls(
  nav: ExplorerViewState,
  choices: ViewChoices,
  beforeQuery: (query: string) => void,
  table: { readonly current: HTMLElement | null },
): ViewControls {
  const { view, viewRef, go } = nav;
  const update = useCallback(
    (next: Partial<FilterKeys>, mode: HistoryMode) => {
      const v = viewRef.current;
      go({ ...v, keys: { ...v.keys, ...next }, page: 1 }, mode);
    },
    [go],
  );
  const setFilter = useCallback((field: Exclude<keyof FilterKeys, 'query'>, value: string | null) => update({ [field]: value }, 'push'), [update]);
  return {
    setFilter,
    search: (query) => {
      beforeQuery(query);
      update({ query }, 'replace');
    },
    chooseSort: (key) => {
      const { sort } = view;
      const s = sort.key === key ? { key, dir: sort.dir === 'asc' ? ('desc' as const) : ('asc' as const) } : { key, dir: defaultDirection(key) };
      go({ ...view, sort: s, page: 1 }, 'push');
    },
    chooseYear: (year) => go({ ...view, year, page: 1 }, 'push'),
    goTo: (page) => {
      go({ ...view, page }, 'push');
      const top = table.current?.getBoundingClientRect().top;
      if (top !== undefined && top < 0) table.current?.scrollIntoView({ block: 'start' });
    },
    reset: () => {
      nav.setTyped('');
      go({ ...defaultView(choices), year: view.year }, 'push');
    },
  };
}

/** A page past the end (an old link, a shorter list after Back) shows the last page instead. */
export function useLastPageLimit(nav: ExplorerViewState, pages: number | null): void {
  const { go, viewRef } = nav;
  const { page } = nav.view;
  useEffect(() => {
    if (pages !== null && page > Math.max(1, pages)) go({ ...viewRef.current, page: Math.max(1, pages) }, 'replace');
  }, [pages, page, go]);
}
