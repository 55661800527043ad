// Issue 3 (the portal) and issue 4 §7 (valid and linked), checked on ONE build of the bundled
// sample data in headless Chromium: every page type in both languages opens cleanly and is fully
// described, works without JavaScript, passes axe (WCAG 2.1 A/AA) at desktop and phone widths and
// html-validate; the ranking island searches, filters and sorts; every link of all ~27,000 pages
// resolves and nothing loads from another origin; a sub-folder build links only inside its
// folder; a profile prints; the sitemap and the showcase feed list what exists.
//
// Pages are found in the build's file tree (page-types.ts), never hard-coded, so the tests follow
// the data. SITE_TEST_DIST=<dir> reuses an existing build of data/ instead of building (for work
// on these tests only; CI always builds).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { AxeBuilder } from '@axe-core/playwright';
import { HtmlValidate, type Message } from 'html-validate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { copyFixture } from '../helpers/folder.ts';
import { t } from '../../src/i18n/index.ts';
import { TOP_MIN_ROWS } from '../../src/publish/search-index.ts';
import { describeProblems, launchBrowser, visit, watchedContext } from './helpers/browser.ts';
import { buildSite, filesWithExtension, sampleSite, urlPathOf, type BuildResult } from './helpers/build.ts';
import { checkSiteLinks, describeLinks, type FoundLink } from './helpers/links.ts';
import { LANGUAGES, builtYears, fileOfPath, samplePagesByType, type SamplePage } from './helpers/page-types.ts';
import { serveDir, type StaticServer } from './helpers/server.ts';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const WIDTHS = [1280, 360] as const;
/** Extra pages for html-validate beyond one per page type, picked with a fixed seed. */
const RANDOM_PAGES = 50;
const SEED = 20240301;

/** The portal's identity as the sample build's data folder configures it. */
const SAMPLE_SITE = JSON.parse(readFileSync('data/site.json', 'utf8')) as { site_url: string; base_path?: string };
const SITE_URL = SAMPLE_SITE.site_url.replace(/\/$/, '');

let dist: string;
let server: StaticServer;
let browser: Browser;
let samples: SamplePage[];
const SUBFOLDER_SITE = { base_path: '/portal/', site_url: 'https://example.gov.cn' };

beforeAll(async () => {
  // scripts/build.ts takes its lock as a file next to the work folder and fails (ENOENT) when
  // that folder's parent does not exist yet, as sampleSite()'s does not: make it first.
  mkdirSync(join(inject('e2eRoot'), 'sample-site'), { recursive: true });
  dist = process.env.SITE_TEST_DIST ?? (await sampleSite()).dist;
  [server, browser] = await Promise.all([serveDir(dist), launchBrowser()]);
  samples = samplePagesByType(dist);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Mulberry32: a tiny seeded generator, so the "random" sample is the same on every run. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** The model's indicators, from the site's own download (names in both languages). */
function indicatorNames(): { zh: string; en: string }[] {
  const file = JSON.parse(readFileSync(join(dist, 'downloads/model.json'), 'utf8')) as { indicators?: { name: { zh: string; en: string } }[]; model?: { indicators: { name: { zh: string; en: string } }[] } };
  return (file.indicators ?? file.model?.indicators ?? []).map((i) => i.name);
}

/**
 * Opens a page and hydrates its islands: scrolls each `client:visible` island into view and
 * waits until Astro has hydrated it (it drops the `ssr` attribute). Cheaper than visit() for
 * pages without islands, which need no scrolling or network settling.
 */
async function openHydrated(page: Page, url: string): Promise<void> {
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response?.ok()) throw new Error(`${url}: HTTP ${response?.status()}`);
  const islands = page.locator('astro-island');
  const n = await islands.count();
  for (let i = 0; i < n; i++) await islands.nth(i).scrollIntoViewIfNeeded();
  if (n > 0) {
    await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'), null, { timeout: 15_000 });
    await page.evaluate(() => window.scrollTo(0, 0));
  }
}

/** A readable failure list: one line per problem, or '' when there is none. */
function lines(problems: string[]): string {
  return problems.length ? `${problems.length} problem(s):\n  ${problems.join('\n  ')}` : '';
}

describe('every page type in both languages (Chromium, JavaScript on)', () => {
  it('opens with no console error, page error, dialog or foreign request, and is fully described', async () => {
    const { context, problems, current } = await watchedContext(browser, server.origin);
    const page = await context.newPage();
    const failures: string[] = [];
    const titles = new Map<string, string[]>();
    try {
      for (const s of samples) {
        if (!existsSync(join(dist, fileOfPath(s.url)))) {
          failures.push(`${s.type}: the build has no such page (${s.url})`);
          continue;
        }
        await visit(page, server.origin + s.url, current);
        const info = await page.evaluate(() => ({
          lang: document.documentElement.getAttribute('lang'),
          title: document.title.trim(),
          description: document.querySelector('meta[name="description"]')?.getAttribute('content')?.trim() ?? '',
          ogTitle: document.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim() ?? '',
          h1: document.querySelectorAll('h1').length,
          main: document.querySelectorAll('main').length,
          switchers: [...document.querySelectorAll<HTMLAnchorElement>('header a[hreflang]')].map((a) => a.href),
        }));
        const where = `${s.type} ${s.url}`;
        if (info.lang !== s.language.htmlLang) failures.push(`${where}: <html lang="${info.lang}">, expected "${s.language.htmlLang}"`);
        if (!info.title) failures.push(`${where}: empty <title>`);
        if (!info.description) failures.push(`${where}: no meta description`);
        if (!info.ogTitle) failures.push(`${where}: no og:title`);
        if (info.h1 !== 1) failures.push(`${where}: ${info.h1} <h1> elements, expected 1`);
        if (info.main !== 1) failures.push(`${where}: ${info.main} <main> elements, expected 1`);
        const other = LANGUAGES.find((l) => l !== s.language)!;
        // The 404 page exists once; its switcher leads to the other language's home page.
        const expected = server.origin + other.prefix + (s.translated ? s.path : '/');
        if (info.switchers.length !== 1) failures.push(`${where}: ${info.switchers.length} language switchers (header a[hreflang]), expected 1`);
        else if (info.switchers[0] !== expected) failures.push(`${where}: language switcher leads to ${info.switchers[0]}, expected ${expected}`);
        if (info.title) titles.set(info.title, [...(titles.get(info.title) ?? []), s.url]);
      }
      for (const [title, urls] of titles) if (urls.length > 1) failures.push(`title "${title}" shared by ${urls.join(', ')}`);

      // Follow the switcher once for real, both ways, from a deep page.
      const profile = samples.find((s) => s.type === 'enterprise profile' && s.language.lang === 'zh')!;
      await visit(page, server.origin + profile.url, current);
      await Promise.all([page.waitForURL(`**/en${profile.path}`), page.locator('header a[hreflang]').click()]);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await Promise.all([page.waitForURL(server.origin + profile.path), page.locator('header a[hreflang]').click()]);
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    } finally {
      await context.close();
    }
    expect(lines(failures)).toBe('');
    expect(describeProblems(problems)).toBe('');
    expect(samples.length).toBeGreaterThanOrEqual(35);
  });
});

describe('without JavaScript', () => {
  it('every page type shows its main content: ranking tables with rows, the indicator table, charts with data tables', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN', timezoneId: 'UTC' });
    const page = await context.newPage();
    const failures: string[] = [];
    const indicators = indicatorNames();
    expect(indicators.length).toBeGreaterThan(0);
    try {
      for (const s of samples) {
        const where = `${s.type} ${s.url}`;
        const response = await page.goto(server.origin + s.url, { waitUntil: 'load' });
        if (response?.status() !== 200) failures.push(`${where}: HTTP ${response?.status()}`);
        const facts = await page.evaluate((names: string[]) => {
          const main = document.querySelector('main');
          const visible = (el: Element) => (el as HTMLElement).checkVisibility?.() ?? true;
          const tables = [...(main?.querySelectorAll('table') ?? [])];
          const rowsWithProfileLinks = Math.max(0, ...tables.filter(visible).map((tb) => [...tb.querySelectorAll('tbody tr')].filter((tr) => tr.querySelector('a[href*="/enterprise/"]')).length));
          const indicatorTable = tables.some((tb) => visible(tb) && names.every((n) => tb.textContent!.includes(n)));
          const charts = [...(main?.querySelectorAll('figure') ?? [])]
            .filter((f) => f.querySelector('svg'))
            .map((f) => {
              const svg = f.querySelector('svg')!;
              const box = svg.getBoundingClientRect();
              return {
                id: f.id,
                drawn: visible(svg) && box.width > 0 && box.height > 0 && svg.querySelectorAll('rect, path, circle, line, polygon, polyline').length > 0,
                named: (svg.querySelector('title')?.textContent ?? svg.getAttribute('aria-label') ?? '').trim() !== '',
                tableRows: f.querySelector('table')?.querySelectorAll('tbody tr').length ?? 0,
              };
            });
          const controls = [...(main?.querySelectorAll('input, select, button') ?? [])].filter(visible).length;
          return { text: main && visible(main) ? main.innerText.trim().length : 0, rowsWithProfileLinks, indicatorTable, charts, controls };
        }, indicators.map((n) => n[s.language.lang]));
        if (facts.text < 100) failures.push(`${where}: <main> shows ${facts.text} characters of text`);
        for (const c of facts.charts) {
          if (!c.drawn) failures.push(`${where}: chart #${c.id} has no drawn SVG`);
          if (!c.named) failures.push(`${where}: chart #${c.id} SVG has no <title>/aria-label`);
          if (c.tableRows === 0) failures.push(`${where}: chart #${c.id} has no data table with rows`);
        }
        // Pages whose main content is a list of enterprises (the hub's is the island's static first page).
        const rankingList = /ranking|rankings hub|showcase$|home/.test(s.type);
        if (rankingList && facts.rowsWithProfileLinks === 0) failures.push(`${where}: no table row linking to an enterprise profile`);
        if (s.type === 'rankings hub (island)' && facts.controls > 0) failures.push(`${where}: ${facts.controls} visible form controls that need JavaScript`);
        if (s.type === 'enterprise profile' && !facts.indicatorTable) failures.push(`${where}: no visible table listing every indicator`);
        if (/^(enterprise profile|stage|park|home)$/.test(s.type) && facts.charts.length === 0) failures.push(`${where}: no chart (figure with SVG)`);
      }
    } finally {
      await context.close();
    }
    expect(lines(failures)).toBe('');
  });
});

/** A year's whole list as the island's pieces hold it (see src/wire/ranking-data.ts). */
interface RankingFile {
  year: number;
  parks: string[];
  stages: string[];
  industries: string[];
  tagNames: string[];
  id: string[];
  name: string[];
  nameEn: string[];
  park: number[];
  stage: number[];
  industry: number[];
  tags: number[];
  score: number[];
  rank: number[];
}

/** Reads a year's list from its published pieces: the meta file's tables, then every chunk's columns in order. */
function readYearList(dist: string, year: number): RankingFile & { chunks: number } {
  const dir = join(dist, `rankings-data/${year}`);
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as Pick<RankingFile, 'parks' | 'stages' | 'industries' | 'tagNames'> & { chunks: number };
  const list: RankingFile & { chunks: number } = { year, parks: meta.parks, stages: meta.stages, industries: meta.industries, tagNames: meta.tagNames, chunks: meta.chunks, id: [], name: [], nameEn: [], park: [], stage: [], industry: [], tags: [], score: [], rank: [] };
  const columns = ['id', 'name', 'nameEn', 'park', 'stage', 'industry', 'tags', 'score', 'rank'] as const;
  for (let n = 0; n < meta.chunks; n++) {
    const chunk = JSON.parse(readFileSync(join(dir, `${n}.json`), 'utf8')) as Record<(typeof columns)[number], unknown[]>;
    for (const c of columns) (list[c] as unknown[]).push(...chunk[c]);
  }
  return list;
}

/** The island's data files: the pieces of a year's list and of its name index (src/publish/explorer-files.ts). */
const PIECE = /\/(rankings-data\/\d{4}\/(meta|\d+|park\/[a-z0-9-]+)|search\/\d{4}\/(meta|\d+|top-\d+|id-\d+))\.json$/;

interface IslandRow {
  id: string;
  name: string;
  park: string;
  stage: string;
  score: number;
}

describe('the ranking filter island on the rankings hub', () => {
  let data: RankingFile & { chunks: number };
  let year: number;
  const normalise = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

  beforeAll(() => {
    year = builtYears(dist).at(-1)!;
    data = readYearList(dist, year);
  });

  /** Indices of the data's rows that match, in published order. */
  const where = (pred: (i: number) => boolean) => data.id.map((_, i) => i).filter(pred);

  for (const language of LANGUAGES) {
    it(`searches, filters and sorts the whole year's list (${language.prefix}/rankings/)`, async () => {
      const lang = language.lang;
      const { context, problems, current } = await watchedContext(browser, server.origin);
      const page = await context.newPage();
      const loaded: { url: string; type: string; bytes: number }[] = [];
      page.on('requestfinished', (req) => {
        void req.sizes().then((sz) => loaded.push({ url: req.url(), type: req.resourceType(), bytes: sz.responseBodySize + sz.responseHeadersSize }));
      });
      const failures: string[] = [];
      try {
        await visit(page, `${server.origin}${language.prefix}/rankings/`, current);
        const island = page.locator('astro-island', { has: page.locator('input[type="search"]') });
        const search = island.getByLabel(t(lang, 'rankings.explorer.search'), { exact: true });
        await expect.poll(() => search.isVisible(), { timeout: 15_000 }).toBe(true);
        const scriptsBeforeInteraction = loaded.filter((r) => r.type === 'script');
        const status = island.locator('[role="status"], [aria-live]').first();
        expect(await status.evaluate((el) => el.getAttribute('role') === 'status' || ['polite', 'assertive'].includes(el.getAttribute('aria-live') ?? ''))).toBe(true);

        const pageSize = (await island.locator('tbody tr').count()) || 50;
        const countText = (n: number) => t(lang, 'rankings.explorer.count', { n: n.toLocaleString('en-US') });
        /** The rows the island shows: id from the profile link, text of each column by its header. */
        const rows = async (): Promise<IslandRow[]> =>
          island.locator('table').evaluate((table, labels) => {
            const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent!.replace(/[▲▼↕]/g, '').trim());
            const col = (label: string) => headers.findIndex((h) => h === label);
            return [...table.querySelectorAll('tbody tr')].map((tr) => {
              const cells = [...tr.children] as HTMLElement[];
              const link = tr.querySelector('a[href*="/enterprise/"]')?.getAttribute('href') ?? '';
              const text = (label: string) => (cells[col(label)]?.querySelector('a') ?? cells[col(label)])?.textContent?.trim() ?? '';
              return { id: link.split('/').filter(Boolean).at(-1) ?? '', name: text(labels.name), park: text(labels.park), stage: text(labels.stage), score: Number(text(labels.score).replace(/,/g, '')) };
            });
          }, { name: t(lang, 'table.name'), park: t(lang, 'table.park'), stage: t(lang, 'table.stage'), score: t(lang, 'table.score') });
        /** Waits until the status announces `expected` matches, then checks the first page is exactly those rows. */
        const expectResult = async (what: string, expected: number[]) => {
          const announced = expected.length ? countText(expected.length) : t(lang, 'rankings.explorer.empty');
          // A search matching more than a page may stop reading once the page is full and say
          // "at least n" (n between a page and the true count) instead of the total.
          const atLeast = (text: string | null) => {
            for (let n = Math.min(pageSize, expected.length); n <= expected.length; n++) {
              if (text === t(lang, 'rankings.explorer.countAtLeast', { n: n.toLocaleString('en-US') })) return true;
            }
            return false;
          };
          await expect
            .poll(async () => {
              const text = await status.textContent();
              return expected.length > pageSize && atLeast(text) ? announced : text;
            }, { timeout: 15_000, message: `${what}: status` })
            .toBe(announced);
          const shown = await rows();
          const want = expected.slice(0, pageSize).map((i) => data.id[i]);
          if (JSON.stringify(shown.map((r) => r.id)) !== JSON.stringify(want)) failures.push(`${what}: shows ${shown.length} rows [${shown.slice(0, 5).map((r) => r.id).join(', ')}…], expected [${want.slice(0, 5).join(', ')}…]`);
          return shown;
        };
        const resetButton = island.getByRole('button', { name: t(lang, 'rankings.explorer.reset'), exact: true });
        const all = where(() => true);

        // Search by part of a Chinese name (a middle slice of a firm's name, away from the city prefix).
        const zhFirm = Math.floor(data.id.length / 3);
        const zhQuery = [...data.name[zhFirm]!].slice(2, 6).join('');
        const jsonRequests: string[] = [];
        page.on('request', (r) => {
          if (r.url().endsWith('.json')) jsonRequests.push(r.url());
        });
        await search.fill(zhQuery);
        const zhShown = await expectResult(`search "${zhQuery}"`, where((i) => normalise(`${data.name[i]}\n${data.nameEn[i]}\n${data.id[i]}`).includes(normalise(zhQuery))));
        if (lang === 'zh') for (const r of zhShown) if (!r.name.includes(zhQuery)) failures.push(`search "${zhQuery}": row ${r.id} shows "${r.name}"`);
        expect(zhShown.map((r) => r.id)).toContain(data.id[zhFirm]);
        expect(jsonRequests.length).toBeGreaterThan(0);
        for (const url of jsonRequests) expect(new URL(url).origin).toBe(server.origin);
        await page.waitForLoadState('networkidle');

        // The benchmark team's number: what the first load of the island page transfers.
        const firstLoad = loaded.filter((r) => r.type === 'script' || PIECE.test(new URL(r.url).pathname));
        const js = firstLoad.filter((r) => r.type === 'script');
        const json = firstLoad.filter((r) => PIECE.test(new URL(r.url).pathname));
        const sum = (list: { bytes: number }[]) => list.reduce((a, r) => a + r.bytes, 0);
        const gz = (list: { url: string }[]) => list.reduce((a, r) => a + gzipSync(readFileSync(join(dist, new URL(r.url).pathname))).length, 0);
        console.log(
          `[island ${language.prefix}/rankings/] first load: JS ${(sum(js) / 1024).toFixed(1)} KiB in ${js.length} files ` +
            `(${(gz(js) / 1024).toFixed(1)} KiB gzipped; ${scriptsBeforeInteraction.length} before interaction), ` +
            `JSON ${(sum(json) / 1024).toFixed(1)} KiB (${(gz(json) / 1024).toFixed(1)} KiB gzipped) in ${json.length} pieces for a search among ${data.id.length} enterprises; ` +
            `JS+JSON ${((sum(js) + sum(json)) / 1024).toFixed(1)} KiB`,
        );

        // Search by part of an English name, in mixed case: matching ignores case.
        const enFirm = data.nameEn.findIndex((n, i) => i > data.id.length / 2 && n.split(/\s+/).length >= 2);
        expect(enFirm).toBeGreaterThanOrEqual(0);
        const word = data.nameEn[enFirm]!.split(/\s+/)[0]!;
        const enQuery = [...word.slice(1)].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join('');
        await search.fill(enQuery);
        const enShown = await expectResult(`search "${enQuery}"`, where((i) => normalise(`${data.name[i]}\n${data.nameEn[i]}\n${data.id[i]}`).includes(normalise(enQuery))));
        if (lang === 'en') for (const r of enShown) if (!normalise(r.name).includes(normalise(enQuery))) failures.push(`search "${enQuery}": row ${r.id} shows "${r.name}"`);
        for (const r of enShown) {
          const i = data.id.indexOf(r.id);
          if (!normalise(data.nameEn[i] ?? '').includes(normalise(enQuery)) && !normalise(data.id[i] ?? '').includes(normalise(enQuery))) failures.push(`search "${enQuery}": row ${r.id} (${data.nameEn[i]}) does not match`);
        }
        await resetButton.click();
        await expect.poll(() => search.inputValue()).toBe('');
        await expectResult('after reset', all);

        /** Chooses option `index` (1 = first after "all") of the select labelled `label`; returns the option's text. */
        const choose = async (label: string, index: number) => {
          const select = island.getByLabel(label, { exact: true });
          const text = (await select.locator('option').nth(index).textContent())!.trim();
          await select.selectOption({ index });
          return text;
        };

        const parkLabel = await choose(t(lang, 'table.park'), 1);
        const parkShown = await expectResult(`park "${parkLabel}"`, where((i) => data.park[i] === 0));
        for (const r of parkShown) if (r.park !== parkLabel) failures.push(`park filter "${parkLabel}": row ${r.id} shows park "${r.park}"`);
        await resetButton.click();

        const stageIndex = data.stages.length; // the last stage, so the filter is not "the first rows"
        const stageLabel = await choose(t(lang, 'table.stage'), stageIndex);
        const stageShown = await expectResult(`stage "${stageLabel}"`, where((i) => data.stage[i] === stageIndex - 1));
        for (const r of stageShown) if (r.stage !== stageLabel) failures.push(`stage filter "${stageLabel}": row ${r.id} shows stage "${r.stage}"`);
        await resetButton.click();

        // Industry options are labelled per language; the Chinese label is the data's own name.
        const zhIndustries = await industryOptionsInChinese();
        const industryIndex = zhIndustries.findIndex((name, k) => k > 0 && data.industries.includes(name) && data.industries.indexOf(name) > 0);
        expect(industryIndex).toBeGreaterThan(0);
        const industry = data.industries.indexOf(zhIndustries[industryIndex]!);
        const industryLabel = await choose(t(lang, 'table.industry'), industryIndex);
        const industryShown = await expectResult(`industry "${industryLabel}"`, where((i) => data.industry[i] === industry));
        for (const r of industryShown) if (data.industry[data.id.indexOf(r.id)] !== industry) failures.push(`industry filter "${industryLabel}": row ${r.id} is not in ${data.industries[industry]}`);
        await resetButton.click();

        // Designation options follow the data's tag table (bit k = option k + 1).
        const tagSelect = island.getByLabel(t(lang, 'table.tags'), { exact: true });
        if ((await tagSelect.count()) > 0) {
          const bit = Math.min(2, data.tagNames.length - 1);
          const tagLabel = await choose(t(lang, 'table.tags'), bit + 1);
          const tagShown = await expectResult(`designation "${tagLabel}"`, where((i) => (data.tags[i]! & (1 << bit)) !== 0));
          for (const r of tagShown) if ((data.tags[data.id.indexOf(r.id)]! & (1 << bit)) === 0) failures.push(`designation filter "${tagLabel}": row ${r.id} lacks ${data.tagNames[bit]}`);
          await resetButton.click();
        } else failures.push('no designation filter');

        // Sorting: a column header is a button; the first click on score sorts high to low.
        const header = (label: string) => island.locator('thead th', { has: page.getByRole('button', { name: label, exact: true }) });
        const byScore = (dir: 1 | -1) => [...all].sort((a, b) => dir * (data.score[a]! - data.score[b]!) || data.rank[a]! - data.rank[b]! || a - b);
        await header(t(lang, 'table.score')).getByRole('button').click();
        await expect.poll(() => header(t(lang, 'table.score')).getAttribute('aria-sort')).toBe('descending');
        const desc = await expectResult('sort by score, descending', byScore(-1));
        if (desc.some((r, k) => k > 0 && r.score > desc[k - 1]!.score)) failures.push('sort by score descending: scores not in descending order');
        await header(t(lang, 'table.score')).getByRole('button').click();
        await expect.poll(() => header(t(lang, 'table.score')).getAttribute('aria-sort')).toBe('ascending');
        const asc = await expectResult('sort by score, ascending', byScore(1));
        if (asc.some((r, k) => k > 0 && r.score < asc[k - 1]!.score)) failures.push('sort by score ascending: scores not in ascending order');
        if (asc[0] && asc[0].score !== Math.min(...data.score)) failures.push(`sort by score ascending: first row scores ${asc[0].score}, the lowest is ${Math.min(...data.score)}`);

        await header(t(lang, 'table.name')).getByRole('button').click();
        await expect.poll(() => header(t(lang, 'table.name')).getAttribute('aria-sort')).toBe('ascending');
        const byName = await rows();
        const unsorted = await page.evaluate(
          ({ names, locale }) => {
            const c = new Intl.Collator(locale, { numeric: true });
            return names.findIndex((n, k) => k > 0 && c.compare(names[k - 1]!, n) > 0);
          },
          { names: byName.map((r) => r.name), locale: lang === 'zh' ? 'zh-CN' : 'en' },
        );
        if (unsorted > 0) failures.push(`sort by name: "${byName[unsorted - 1]!.name}" before "${byName[unsorted]!.name}"`);
        if (byName.length !== Math.min(pageSize, all.length)) failures.push(`sort by name: ${byName.length} rows shown`);
      } finally {
        await context.close();
      }
      expect(lines(failures)).toBe('');
      expect(describeProblems(problems)).toBe('');
    });
  }

  it('ships production JavaScript (not React\'s development build)', () => {
    // vitest exports NODE_ENV=test to the build it spawns, as a CI job or a developer's shell
    // may export development: the build must still bundle production React (half the size,
    // no development checks). The marker is a string only React's development build contains.
    const development = filesWithExtension(dist, ['.js']).filter((f) => readFileSync(join(dist, f), 'utf8').includes('Download the React DevTools'));
    expect(development, 'JavaScript files with React development code').toEqual([]);
  });

  it('answers a Chinese partial name from index pieces (and the chunks it needs), never the whole year', async () => {
    const { context, problems, current } = await watchedContext(browser, server.origin);
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    try {
      await visit(page, `${server.origin}/rankings/`, current);
      const island = page.locator('astro-island', { has: page.locator('input[type="search"]') });
      const search = island.getByLabel(t('zh', 'rankings.explorer.search'), { exact: true });
      await expect.poll(() => search.isVisible(), { timeout: 15_000 }).toBe(true);
      // Two characters from the middle of the name of a firm two thirds down the list, found
      // by at most a page of firms (the index posts such a pair; a common one is read in full).
      const partOf = (i: number) => [...data.name[i]!].slice(3, 5).join('');
      const matches = (q: string) => data.name.filter((n) => n.includes(q)).length;
      const firm = data.id.findIndex((_, i) => i >= Math.floor((data.id.length * 2) / 3) && matches(partOf(i)) <= 50);
      expect(firm).toBeGreaterThan(0);
      const query = partOf(firm);
      requested.length = 0;
      await search.fill(query);
      const status = island.locator('[role="status"]');
      await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe(t('zh', 'rankings.explorer.count', { n: matches(query).toLocaleString('en-US') }));
      const link = island.locator(`tbody a[href$="/enterprise/${data.id[firm]}/"]`);
      expect(await link.textContent()).toContain(query);
      await page.waitForLoadState('networkidle');
      const json = requested.filter((u) => new URL(u).pathname.endsWith('.json'));
      expect(json.filter((u) => !PIECE.test(new URL(u).pathname))).toEqual([]);
      expect(json.some((u) => u.includes(`/search/${year}/`))).toBe(true);
      const chunks = json.filter((u) => /\/rankings-data\/\d{4}\/\d+\.json$/.test(u));
      const tops = json.filter((u) => /\/search\/\d{4}\/top-\d+\.json$/.test(u));
      // A pair held by more than TOP_MIN_ROWS firms shows from its top file, one request; a
      // rarer one from the chunks holding its firms.
      if (matches(query) > TOP_MIN_ROWS) expect({ tops: tops.length, chunks: chunks.length }).toEqual({ tops: 1, chunks: 0 });
      else {
        expect(tops).toEqual([]);
        expect(chunks.length).toBeGreaterThan(0);
        expect(chunks.length).toBeLessThanOrEqual(matches(query));
      }
      for (const u of json) expect(new URL(u).origin).toBe(server.origin);
    } finally {
      await context.close();
    }
    expect(describeProblems(problems)).toBe('');
  });

  let zhIndustryCache: string[] | undefined;
  /** The industry select's option texts on the Chinese hub (option 0 is "all"). */
  async function industryOptionsInChinese(): Promise<string[]> {
    if (zhIndustryCache) return zhIndustryCache;
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await visit(page, `${server.origin}/rankings/`);
      const select = page.locator('astro-island').getByLabel(t('zh', 'table.industry'), { exact: true });
      await expect.poll(() => select.isVisible(), { timeout: 15_000 }).toBe(true);
      zhIndustryCache = (await select.locator('option').allTextContents()).map((s) => s.trim());
      return zhIndustryCache;
    } finally {
      await context.close();
    }
  }
});

/** One axe violation, readable: rule, impact, what to fix, and where. */
function describeViolation(url: string, width: number, v: { id: string; impact?: string | null; help: string; nodes: { target: unknown[]; html: string }[] }): string {
  const nodes = v.nodes
    .slice(0, 4)
    .map((n) => `      ${JSON.stringify(n.target)} ${n.html.replace(/\s+/g, ' ').slice(0, 160)}`)
    .join('\n');
  return `${url} @${width}px: [${v.impact ?? '?'}] ${v.id}: ${v.help} (${v.nodes.length} element(s))\n${nodes}${v.nodes.length > 4 ? '\n      …' : ''}`;
}

describe('accessibility (axe, WCAG 2.1 A and AA)', () => {
  for (const width of WIDTHS) {
    it(`finds no violation on any page type in either language at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', timezoneId: 'UTC' });
      const page = await context.newPage();
      const violations: string[] = [];
      try {
        for (const s of samples) {
          await openHydrated(page, server.origin + s.url);
          const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
          for (const v of result.violations) violations.push(describeViolation(s.url, width, v));
        }
      } finally {
        await context.close();
      }
      expect(violations.join('\n'), `${violations.length} axe violation(s)`).toBe('');
    });
  }
});

/**
 * A sample build's links: computed once (it reads every page, ~1.4 GB of HTML) and shared by the
 * link and origin tests, with every page's inline CSS url()s collected in the same pass.
 */
let linkReport: ReturnType<typeof checkSiteLinks> | undefined;
function sampleLinks(): ReturnType<typeof checkSiteLinks> {
  linkReport ??= checkSiteLinks(dist, { base: '/', siteUrl: SITE_URL });
  return linkReport;
}

/** Whether an off-site link is one the rules allow (see the origin test). */
function allowedExternal(link: FoundLink, siteUrl: string): boolean {
  const rel = link.rel.toLowerCase().split(/\s+/);
  const ownSite = link.url.startsWith(`${siteUrl}/`) || link.url === siteUrl;
  if (ownSite && link.tag === 'link' && (rel.includes('canonical') || rel.includes('alternate'))) return true;
  // Links a showcase entry's author wrote in its body text, marked as not endorsed.
  const showcaseEntry = /^(\/en)?\/showcase\/[^/]+\/$/.test(link.page);
  return showcaseEntry && link.tag === 'a' && rel.includes('nofollow') && /^https?:\/\//i.test(link.url);
}

/** Loads of another origin in CSS or JS text: url(), @import, import(), from '…', fetch(). */
const FOREIGN_IN_CSS = /(?:url\(\s*['"]?|@import\s+['"])\s*(?:https?:)?\/\/[^)'"\s]*/gi;
const FOREIGN_IN_JS = /(?:\bimport\s*\(?\s*|\bfrom\s*|\bfetch\(\s*|\bimportScripts\(\s*|\.src\s*=\s*)['"`](?:https?:)?\/\/[^'"`]*/g;

describe('links and assets', () => {
  it('every internal link and asset of every page resolves to a built file', () => {
    const r = sampleLinks();
    console.log(`[links] ${r.pages} pages, ${r.checked} internal links checked, ${r.external.length} off-site`);
    expect(r.pages).toBe(filesWithExtension(dist, ['.html']).length);
    expect(r.broken.length ? describeLinks(r.broken) : '').toBe('');
    expect(r.outsideBase.length ? describeLinks(r.outsideBase) : '').toBe('');
  });

  it('nothing points to another origin except canonical/alternate URLs of the site and showcase body links (rel=nofollow)', () => {
    const r = sampleLinks();
    const foreign = r.external.filter((l) => !allowedExternal(l, SITE_URL));
    expect(foreign.length ? describeLinks(foreign) : '').toBe('');
    // Assets in CSS and JS files and in the pages' inline styles.
    const found: string[] = [];
    for (const f of filesWithExtension(dist, ['.css', '.js', '.mjs'])) {
      const text = readFileSync(join(dist, f), 'utf8');
      for (const m of text.matchAll(f.endsWith('.css') ? FOREIGN_IN_CSS : FOREIGN_IN_JS)) found.push(`${f}: ${m[0]}`);
      if (!f.endsWith('.css')) for (const m of text.matchAll(FOREIGN_IN_CSS)) found.push(`${f}: ${m[0]}`);
    }
    for (const f of filesWithExtension(dist, ['.html', '.svg'])) {
      const text = readFileSync(join(dist, f), 'latin1');
      if (!/url\(|@import/i.test(text)) continue;
      for (const m of text.matchAll(FOREIGN_IN_CSS)) found.push(`${f}: ${m[0]}`);
    }
    expect(found.slice(0, 50).join('\n')).toBe('');
  });
});

/**
 * html-validate's recommended preset, relaxed only where the rule is about markup style or SEO
 * rather than validity, and the style is the toolchain's (Astro, React's server renderer), not
 * the page author's.
 */
const HTML_VALIDATE_RULES = {
  // React's server renderer writes <input/>, hidden="" and selected="": all valid HTML syntax
  // (a void element may end in "/>", an empty value is a valid boolean attribute value).
  'void-style': 'off',
  'attribute-boolean-style': 'off',
  'attribute-empty-style': 'off',
  // React writes its DOM property names (autoComplete, spellCheck) as attribute names; HTML
  // attribute names are case-insensitive, so this is valid, and the author cannot change it.
  'attr-case': 'off',
  // An SEO length hint, not validity: titles carry a firm's full legal name and the portal
  // title from the data folder's site.json, both outside the page author's control.
  'long-title': 'off',
} as const;

/**
 * Astro puts one <style> for its island elements in the body before the first island; the
 * page author cannot move it to <head>. Removed before validation so that
 * element-permitted-content still catches any other misplaced <style>.
 */
const ASTRO_ISLAND_STYLE = /<style>astro-island,astro-slot,astro-static-slot\{display:contents\}<\/style>/g;

describe('valid HTML (html-validate, recommended preset)', () => {
  it('every page type in both languages and a seeded sample of other pages has no error', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: HTML_VALIDATE_RULES });
    const all = filesWithExtension(dist, ['.html']);
    const chosen = new Set(samples.map((s) => fileOfPath(s.url)));
    const random = seededRandom(SEED);
    while (chosen.size < samples.length + RANDOM_PAGES && chosen.size < all.length) chosen.add(all[Math.floor(random() * all.length)]!);
    const errors: { rule: string; text: string }[] = [];
    for (const file of chosen) {
      const html = readFileSync(join(dist, file), 'utf8').replace(ASTRO_ISLAND_STYLE, '');
      const report = await validator.validateString(html, file);
      for (const result of report.results) {
        for (const m of result.messages as Message[]) {
          if (m.severity !== 2) continue; // warnings are advice
          errors.push({ rule: m.ruleId, text: `${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}${m.selector ? ` (${m.selector})` : ''}` });
        }
      }
    }
    const byRule = new Map<string, number>();
    for (const e of errors) byRule.set(e.rule, (byRule.get(e.rule) ?? 0) + 1);
    const summary = [...byRule].map(([r, n]) => `${r} ×${n}`).join(', ');
    const shown = errors.slice(0, 80).map((e) => e.text);
    expect(errors.length ? `${errors.length} error(s) in ${chosen.size} pages (${summary}):\n${shown.join('\n')}` : '').toBe('');
  });
});

describe('hosted in a sub-folder (base_path /portal/)', () => {
  let sub: BuildResult;
  let subServer: StaticServer;

  beforeAll(async () => {
    // Not alongside the sample build: concurrent Astro builds of one project share its .astro/
    // folder and break each other. This fixture builds in seconds.
    const dir = copyFixture('hand');
    writeFileSync(join(dir, 'site.json'), JSON.stringify(SUBFOLDER_SITE));
    // The base path must come from site.json alone. vitest exports BASE_URL=/ to its workers
    // (and CI systems often define BASE_URL); set it explicitly so this holds whoever runs us.
    sub = await buildSite(dir, undefined, { env: { BASE_URL: '/' } });
    if (sub.status !== 0) throw new Error(`build of ${dir} failed (exit ${sub.status ?? sub.signal}):\n${sub.stdout}\n${sub.stderr}`);
    subServer = await serveDir(sub.dist, SUBFOLDER_SITE.base_path);
  });
  afterAll(async () => {
    await subServer?.close();
  });

  it('every internal link starts with /portal/ and resolves', () => {
    const r = checkSiteLinks(sub.dist, { base: SUBFOLDER_SITE.base_path, siteUrl: SUBFOLDER_SITE.site_url });
    expect(r.pages).toBeGreaterThan(10);
    expect(r.broken.length ? describeLinks(r.broken) : '').toBe('');
    expect(r.outsideBase.length ? describeLinks(r.outsideBase) : '').toBe('');
    const foreign = r.external.filter((l) => !allowedExternal(l, SUBFOLDER_SITE.site_url));
    expect(foreign.length ? describeLinks(foreign) : '').toBe('');
    // Absolute URLs for search engines carry the base path too.
    const absolute = r.external.filter((l) => l.url.startsWith(SUBFOLDER_SITE.site_url) && !l.url.startsWith(`${SUBFOLDER_SITE.site_url}${SUBFOLDER_SITE.base_path}`));
    expect(absolute.length ? describeLinks(absolute) : '').toBe('');
  });

  it('pages open under /portal/ in Chromium and their navigation links lead to pages there', async () => {
    const { context, problems, current } = await watchedContext(browser, subServer.origin);
    const page = await context.newPage();
    const failures: string[] = [];
    try {
      for (const language of LANGUAGES) {
        await visit(page, `${subServer.url}${language.prefix.slice(1)}${language.prefix ? '/' : ''}`, current);
        const nav = await page.locator('header nav a, header a').evaluateAll((as) => [...new Set(as.map((a) => (a as HTMLAnchorElement).href))]);
        expect(nav.length).toBeGreaterThan(3);
        for (const target of nav) {
          if (!target.startsWith(subServer.url)) {
            failures.push(`${language.lang} header link ${target} leaves ${subServer.url}`);
            continue;
          }
          // Follow it as a reader would: click the link in the header of the home page.
          await visit(page, `${subServer.url}${language.prefix.slice(1)}${language.prefix ? '/' : ''}`, current);
          const link = page.locator(`header a[href="${new URL(target).pathname}"]`).first();
          const navigated = page.waitForResponse((r) => r.request().isNavigationRequest() && r.request().frame() === page.mainFrame());
          await link.click();
          const response = await navigated;
          await page.waitForLoadState('load');
          current.url = page.url();
          if (response?.status() !== 200) failures.push(`${language.lang}: ${target} answered ${response?.status()}`);
          if (page.url() !== target) failures.push(`${language.lang}: clicking ${target} landed on ${page.url()}`);
          const assets = await page.evaluate(() => [...document.querySelectorAll('link[rel="stylesheet"], script[src]')].map((e) => (e as HTMLLinkElement).href || (e as HTMLScriptElement).src));
          for (const a of assets) if (!a.startsWith(subServer.url)) failures.push(`${page.url()}: asset ${a} outside the folder`);
        }
      }
      // The ranking island fetches its data under the folder too.
      await visit(page, `${subServer.url}rankings/`, current);
      const search = page.locator('#explorer-query');
      await expect.poll(() => search.isVisible(), { timeout: 15_000 }).toBe(true);
      const dataRequest = page.waitForRequest((r) => r.url().includes('/rankings-data/'));
      await search.fill('甲');
      expect((await dataRequest).url().startsWith(`${subServer.url}rankings-data/`)).toBe(true);
      await page.waitForLoadState('networkidle');
    } finally {
      await context.close();
    }
    expect(lines(failures)).toBe('');
    expect(describeProblems(problems)).toBe('');
    expect(subServer.misses).toEqual([]);
  });
});

describe('print', () => {
  it('a profile prints without navigation chrome, with its indicator table, in 1 to 6 pages', async () => {
    const profile = samples.find((s) => s.type === 'enterprise profile' && s.language.lang === 'zh')!;
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'UTC' });
    const page = await context.newPage();
    try {
      await visit(page, server.origin + profile.url);
      await page.emulateMedia({ media: 'print' });
      const names = indicatorNames().map((n) => n.zh);
      const facts = await page.evaluate((names: string[]) => {
        const shown = (el: Element) => (el as HTMLElement).checkVisibility();
        const navs = [...document.querySelectorAll('nav')].filter(shown).map((n) => n.getAttribute('aria-label') ?? n.className);
        const footer = document.querySelector('footer');
        const footerLinks = footer ? [...footer.querySelectorAll('a, nav')].filter(shown).length : 0;
        const skip = [...document.querySelectorAll('a[href="#main"]')].filter(shown).length;
        // The indicator table lists every indicator (a chart's data table may too, folded away).
        const tableShown = [...document.querySelectorAll('main table')].some((tb) => names.every((n) => tb.textContent!.includes(n)) && shown(tb) && tb.getBoundingClientRect().height > 0);
        return { navs, footerLinks, skip, tableShown };
      }, names);
      expect(facts.navs, 'navigation visible in print').toEqual([]);
      expect(facts.skip, 'skip link visible in print').toBe(0);
      expect(facts.footerLinks, 'footer links visible in print').toBe(0);
      expect(facts.tableShown, 'indicator table visible in print').toBe(true);
      const pdf = await page.pdf({ format: 'A4', printBackground: false });
      const pageCount = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
      console.log(`[print] ${profile.url}: ${pdf.length} bytes, ${pageCount} A4 page(s)`);
      expect(pdf.length).toBeGreaterThan(10_000);
      expect(pageCount).toBeGreaterThanOrEqual(1);
      expect(pageCount).toBeLessThanOrEqual(6);
    } finally {
      await context.close();
    }
  });
});

describe('sitemap and feed', () => {
  let page: Page;
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext();
    page = await context.newPage();
    await page.goto(server.url); // an origin for DOMParser
  });
  afterAll(async () => {
    await context?.close();
  });

  /** Parses XML with Chromium's parser: the document's root name and any parser error. */
  const parseXml = (xml: string) =>
    page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const error = doc.querySelector('parsererror')?.textContent ?? null;
      return { error, root: doc.documentElement.nodeName };
    }, xml);

  /** A site URL → the built file it names (or null when it is not under the site URL). */
  const fileOfSiteUrl = (url: string) => (url.startsWith(`${SITE_URL}/`) ? fileOfPath(url.slice(SITE_URL.length)) : null);

  it('the sitemap lists every HTML page of the build, and nothing else', async () => {
    const index = readFileSync(join(dist, 'sitemap.xml'), 'utf8');
    const parsed = await parseXml(index);
    expect(parsed.error).toBeNull();
    const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    let urls: string[];
    if (parsed.root === 'sitemapindex') {
      urls = [];
      for (const file of locs(index)) {
        const local = fileOfSiteUrl(file);
        expect(local, `sitemap index entry ${file}`).not.toBeNull();
        const xml = readFileSync(join(dist, local!), 'utf8');
        expect((await parseXml(xml)).error, `${local} is not well-formed`).toBeNull();
        urls.push(...locs(xml));
      }
    } else {
      expect(parsed.root).toBe('urlset');
      urls = locs(index);
    }
    const listed = new Set<string>();
    const notOurs: string[] = [];
    for (const u of urls) {
      const f = fileOfSiteUrl(u);
      if (f === null) notOurs.push(u);
      else listed.add(f);
    }
    const pages = new Set(filesWithExtension(dist, ['.html']));
    const missing = [...pages].filter((f) => !listed.has(f) && f !== '404.html');
    const extra = [...listed].filter((f) => !pages.has(f));
    expect(notOurs.slice(0, 20), 'sitemap URLs outside the site URL').toEqual([]);
    expect(missing.slice(0, 30), `${missing.length} page(s) missing from the sitemap`).toEqual([]);
    expect(extra.slice(0, 30), `${extra.length} sitemap URL(s) with no page`).toEqual([]);
    expect(urls.length, 'duplicate sitemap URLs').toBe(listed.size);
  });

  for (const language of LANGUAGES) {
    it(`the showcase RSS feed (${language.prefix}/showcase/rss.xml) parses and its items link to existing entries`, async () => {
      const feed = `${language.prefix.slice(1)}${language.prefix ? '/' : ''}showcase/rss.xml`;
      const xml = readFileSync(join(dist, feed), 'utf8');
      const facts = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        const error = doc.querySelector('parsererror')?.textContent ?? null;
        const items = [...doc.querySelectorAll('channel > item')].map((item) => ({
          title: item.querySelector('title')?.textContent?.trim() ?? '',
          link: item.querySelector('link')?.textContent?.trim() ?? '',
          pubDate: item.querySelector('pubDate')?.textContent?.trim() ?? '',
        }));
        return { error, root: doc.documentElement.nodeName, channelLink: doc.querySelector('channel > link')?.textContent?.trim() ?? '', items };
      }, xml);
      expect(facts.error).toBeNull();
      expect(facts.root).toBe('rss');
      const entries = filesWithExtension(dist, ['.html'])
        .filter((f) => new RegExp(`^${language.prefix.slice(1)}${language.prefix ? '/' : ''}showcase/[^/]+/index\\.html$`).test(f))
        .map((f) => urlPathOf(f));
      expect(facts.items.length).toBe(entries.length);
      const problems: string[] = [];
      for (const item of facts.items) {
        const file = fileOfSiteUrl(item.link);
        if (!item.title) problems.push(`item without a title: ${item.link}`);
        if (Number.isNaN(Date.parse(item.pubDate))) problems.push(`${item.link}: pubDate "${item.pubDate}" is not a date`);
        if (file === null) problems.push(`${item.link} is not under ${SITE_URL}`);
        else if (!entries.includes(urlPathOf(file))) problems.push(`${item.link} is not a showcase entry of this language`);
      }
      expect(lines(problems)).toBe('');
      expect(fileOfSiteUrl(facts.channelLink)).toBe(`${language.prefix.slice(1)}${language.prefix ? '/' : ''}showcase/index.html`);
    });
  }
});
