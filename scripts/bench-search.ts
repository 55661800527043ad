// node scripts/bench-search.ts --dist <dir> [--base /path/] [--repeat 3] [--json]: how fast the rankings hub's name
// search answers on a phone-class CPU. Serves a built site, opens /rankings/ in headless
// Chromium with the CPU slowed 4× (CDP Emulation.setCPUThrottlingRate), and for a few queries
// taken from the site's own data (two Chinese characters, four Chinese characters, part of an
// English name, a common word, two words that must both appear, two common words, the middle of a
// credit code) measures the time from the input event to the first page of results on screen,
// and to the final count, with the requests, files and bytes fetched. Also the hub's first load. Prints
// figures and never asserts: scripts/bench.ts calls measureSearch() as part of the benchmark.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { OFFLINE_RESOLVER_ARG, launchBrowser } from '../test/e2e/helpers/browser.ts';
import { serveDir, type StaticServer } from '../test/e2e/helpers/server.ts';
import { matchesQuery, normaliseSearch } from '../src/wire/ranking-data.ts';

/** The CPU slowdown standing in for a mid-range phone. */
const CPU_THROTTLING = 4;

/** Bytes of some files as served: raw, and gzipped at zlib's default level. */
export interface Bytes {
  files: number;
  raw: number;
  gzip: number;
}

/** One query, typed into the search box of a freshly opened hub. */
export interface QueryMeasurement {
  kind: string;
  query: string;
  /** From the input event to the first page of results (or the "nothing matches" status) on screen: the median of the runs. */
  msToResults: number;
  /** From the input event to the final status (exact or "at least" count) with no fetch under way: the median of the runs. */
  msToComplete: number;
  /** msToResults of every run, in order. */
  runs: number[];
  /** The status text at the end. */
  status: string;
  /** Data fetched after typing, until results were shown and until complete. */
  toResults: Bytes;
  toComplete: Bytes;
  /** Data files fetched after typing (paths under the site). */
  fetched: string[];
  /** Requests for data files after typing, until complete (the request budget). */
  requests: number;
}

export interface SearchMeasurement {
  cpuThrottling: number;
  /** The hub's first load: the HTML (with the island's first page as props), its JavaScript and CSS, and data fetched before interaction. */
  firstLoad: { html: Bytes; js: Bytes; css: Bytes; data: Bytes; total: Bytes };
  /** Fetched when the search box gets focus, before typing (the year's meta files). */
  onFocus: Bytes;
  queries: QueryMeasurement[];
}

/** A data file of the explorer (the list's pieces and the name index). */
const DATA_FILE = /\/(rankings-data|search)\/.+\.json$/;

/** A year's list as its chunks hold it (the columns the queries need). */
function readList(dist: string): { id: string[]; name: string[]; nameEn: string[] } {
  const dir = join(dist, 'rankings-data');
  const year = readdirSync(dir).filter((d) => /^\d{4}$/.test(d)).sort().at(-1);
  if (!year) throw new Error(`${dist}: no rankings-data/{year}/ (not a built portal?)`);
  const meta = JSON.parse(readFileSync(join(dir, year, 'meta.json'), 'utf8')) as { chunks: number };
  const list = { id: [] as string[], name: [] as string[], nameEn: [] as string[] };
  for (let n = 0; n < meta.chunks; n++) {
    const chunk = JSON.parse(readFileSync(join(dir, year, `${n}.json`), 'utf8')) as typeof list;
    list.id.push(...chunk.id);
    list.name.push(...chunk.name);
    list.nameEn.push(...chunk.nameEn);
  }
  return list;
}

/** The queries: parts of real names from the latest year, as a reader would type them, with the first firm each should show. */
function chooseQueries(dist: string): { kind: string; query: string; firstId: string | null }[] {
  const list = readList(dist);
  // A firm two thirds down the list: an ordinary one, not a top one.
  const at = Math.floor((list.id.length * 2) / 3);
  const name = list.name.slice(at).find((n) => [...n].length >= 8) ?? list.name[at] ?? '';
  const english = list.nameEn.slice(at).find((n) => n.split(/\s+/).length >= 3) ?? '';
  // The trade name follows the place name: its second word, less its first letter, in lower case.
  const word = english.split(/\s+/)[1] ?? '';
  const queries = [
    { kind: 'Chinese, 2 characters', query: [...name].slice(3, 5).join('') },
    { kind: 'Chinese, 4 characters', query: [...name].slice(2, 6).join('') },
  ];
  if (word.length > 3) queries.push({ kind: 'English, part of a word', query: word.slice(1).toLowerCase() });
  // A word in a large share of names (the commonest two characters after the place name).
  const counts = new Map<string, number>();
  for (const n of list.name) for (const w of new Set([...n].slice(2, -4).map((_, k, cs) => cs.slice(k, k + 2).join('')))) if ([...w].length === 2) counts.set(w, (counts.get(w) ?? 0) + 1);
  const common = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  if (common) queries.push({ kind: 'Chinese, a common word', query: common });
  // Two words of the same name, apart: both required (the place, then the trade).
  queries.push({ kind: 'Two words, both required', query: `${[...name].slice(0, 2).join('')} ${[...name].slice(-6, -4).join('')}` });
  // Two words each in 1–5 % of names (a common place and a common trade word): the sparse
  // intersection of two common words, read through their common postings.
  const share = (c: number) => c / list.name.length;
  const places = new Map<string, number>();
  for (const n of list.name) places.set([...n].slice(0, 2).join(''), (places.get([...n].slice(0, 2).join('')) ?? 0) + 1);
  const moderate = (m: Map<string, number>) => [...m].filter(([, c]) => share(c) > 0.01 && share(c) <= 0.05).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  // The trade word: the first of these industry words in 1–5 % of names (not a fragment such as 备科).
  const trades = new Map(['医药', '电子', '软件', '数据', '材料', '信息', '网络', '能源', '生物', '智能'].map((w) => [w, list.name.filter((n) => n.includes(w)).length]));
  const place = moderate(places);
  const trade = [...trades].find(([, c]) => share(c) > 0.01 && share(c) <= 0.05)?.[0];
  if (place && trade && place !== trade) queries.push({ kind: 'Two common words', query: `${place} ${trade}` });
  const id = list.id[at] ?? '';
  if (id.length >= 14) queries.push({ kind: 'Credit code, 8 characters from its middle', query: id.slice(6, 14) });
  return queries.map((q) => {
    const k = normaliseSearch(q.query);
    const i = list.id.findIndex((id, j) => matchesQuery({ id, name: list.name[j]!, nameEn: list.nameEn[j]! }, k));
    return { ...q, firstId: i >= 0 ? list.id[i]! : null };
  });
}

/** Sizes of files of the built site, by URL path. */
function bytesOf(dist: string, base: string, paths: readonly string[]): Bytes {
  let raw = 0;
  let gzip = 0;
  for (const p of paths) {
    let rel = decodeURIComponent(p).slice(base.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const data = readFileSync(join(dist, rel));
    raw += data.length;
    gzip += gzipSync(data).length;
  }
  return { files: paths.length, raw, gzip };
}

const sum = (...list: Bytes[]): Bytes => list.reduce((a, b) => ({ files: a.files + b.files, raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { files: 0, raw: 0, gzip: 0 });

/**
 * Resolves once the page has had no request under way for `quiet` ms (Playwright's
 * "networkidle" load state is reached once per page load and not waited for again).
 */
function watchNetwork(page: Page): { settled: (quiet?: number) => Promise<void> } {
  let inFlight = 0;
  let last = performance.now();
  const done = () => {
    inFlight--;
    last = performance.now();
  };
  page.on('request', () => {
    inFlight++;
    last = performance.now();
  });
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    async settled(quiet = 600) {
      while (inFlight > 0 || performance.now() - last < quiet) await new Promise((r) => setTimeout(r, 50));
    },
  };
}

/** Opens the hub with the CPU slowed down; returns the page and the paths it requested so far. */
async function openHub(browser: Browser, server: StaticServer): Promise<{ page: Page; requested: { path: string; type: string }[]; settled: (quiet?: number) => Promise<void> }> {
  // Other origins are unreachable by the browser's flags (launchBrowser(OFFLINE_RESOLVER_ARG)),
  // not by intercepting requests: Playwright's interception holds each request for a round trip
  // to this process, which took 30–50 ms a request here, more than the search itself.
  const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING });
  const { settled } = watchNetwork(page);
  const requested: { path: string; type: string }[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(server.origin)) requested.push({ path: new URL(r.url()).pathname, type: r.resourceType() });
  });
  await page.goto(`${server.url}rankings/`, { waitUntil: 'load' });
  // The island hydrates when visible: bring it into view, wait for Astro to hydrate it.
  await page.locator('astro-island').last().scrollIntoViewIfNeeded();
  await page.waitForFunction(() => !document.querySelector('astro-island[ssr]') && !(document.querySelector('#explorer-query') as HTMLElement | null)?.closest('[hidden]'), null, { timeout: 60_000 });
  await settled();
  return { page, requested, settled };
}

/**
 * Types one query (one input event, as an input method commits a word) and times what the
 * reader sees, in the page's own clock: the first page of results, led by the firm that should
 * lead it (or no rows and a status, when nothing matches), with the table no longer busy; and
 * the last change of the status.
 */
async function timeQuery(page: Page, settled: (quiet?: number) => Promise<void>, query: string, firstId: string | null): Promise<{ shownAt: number; doneAt: number; status: string; resources: { path: string; end: number }[] }> {
  await page.evaluate((expected) => {
    const w = window as unknown as Record<string, unknown>;
    const status = document.querySelector('.ranking-explorer [role="status"]')!;
    const table = document.querySelector('.ranking-explorer table')!;
    w['benchStart'] = null;
    w['benchShown'] = null;
    w['benchStatusAt'] = null;
    performance.clearResourceTimings();
    performance.setResourceTimingBufferSize(100_000);
    document.addEventListener('input', () => (w['benchStart'] = performance.now()), { capture: true, once: true });
    const check = () => {
      if (w['benchStart'] === null) return;
      w['benchStatusAt'] = performance.now();
      if (w['benchShown'] !== null || table.getAttribute('aria-busy') === 'true') return;
      const link = table.querySelector('tbody tr a')?.getAttribute('href') ?? null;
      if (expected === null ? link === null && status.textContent : link?.endsWith(`/${expected}/`)) w['benchShown'] = performance.now();
    };
    new MutationObserver(check).observe(document.querySelector('.ranking-explorer')!, { subtree: true, childList: true, characterData: true, attributes: true });
  }, firstId);
  await page.locator('#explorer-query').fill(query);
  await page.waitForFunction(() => (window as unknown as Record<string, unknown>)['benchShown'] !== null, null, { timeout: 120_000 });
  // No fetch for a while and the loader's last report (at most every 150 ms) rendered.
  await settled(1000);
  return page.evaluate(() => {
    const w = window as unknown as Record<string, number>;
    const start = w['benchStart']!;
    const resources = performance.getEntriesByType('resource').map((e) => ({ path: new URL(e.name).pathname, end: (e as PerformanceResourceTiming).responseEnd - start }));
    return { shownAt: w['benchShown']! - start, doneAt: Math.max(w['benchStatusAt']!, w['benchShown']!) - start, status: document.querySelector('.ranking-explorer [role="status"]')!.textContent ?? '', resources };
  });
}

/**
 * Measures the hub's first load and a few name searches on a built site hosted under
 * `basePath`, each query `repeat` times on a fresh page (timings are medians: a shared
 * machine makes single runs noisy).
 */
export async function measureSearch(dist: string, basePath: string, options: { repeat?: number } = {}): Promise<SearchMeasurement> {
  const repeat = Math.max(1, options.repeat ?? 3);
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  const queries = chooseQueries(dist);
  const server = await serveDir(dist, base);
  const browser = await launchBrowser([OFFLINE_RESOLVER_ARG]);
  try {
    // First load: everything the hub requests until the island is hydrated and idle.
    const first = await openHub(browser, server);
    const of = (type: string) => first.requested.filter((r) => r.type === type).map((r) => r.path);
    const html = bytesOf(dist, base, of('document'));
    const js = bytesOf(dist, base, of('script'));
    const css = bytesOf(dist, base, of('stylesheet'));
    const data = bytesOf(dist, base, first.requested.filter((r) => DATA_FILE.test(r.path)).map((r) => r.path));
    const before = first.requested.length;
    await first.page.locator('#explorer-query').focus();
    await first.settled();
    const onFocus = bytesOf(dist, base, first.requested.slice(before).filter((r) => DATA_FILE.test(r.path)).map((r) => r.path));
    await first.page.context().close();

    const results: QueryMeasurement[] = [];
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
    for (const { kind, query, firstId } of queries) {
      const runs: { shown: number; complete: number; status: string; fetched: { path: string; end: number }[] }[] = [];
      for (let r = 0; r < repeat; r++) {
        // A fresh page per run: nothing in memory but what focusing the search box fetches.
        const { page, settled } = await openHub(browser, server);
        await page.locator('#explorer-query').focus();
        await settled();
        const t = await timeQuery(page, settled, query, firstId);
        await page.context().close();
        const fetched = t.resources.filter((x) => x.end >= 0 && DATA_FILE.test(x.path));
        runs.push({ shown: t.shownAt, complete: Math.max(t.doneAt, ...fetched.map((x) => x.end)), status: t.status, fetched });
      }
      const last = runs[runs.length - 1]!;
      const shownAt = runs.map((x) => x.shown);
      results.push({
        kind,
        query,
        msToResults: Math.round(median(shownAt)),
        msToComplete: Math.round(median(runs.map((x) => x.complete))),
        runs: shownAt.map(Math.round),
        status: last.status,
        toResults: bytesOf(dist, base, last.fetched.filter((x) => x.end <= last.shown).map((x) => x.path)),
        toComplete: bytesOf(dist, base, last.fetched.map((x) => x.path)),
        fetched: last.fetched.map((x) => x.path.slice(base.length - 1)),
        requests: last.fetched.length,
      });
    }
    return { cpuThrottling: CPU_THROTTLING, firstLoad: { html, js, css, data, total: sum(html, js, css, data) }, onFocus, queries: results };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The figures as lines of text. */
export function describeSearch(m: SearchMeasurement): string {
  const kb = (b: Bytes) => `${b.files} file${b.files === 1 ? '' : 's'}, ${(b.raw / 1024).toFixed(1)} KB raw / ${(b.gzip / 1024).toFixed(1)} KB gzip`;
  const f = m.firstLoad;
  return [
    `Rankings hub, first load: ${kb(f.total)} (HTML ${kb(f.html)}; JS ${kb(f.js)}; CSS ${kb(f.css)}; data ${kb(f.data)})`,
    `Focusing the search box fetches ${kb(m.onFocus)}`,
    `Name search with the CPU slowed ${m.cpuThrottling}× (median of runs on fresh pages):`,
    ...m.queries.map(
      (q) =>
        `  ${q.kind} "${q.query}": ${q.requests} request${q.requests === 1 ? '' : 's'}; results in ${q.msToResults} ms (runs: ${q.runs.join(', ')} ms; ${kb(q.toResults)}), final status in ${q.msToComplete} ms (${kb(q.toComplete)}): ${q.status}`,
    ),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { dist: { type: 'string', default: 'dist' }, base: { type: 'string', default: '/' }, repeat: { type: 'string', default: '3' }, json: { type: 'boolean', default: false } },
  });
  const m = await measureSearch(values.dist, values.base, { repeat: Number(values.repeat) });
  console.log(values.json ? JSON.stringify(m, null, 2) : describeSearch(m));
}
