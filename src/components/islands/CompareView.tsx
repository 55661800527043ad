/**
 * The compare page's island (issue 14 §7): reads the firms from the URL (?ids=a,b or ?add=id
 * from a profile's "add to compare" link, which adds to the firms chosen before, kept in
 * localStorage), fetches their compare files (src/wire/compare-data.ts: at most one request a
 * firm) and shows, side by side, the score and ranks over the years, the latest year's public
 * indicators and each category's and indicator's band. Firms can be removed, and one added by
 * its credit code; the URL always names the firms shown, so it can be shared.
 * Text comes from the dictionaries through `labels`; numbers are formatted with Intl.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { COMPARE_DATA_VERSION, MAX_COMPARED, compareFileOf, compareQuery, comparedIds, type CompareFile, type CompareFirm, type CompareYear } from '../../wire/compare-data.ts';
import { fillTemplate } from '../../wire/ranking-data.ts';

export interface CompareLabels {
  loading: string;
  error: string;
  none: string;
  notFound: string;
  remove: string;
  add: string;
  addHint: string;
  addButton: string;
  full: string;
  copyHint: string;
  firm: string;
  park: string;
  stage: string;
  latestYear: string;
  scoreByYear: string;
  rankByYear: string;
  rankParkByYear: string;
  rankStageByYear: string;
  publicIndicators: string;
  bands: string;
  year: string;
  notScored: string;
  pointsOf: string;
  category: string;
  indicator: string;
  /** Band text by code ('0' … '4'). */
  band: Record<string, string>;
}

export interface CompareViewProps {
  lang: 'zh' | 'en';
  labels: CompareLabels;
  /** The data files' URL with {n}, and their number. */
  dataUrl: string;
  files: number;
  /** A profile's URL with {id}. */
  profileUrl: string;
  years: number[];
  parks: Record<string, string>;
  stages: Record<string, string>;
  categories: { name: string }[];
  indicators: { name: string; public: boolean; unit: string }[];
}

const STORE = 'portal-compare-ids';

function stored(): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(STORE) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

async function fetchJson(url: string): Promise<unknown> {
  const res = await fetch(url, { credentials: 'same-origin', mode: 'same-origin' });
  if (!res.ok) throw new Error(`${res.status} ${url}`);
  return res.json();
}

type Loaded = { state: 'loading' } | { state: 'error' } | { state: 'ready'; firms: Map<string, CompareFirm | null> };

export default function CompareView(props: CompareViewProps): ReactNode {
  const { lang, labels } = props;
  const [ids, setIds] = useState<string[] | null>(null);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [draft, setDraft] = useState('');
  const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
  const num = (n: number, digits = 0) => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);

  // The firms from the URL (on load and on Back/Forward).
  useEffect(() => {
    const read = () => {
      const list = comparedIds(location.search, stored());
      setIds(list);
      const query = compareQuery(list);
      if (location.search !== query) history.replaceState(null, '', `${location.pathname}${query}${location.hash}`);
    };
    read();
    addEventListener('popstate', read);
    return () => removeEventListener('popstate', read);
  }, []);

  // Kept for the next "add to compare", and fetched.
  useEffect(() => {
    if (ids === null) return;
    try {
      localStorage.setItem(STORE, JSON.stringify(ids));
    } catch {
      // Private browsing: the URL still names the firms.
    }
    let cancelled = false;
    setLoaded({ state: 'loading' });
    const files = [...new Set(ids.map((id) => compareFileOf(id, props.files)))];
    Promise.all(files.map((k) => fetchJson(fillTemplate(props.dataUrl, { n: String(k) })) as Promise<CompareFile>))
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
  }, [ids, props.dataUrl, props.files]);

  const change = (next: string[]) => {
    history.pushState(null, '', `${location.pathname}${compareQuery(next)}`);
    setIds(next);
  };

  if (ids === null) return <p>{labels.loading}</p>;
  const firms = loaded.state === 'ready' ? ids.flatMap((id) => (loaded.firms.get(id) ? [{ id, firm: loaded.firms.get(id)! }] : [])) : [];
  const missing = loaded.state === 'ready' ? ids.filter((id) => !loaded.firms.get(id)) : [];
  const nameOf = (f: CompareFirm) => (lang === 'en' && f.nameEn ? f.nameEn : f.name);
  const yearOf = (f: CompareFirm, y: number): CompareYear | undefined => f.years.find((x) => x.year === y);
  const latest = (f: CompareFirm) => f.years[f.years.length - 1]!;
  const head = (
    <thead>
      <tr>
        <th scope="col">{labels.year}</th>
        {firms.map(({ id, firm }) => (
          <th scope="col" className="num" key={id} lang={lang === 'en' && !firm.nameEn ? 'zh-CN' : undefined}>
            {nameOf(firm)}
          </th>
        ))}
      </tr>
    </thead>
  );
  const byYear = (caption: string, cell: (y: CompareYear) => string) => (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="data-table compare-table">
        <caption>{caption}</caption>
        {head}
        <tbody>
          {props.years.map((year) => (
            <tr key={year}>
              <th scope="row">{year}</th>
              {firms.map(({ id, firm }) => {
                const y = yearOf(firm, year);
                return (
                  <td className="num" key={id}>
                    {y ? cell(y) : labels.notScored}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  const byRow = (caption: string, first: string, rows: { name: string; cell: (y: CompareYear) => string }[]) => (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="data-table compare-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            {firms.map(({ id, firm }) => (
              <th scope="col" key={id} lang={lang === 'en' && !firm.nameEn ? 'zh-CN' : undefined}>
                {nameOf(firm)} ({latest(firm).year})
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <th scope="row">{r.name}</th>
              {firms.map(({ id, firm }) => (
                <td key={id}>{r.cell(latest(firm))}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  const publicRows = props.indicators.flatMap((ind, k) =>
    ind.public
      ? [
          {
            name: ind.name,
            cell: (y: CompareYear) =>
              `${y.values[k] === null || y.values[k] === undefined ? '—' : `${num(y.values[k]!, Number.isInteger(y.values[k]) ? 0 : 2)}${ind.unit ? ` ${ind.unit}` : ''}`} · ${fillTemplate(labels.pointsOf, { n: num(y.points[k] ?? 0, 2) })}`,
          },
        ]
      : [],
  );
  const bandRows = [
    ...props.categories.map((c, i) => ({
      name: c.name,
      cell: (y: CompareYear) => (y.categories[i] === null || y.categories[i] === undefined ? labels.band[y.categoryBands[i] ?? '0'] ?? '' : fillTemplate(labels.pointsOf, { n: num(y.categories[i]!, 2) })),
    })),
    ...props.indicators.flatMap((ind, k) => (ind.public ? [] : [{ name: ind.name, cell: (y: CompareYear) => labels.band[y.bands[k] ?? '0'] ?? '' }])),
  ];

  return (
    <div className="compare-view">
      <form
        className="compare-add"
        onSubmit={(e) => {
          e.preventDefault();
          const next = comparedIds(`?ids=${[...ids, draft].join(',')}`);
          if (next.length > ids.length) {
            change(next);
            setDraft('');
          }
        }}
      >
        <label htmlFor="compare-add-id">{labels.add}</label>
        <span className="compare-hint">{ids.length >= MAX_COMPARED ? labels.full : labels.addHint}</span>
        <span className="compare-add-row">
          <input id="compare-add-id" value={draft} maxLength={18} autoComplete="off" onChange={(e) => setDraft(e.target.value)} disabled={ids.length >= MAX_COMPARED} />
          <button type="submit" disabled={ids.length >= MAX_COMPARED}>
            {labels.addButton}
          </button>
        </span>
      </form>
      <p role="status" className="compare-status">
        {loaded.state === 'loading' ? labels.loading : loaded.state === 'error' ? labels.error : ids.length === 0 ? labels.none : ''}
      </p>
      {missing.length > 0 && <p className="compare-missing">{fillTemplate(labels.notFound, { ids: missing.join(', ') })}</p>}
      {firms.length > 0 && (
        <>
          <ul className="compare-firms">
            {firms.map(({ id, firm }) => {
              const y = latest(firm);
              return (
                <li key={id}>
                  <a href={fillTemplate(props.profileUrl, { id })} lang={lang === 'en' && !firm.nameEn ? 'zh-CN' : undefined}>
                    {nameOf(firm)}
                  </a>
                  <span className="compare-firm-facts">
                    {props.parks[y.park] ?? y.park} · {props.stages[y.stage] ?? y.stage} · {fillTemplate(labels.latestYear, { year: String(y.year), score: num(y.score, 2), rank: num(y.rankNational) })}
                  </span>
                  <button type="button" onClick={() => change(ids.filter((x) => x !== id))} aria-label={`${labels.remove}: ${nameOf(firm)}`}>
                    {labels.remove}
                  </button>
                </li>
              );
            })}
          </ul>
          {byYear(labels.scoreByYear, (y) => num(y.score, 2))}
          {byYear(labels.rankByYear, (y) => num(y.rankNational))}
          {byYear(labels.rankParkByYear, (y) => `${num(y.rankPark)} (${props.parks[y.park] ?? y.park})`)}
          {byYear(labels.rankStageByYear, (y) => `${num(y.rankStage)} (${props.stages[y.stage] ?? y.stage})`)}
          {byRow(labels.publicIndicators, labels.indicator, publicRows)}
          {byRow(labels.bands, labels.category, bandRows)}
        </>
      )}
    </div>
  );
}
