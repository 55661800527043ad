/**
 * The explorer's view (year, filters with the query, sort, page) and its place in the URL
 * (explorer-url.ts): read on hydration and on Back/Forward (popstate), written with pushState
 * for a discrete change and replaceState while typing.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
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
