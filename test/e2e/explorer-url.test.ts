// Issue 14 §1 (explorer state in the URL), in headless Chromium against the sample build: the
// rankings explorer writes its filters, sort and page into the query string; Back from a firm's
// profile shows the same filtered, sorted page; Back and Forward step between views; a URL with
// parameters opens that view (and bad parameters fall back to the defaults); "copy link" copies
// the view's URL (and shows it in a field without a clipboard); "export CSV" downloads every row
// of the filtered list with public columns only; the new controls fit a 390 px phone. A sort by
// score change (most points gained first, firms without a previous year last both ways, ties
// in national rank order) goes into the URL too, and Back restores it, after a profile as well.
//
// SITE_TEST_DIST=<dir> reuses an existing build of data/ (as in site.test.ts).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { describeProblems, launchBrowser, visit, watchedContext } from './helpers/browser.ts';
import { sampleSite } from './helpers/build.ts';
import { decodeEntities } from './helpers/html-scan.ts';
import { LANGUAGES, builtYears } from './helpers/page-types.ts';
import { serveDir, type StaticServer } from './helpers/server.ts';

let dist: string;
let server: StaticServer;
let browser: Browser;
let year: number;
/** The latest year's list in published order: the columns this test needs. */
let data: { id: string[]; name: string[]; industry: number[]; stage: number[]; rank: number[]; scoreChange: (number | null)[]; industries: string[]; stages: string[] };
const PAGE_SIZE = (JSON.parse(readFileSync('data/site.json', 'utf8')) as { page_size?: number }).page_size ?? 50;

beforeAll(async () => {
  mkdirSync(join(inject('e2eRoot'), 'sample-site'), { recursive: true });
  dist = process.env.SITE_TEST_DIST ?? (await sampleSite()).dist;
  [server, browser] = await Promise.all([serveDir(dist), launchBrowser()]);
  year = builtYears(dist).at(-1)!;
  const dir = join(dist, 'rankings-data', String(year));
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as { chunks: number; industries: string[]; stages: string[] };
  data = { id: [], name: [], industry: [], stage: [], rank: [], scoreChange: [], industries: meta.industries, stages: meta.stages };
  for (let n = 0; n < meta.chunks; n++) {
    const chunk = JSON.parse(readFileSync(join(dir, `${n}.json`), 'utf8')) as {
      id: string[];
      name: string[];
      industry: number[];
      stage: number[];
      rank: number[];
      scoreChange: (number | null)[];
    };
    data.id.push(...chunk.id);
    data.name.push(...chunk.name);
    data.industry.push(...chunk.industry);
    data.stage.push(...chunk.stage);
    data.rank.push(...chunk.rank);
    data.scoreChange.push(...chunk.scoreChange);
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The industry with the most firms in the latest year (several pages of them). */
function biggestIndustry(): { name: string; count: number } {
  const counts = data.industries.map((_, k) => data.industry.filter((i) => i === k).length);
  const k = counts.indexOf(Math.max(...counts));
  return { name: data.industries[k]!, count: counts[k]! };
}

/** What the explorer shows, read from the page. */
interface Shown {
  industry: string;
  stage: string;
  firstRow: string;
  firstId: string;
  pageStatus: string;
  rows: number;
}

function explorer(page: Page, lang: 'zh' | 'en') {
  const island = page.locator('astro-island', { has: page.locator('input[type="search"]') });
  const search = island.getByLabel(t(lang, 'rankings.explorer.search'), { exact: true });
  const industrySelect = island.getByLabel(t(lang, 'table.industry'), { exact: true });
  const stageSelect = island.getByLabel(t(lang, 'table.stage'), { exact: true });
  const status = island.locator('[role="status"]');
  const selectedText = (select: Locator) => select.evaluate((s: HTMLSelectElement) => s.options[s.selectedIndex]?.text ?? '');
  const countText = (n: number) => t(lang, 'rankings.explorer.count', { n: n.toLocaleString('en-US') });
  return {
    island,
    search,
    industrySelect,
    stageSelect,
    status,
    /** Waits until the island is hydrated (its controls show). */
    hydrated: async () => {
      await island.scrollIntoViewIfNeeded();
      await expect.poll(() => search.isVisible(), { timeout: 15_000 }).toBe(true);
    },
    /** Waits until the status announces `n` matches and the table is not busy. */
    counted: async (n: number) => {
      await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe(countText(n));
      await expect.poll(() => island.locator('table[aria-busy="true"]').count()).toBe(0);
    },
    shown: async (): Promise<Shown> => {
      const first = island.locator('tbody tr').first().locator('th a');
      const href = (await first.getAttribute('href')) ?? '';
      const pagination = island.locator('.pagination-status');
      return {
        industry: await selectedText(industrySelect),
        stage: await selectedText(stageSelect),
        firstRow: ((await first.textContent()) ?? '').trim(),
        firstId: href.split('/').filter(Boolean).at(-1) ?? '',
        pageStatus: (await pagination.count()) ? ((await pagination.textContent()) ?? '').trim() : '',
        rows: await island.locator('tbody tr').count(),
      };
    },
    sortBy: async (label: string) => {
      await island.locator('thead th').getByRole('button', { name: label, exact: true }).click();
    },
    next: () => island.getByRole('button', { name: t(lang, 'pagination.next'), exact: true }).click(),
  };
}

/** The query string's parameters as an object. */
const paramsOf = (url: string) => Object.fromEntries(new URL(url).searchParams);

/** Firms of the latest year matching an industry (and a stage), in published order. */
const matching = (industry: string, stage?: string) =>
  data.id.map((_, i) => i).filter((i) => data.industries[data.industry[i]!] === industry && (stage === undefined || data.stages[data.stage[i]!] === stage));

/** Splits CSV text (RFC 4180, CRLF lines) into rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    } else cell += c;
  }
  if (cell !== '' || row.length) row.push(cell), rows.push(row);
  return rows;
}

describe('the rankings explorer keeps its view in the URL', () => {
  for (const language of LANGUAGES) {
    const lang = language.lang as 'zh' | 'en';
    it(`filters, sorts and pages into the URL; Back from a profile restores the view (${language.prefix}/rankings/)`, async () => {
      const { context, problems, current } = await watchedContext(browser, server.origin);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
      const page = await context.newPage();
      const base = `${server.origin}${language.prefix}/rankings/`;
      try {
        await visit(page, base, current);
        const x = explorer(page, lang);
        await x.hydrated();
        expect(new URL(page.url()).search).toBe('');

        // Industry (the one with most firms), score from high to low, page 2.
        const industry = biggestIndustry();
        expect(industry.count).toBeGreaterThan(PAGE_SIZE);
        const pages = Math.ceil(industry.count / PAGE_SIZE);
        // Options are numbered in the same order in both languages; the Chinese page's text is the data's name.
        const chosen = industryOptionValue(industry.name);
        await x.industrySelect.selectOption(chosen);
        await expect.poll(() => paramsOf(page.url())).toEqual({ industry: industry.name });
        await x.counted(industry.count);
        await x.sortBy(t(lang, 'table.score'));
        await expect.poll(() => paramsOf(page.url())).toEqual({ industry: industry.name, sort: 'score', dir: 'desc' });
        await x.counted(industry.count);
        await x.next();
        await expect.poll(() => paramsOf(page.url())).toEqual({ industry: industry.name, sort: 'score', dir: 'desc', page: '2' });
        await x.counted(industry.count);
        const before = await x.shown();
        const expected = matching(industry.name);
        // Score high to low is published order: page 2 starts at the industry's 51st firm.
        expect(before.firstId).toBe(data.id[expected[PAGE_SIZE]!]);
        expect(before.pageStatus).toBe(t(lang, 'pagination.status', { n: '2', total: String(pages) }));
        expect(before.rows).toBe(Math.min(PAGE_SIZE, industry.count - PAGE_SIZE));
        const filteredUrl = page.url();
        expect(filteredUrl).toContain(`industry=${encodeURIComponent(industry.name)}`);

        // Open the first firm's profile, then Back: the same filtered, sorted page.
        await Promise.all([page.waitForURL(/\/enterprise\//), x.island.locator('tbody tr').first().locator('th a').click()]);
        current.url = page.url();
        await page.goBack({ waitUntil: 'load' });
        current.url = page.url();
        expect(page.url()).toBe(filteredUrl);
        await x.hydrated();
        await x.counted(industry.count);
        expect(await x.shown()).toEqual(before);
        // A reload (no page cache; the browser restores form fields itself) shows it too.
        await page.reload({ waitUntil: 'load' });
        await x.hydrated();
        await x.counted(industry.count);
        expect(await x.shown()).toEqual(before);

        // A discrete change pushes a new entry: Back and Forward step between the two views.
        const stageValue = (await x.stageSelect.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)))[1]!;
        await x.stageSelect.selectOption(stageValue);
        const stage = paramsOf(page.url()).stage!;
        expect(data.stages).toContain(stage);
        const both = matching(industry.name, stage);
        await x.counted(both.length);
        const withStage = await x.shown();
        expect(paramsOf(page.url())).toEqual({ industry: industry.name, stage, sort: 'score', dir: 'desc' });
        if (both.length) expect(withStage.firstId).toBe(data.id[both[0]!]);
        await page.goBack();
        await x.counted(industry.count);
        expect(page.url()).toBe(filteredUrl);
        expect(await x.shown()).toEqual(before);
        await page.goForward();
        await x.counted(both.length);
        expect(await x.shown()).toEqual(withStage);
        await page.goBack();
        await x.counted(industry.count);

        // Typing replaces the entry instead of adding one.
        const historyLength = await page.evaluate(() => history.length);
        await x.search.fill('有限');
        await expect.poll(() => paramsOf(page.url()).q).toBe('有限');
        expect(await page.evaluate(() => history.length)).toBe(historyLength);
        await x.search.fill('');
        await expect.poll(() => paramsOf(page.url()).q).toBeUndefined();
        await x.counted(industry.count);

        // Copy link: the view's full URL on the clipboard, announced politely.
        const notice = x.island.locator('[aria-live="polite"]');
        await x.island.getByRole('button', { name: t(lang, 'rankings.explorer.copyLink'), exact: true }).click();
        await expect.poll(() => notice.textContent()).toBe(t(lang, 'rankings.explorer.copied'));
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        expect(new URL(copied).href).toBe(new URL(page.url()).href);
        // (typing went back to page 1)
        expect(paramsOf(copied)).toEqual({ industry: industry.name, sort: 'score', dir: 'desc' });

        // Export CSV: every row of the filtered list, public columns only.
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          x.island.getByRole('button', { name: t(lang, 'rankings.explorer.exportCsv'), exact: true }).click(),
        ]);
        expect(download.suggestedFilename()).toBe(`${t(lang, 'rankings.explorer.csvName', { year: String(year) })}-${industryLabel(before.industry)}.csv`);
        const text = readFileSync((await download.path())!, 'utf8');
        expect(text.startsWith('\uFEFF')).toBe(true);
        const csv = parseCsv(text.slice(1));
        const header = csv[0]!;
        const publicHeader = [
          t(lang, 'table.rankNational'),
          t(lang, 'profile.id'),
          t(lang, 'table.name'),
          t(lang, 'rankings.explorer.csvNameEn'),
          t(lang, 'table.park'),
          t(lang, 'table.stage'),
          t(lang, 'table.industry'),
          t(lang, 'table.tags'),
          t(lang, 'table.score'),
          t(lang, 'rankings.explorer.csvRankChange'),
          t(lang, 'rankings.explorer.csvScoreChange'),
        ];
        expect(header.filter((h) => !publicHeader.includes(h))).toEqual([]);
        const indicators = indicatorNames();
        expect(header.filter((h) => indicators.some((n) => h.includes(n.zh) || h.includes(n.en)))).toEqual([]);
        expect(csv.length - 1).toBe(industry.count);
        const idColumn = header.indexOf(t(lang, 'profile.id'));
        expect(csv.slice(1).map((r) => r[idColumn])).toEqual(expected.map((i) => data.id[i]));
        await expect.poll(() => notice.textContent()).toBe(t(lang, 'rankings.explorer.exported', { n: industry.count.toLocaleString('en-US') }));

        // Without a clipboard: the link shows, selected, in a read-only field.
        await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true }));
        await x.island.getByRole('button', { name: t(lang, 'rankings.explorer.copyLink'), exact: true }).click();
        const field = x.island.getByLabel(t(lang, 'rankings.explorer.linkLabel'), { exact: true });
        await expect.poll(() => field.inputValue()).toBe(copied);
        expect(await field.getAttribute('readonly')).not.toBeNull();
        expect(await field.evaluate((el: HTMLInputElement) => [document.activeElement === el, el.selectionStart, el.selectionEnd])).toEqual([true, 0, copied.length]);
        await expect.poll(() => notice.textContent()).toBe(t(lang, 'rankings.explorer.copyManual'));

        // The URL opened directly (a new page load) shows the same view.
        await visit(page, filteredUrl, current);
        await x.hydrated();
        await x.counted(industry.count);
        expect(await x.shown()).toEqual(before);
      } finally {
        await context.close();
      }
      expect(describeProblems(problems)).toBe('');

      /** The industry's label in the file name (the option's text, characters files refuse replaced). */
      function industryLabel(text: string) {
        return text.replace(/[\u0000-\u001f\u007f\\/:*?"<>|\s]+/g, '_');
      }
    });
  }

  it('sorts by score change: most gained first, blanks last both ways, ties by rank; Back restores the sort', async () => {
    const { context, problems, current } = await watchedContext(browser, server.origin);
    const page = await context.newPage();
    const lang = 'en';
    try {
      await visit(page, `${server.origin}/en/rankings/`, current);
      const x = explorer(page, lang);
      await x.hydrated();
      const total = data.id.length;
      // The expected orders, worked out from the published files: a change first (by points,
      // then national rank, then published order), then the firms without a previous year.
      const order = data.id.map((_, i) => i);
      const known = order.filter((i) => data.scoreChange[i] !== null);
      const blanks = order.filter((i) => data.scoreChange[i] === null);
      const byChange = (dir: 1 | -1) => [...known].sort((a, b) => dir * (data.scoreChange[a]! - data.scoreChange[b]!) || data.rank[a]! - data.rank[b]! || a - b);
      const desc = [...byChange(-1), ...blanks].map((i) => data.id[i]);
      const asc = [...byChange(1), ...blanks].map((i) => data.id[i]);
      expect(blanks.length).toBeGreaterThan(0);
      expect(known.length).toBeGreaterThan(PAGE_SIZE);
      const ids = () => x.island.locator('tbody tr th a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.split('/').filter(Boolean).at(-1)));
      // A sort by a change reads every chunk: the count shows early, the rows when all are read.
      const settled = async () => {
        await x.counted(total).catch(() => {});
        await expect.poll(() => x.island.locator('table[aria-busy="true"]').count(), { timeout: 60_000 }).toBe(0);
        await expect.poll(() => x.status.textContent()).toBe(t(lang, 'rankings.explorer.count', { n: total.toLocaleString('en-US') }));
      };
      const header = x.island.locator('thead th', { has: page.getByRole('button', { name: t(lang, 'table.scoreChange'), exact: true }) });

      await x.sortBy(t(lang, 'table.scoreChange'));
      await expect.poll(() => paramsOf(page.url())).toEqual({ sort: 'scoreChange', dir: 'desc' });
      await settled();
      expect(await header.getAttribute('aria-sort')).toBe('descending');
      expect(await ids()).toEqual(desc.slice(0, PAGE_SIZE));
      const descUrl = page.url();
      // The rule is said next to the table.
      expect(await x.island.locator('.explorer-note').textContent()).toBe(t(lang, 'rankings.explorer.sortNote'));

      // Again: least gained (or most lost) first; the firms without a previous year still last.
      await x.sortBy(t(lang, 'table.scoreChange'));
      await expect.poll(() => paramsOf(page.url())).toEqual({ sort: 'scoreChange', dir: 'asc' });
      await settled();
      expect(await ids()).toEqual(asc.slice(0, PAGE_SIZE));
      const pages = Math.ceil(total / PAGE_SIZE);
      await visit(page, `${server.origin}/en/rankings/?sort=scoreChange&dir=asc&page=${pages}#explorer`, current);
      await x.hydrated();
      await settled();
      expect(await ids()).toEqual(asc.slice((pages - 1) * PAGE_SIZE));
      expect(await x.island.locator('tbody tr').last().locator('.rt-score-change [aria-hidden]').textContent()).toBe(t(lang, 'change.newMark'));
      await page.goBack();
      current.url = page.url();

      // Back to the descending sort; a profile and Back again keep it.
      await page.goBack();
      current.url = page.url();
      expect(page.url()).toBe(descUrl);
      await settled();
      expect(await ids()).toEqual(desc.slice(0, PAGE_SIZE));
      await Promise.all([page.waitForURL(/\/enterprise\//), x.island.locator('tbody tr').first().locator('th a').click()]);
      current.url = page.url();
      await page.goBack({ waitUntil: 'load' });
      current.url = page.url();
      expect(page.url()).toBe(descUrl);
      await x.hydrated();
      await settled();
      await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
      expect(await ids()).toEqual(desc.slice(0, PAGE_SIZE));
    } finally {
      await context.close();
    }
    expect(describeProblems(problems)).toBe('');
  }, 180_000);

  it('ignores invalid and unknown parameters, and opens a deep link in any year', async () => {
    const { context, problems, current } = await watchedContext(browser, server.origin);
    const page = await context.newPage();
    try {
      await visit(page, `${server.origin}/rankings/`, current);
      const x = explorer(page, 'zh');
      await x.hydrated();
      const plain = await x.shown();

      await visit(page, `${server.origin}/rankings/?year=1900&industry=%E4%B8%8D%E5%AD%98%E5%9C%A8&sort=secret&dir=up&page=-1&q=${'x'.repeat(300)}&utm_source=x#explorer`, current);
      await x.hydrated();
      expect(await x.shown()).toEqual(plain);
      expect(await x.search.inputValue()).toBe('');

      // A page past the end shows the last page.
      const industry = biggestIndustry();
      const pages = Math.ceil(industry.count / PAGE_SIZE);
      await visit(page, `${server.origin}/rankings/?industry=${encodeURIComponent(industry.name)}&page=999#explorer`, current);
      await x.hydrated();
      await x.counted(industry.count);
      await expect.poll(() => paramsOf(page.url()).page).toBe(String(pages));
      expect((await x.shown()).pageStatus).toBe(t('zh', 'pagination.status', { n: String(pages), total: String(pages) }));

      // An earlier year from the URL.
      const first = builtYears(dist)[0]!;
      if (first !== year) {
        const top = (JSON.parse(readFileSync(join(dist, 'rankings-data', String(first), '0.json'), 'utf8')) as { id: string[] }).id[0];
        await visit(page, `${server.origin}/rankings/?year=${first}#explorer`, current);
        await x.hydrated();
        await expect.poll(() => x.island.getByLabel(t('zh', 'rankings.explorer.year'), { exact: true }).inputValue()).toBe(String(first));
        await expect.poll(async () => (await x.shown()).firstId, { timeout: 15_000 }).toBe(top);
      }

      // A query and a sort by name from the URL.
      await visit(page, `${server.origin}/rankings/?q=%E6%9C%89%E9%99%90&sort=name&dir=asc#explorer`, current);
      await x.hydrated();
      expect(await x.search.inputValue()).toBe('有限');
      await expect.poll(() => x.island.locator('thead th[aria-sort="ascending"]').textContent()).toContain(t('zh', 'table.name'));
    } finally {
      await context.close();
    }
    expect(describeProblems(problems)).toBe('');
  });

  it('fits the new controls in a 390 px phone screen', async () => {
    const { context, problems, current } = await watchedContext(browser, server.origin);
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      for (const language of LANGUAGES) {
        const lang = language.lang as 'zh' | 'en';
        await visit(page, `${server.origin}${language.prefix}/rankings/`, current);
        const x = explorer(page, lang);
        await x.hydrated();
        await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true }));
        await x.island.getByRole('button', { name: t(lang, 'rankings.explorer.copyLink'), exact: true }).click();
        await expect.poll(() => x.island.getByLabel(t(lang, 'rankings.explorer.linkLabel'), { exact: true }).isVisible()).toBe(true);
        const overflow = await x.island.evaluate((island) => {
          const out: string[] = [];
          const width = document.documentElement.clientWidth;
          for (const el of island.querySelectorAll<HTMLElement>('.explorer-controls, .explorer-actions, .explorer-actions > *, [aria-live]')) {
            const r = el.getBoundingClientRect();
            if (r.right > width + 0.5 || r.left < -0.5) out.push(`${el.className || el.tagName}: ${r.left.toFixed(0)}–${r.right.toFixed(0)} of ${width}`);
            if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.className || el.tagName}: scrolls ${el.scrollWidth} > ${el.clientWidth}`);
          }
          return out;
        });
        expect(overflow, language.prefix || '/').toEqual([]);
      }
    } finally {
      await context.close();
    }
    expect(describeProblems(problems)).toBe('');
  });
});

/** The value of the industry select's option for `name`, from the Chinese hub's server-rendered HTML. */
function industryOptionValue(name: string): string {
  const html = readFileSync(join(dist, 'rankings/index.html'), 'utf8');
  const select = /<select id="explorer-industry"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? '';
  for (const [, value, text] of select.matchAll(/<option value="(\d+)"[^>]*>([^<]*)<\/option>/g)) if (decodeEntities(text!).trim() === name) return value!;
  throw new Error(`no industry option for ${name}`);
}

/** The model's indicator names, from the site's own download. */
function indicatorNames(): { zh: string; en: string }[] {
  const file = JSON.parse(readFileSync(join(dist, 'downloads/model.json'), 'utf8')) as { indicators?: { name: { zh: string; en: string } }[]; model?: { indicators: { name: { zh: string; en: string } }[] } };
  return (file.indicators ?? file.model?.indicators ?? []).map((i) => i.name);
}
