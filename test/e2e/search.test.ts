// Issue 14 §4 (search people use), on the sample build in headless Chromium: every page has a
// search box in its header, a GET form to the rankings explorer that lands on its results (and,
// without JavaScript, on the explorer's static list with a note); a query of several words
// finds only firms holding every word; any 6 or more characters of a credit code find the firm;
// a common word shows its first page from one index file, without reading the list; the header
// fits a 390 px phone.
//
// SITE_TEST_DIST=<dir> reuses an existing build of data/ (as in site.test.ts).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { matchesQuery, normaliseSearch } from '../../src/wire/ranking-data.ts';
import { describeProblems, launchBrowser, visit, watchedContext } from './helpers/browser.ts';
import { listFiles, sampleSite } from './helpers/build.ts';
import { LANGUAGES, builtYears } from './helpers/page-types.ts';
import { serveDir, type StaticServer } from './helpers/server.ts';

let dist: string;
let server: StaticServer;
let browser: Browser;
/** The latest year's list in published order. */
let data: { id: string[]; name: string[]; nameEn: string[] };
let year: number;

beforeAll(async () => {
  mkdirSync(join(inject('e2eRoot'), 'sample-site'), { recursive: true });
  dist = process.env.SITE_TEST_DIST ?? (await sampleSite()).dist;
  [server, browser] = await Promise.all([serveDir(dist), launchBrowser()]);
  year = builtYears(dist).at(-1)!;
  const dir = join(dist, 'rankings-data', String(year));
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as { chunks: number };
  data = { id: [], name: [], nameEn: [] };
  for (let n = 0; n < meta.chunks; n++) {
    const chunk = JSON.parse(readFileSync(join(dir, `${n}.json`), 'utf8')) as typeof data;
    data.id.push(...chunk.id);
    data.name.push(...chunk.name);
    data.nameEn.push(...chunk.nameEn);
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Ids of the latest year's firms a query matches, in published order (the definition: every word in a name, or in the code). */
const matching = (query: string) => {
  const q = normaliseSearch(query);
  return data.id.filter((id, i) => matchesQuery({ id, name: data.name[i]!, nameEn: data.nameEn[i]! }, q));
};

/** The explorer's rows on screen once its status settles: the firms' ids, and the status. */
async function results(page: Page): Promise<{ ids: string[]; status: string }> {
  const island = page.locator('.ranking-explorer');
  await expect.poll(() => island.locator('table[aria-busy="true"]').count(), { timeout: 20_000 }).toBe(0);
  await page.waitForLoadState('networkidle').catch(() => {});
  const hrefs = await island.locator('tbody tr a[href*="/enterprise/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return { ids: hrefs.map((h) => h.split('/').filter(Boolean).at(-1)!), status: ((await island.locator('[role="status"]').first().textContent()) ?? '').trim() };
}

describe('the header search', () => {
  it('is on every page: a GET form to the explorer with the query in q', () => {
    const pages = listFiles(dist).filter((f) => f.endsWith('.html') && f !== '404.html');
    expect(pages.length).toBeGreaterThan(50);
    for (const f of pages.filter((_, i) => i % 25 === 0)) {
      const html = readFileSync(join(dist, f), 'utf8');
      const form = /<form class="site-search" role="search" method="get" action="([^"]+)"/.exec(html);
      expect(form?.[1], f).toBe(f.startsWith('en/') ? '/en/rankings/#explorer' : '/rankings/#explorer');
      expect(html, f).toMatch(/<input id="site-search-q" type="search" name="q"/);
    }
  });

  for (const language of LANGUAGES) {
    const lang = language.lang;
    it(`lands on the explorer's results from a profile, every word required (${language.prefix || '/'})`, async () => {
      // Two words of one firm's Chinese name, apart: its place and its trade.
      const i = Math.floor(data.id.length / 3);
      const chars = [...data.name[i]!];
      const query = `${chars.slice(0, 2).join('')} ${chars.slice(-6, -4).join('')}`;
      const expected = matching(query);
      expect(expected).toContain(data.id[i]);
      // Both words together find fewer firms than either alone: the words are ANDed.
      const [first, second] = query.split(' ');
      expect(expected.length).toBeLessThan(Math.min(matching(first!).length, matching(second!).length));

      const { context, problems, current } = await watchedContext(browser, server.origin);
      const page = await context.newPage();
      try {
        await visit(page, `${server.origin}${language.prefix}/enterprise/${data.id[0]}/`, current);
        const box = page.getByRole('search').getByLabel(t(lang, 'site.search'));
        await box.fill(query);
        await box.press('Enter');
        await page.waitForURL(/\/rankings\/\?q=/);
        expect(new URL(page.url()).pathname).toBe(`${language.prefix}/rankings/`);
        expect(new URL(page.url()).searchParams.get('q')).toBe(query);
        await page.locator('#explorer').scrollIntoViewIfNeeded();
        await expect.poll(() => page.locator('.ranking-explorer input[type="search"]').inputValue(), { timeout: 20_000 }).toBe(query);
        const shown = await results(page);
        expect(shown.ids.length).toBeGreaterThan(0);
        expect(shown.ids).toEqual(expected.slice(0, shown.ids.length));
        expect(problems, describeProblems(problems)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('finds a firm by 8 characters from the middle of its credit code, with few requests', async () => {
    const i = Math.floor((data.id.length * 2) / 3);
    const part = data.id[i]!.slice(6, 14);
    expect(data.id[i]!.startsWith(part)).toBe(false);
    const expected = matching(part);
    expect(expected).toContain(data.id[i]);
    const { context, problems, current } = await watchedContext(browser, server.origin);
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => /\/(search|rankings-data)\/.*\.json$/.test(r.url()) && fetched.push(new URL(r.url()).pathname));
    try {
      await visit(page, `${server.origin}/rankings/?q=${encodeURIComponent(part.toLowerCase())}#explorer`, current);
      const shown = await results(page);
      expect(shown.ids).toEqual(expected);
      // The meta files, at most two id-gram files and the chunks of the matches.
      expect(fetched.filter((p) => /\/idg-\d+\.json$/.test(p)).length).toBeGreaterThan(0);
      expect(fetched.length).toBeLessThanOrEqual(4 + expected.length);
      expect(problems, describeProblems(problems)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows a common word’s first page and count from its top file, without reading the list', async () => {
    const meta = JSON.parse(readFileSync(join(dist, 'search', String(year), 'meta.json'), 'utf8')) as { common: string[] };
    const word = meta.common.find((g) => /^[\u4e00-\u9fff]{2}$/.test(g))!;
    expect(word).toBeDefined();
    const expected = matching(word);
    const { context, problems, current } = await watchedContext(browser, server.origin);
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => /\/(search|rankings-data)\/.*\.json$/.test(r.url()) && fetched.push(new URL(r.url()).pathname));
    try {
      await visit(page, `${server.origin}/rankings/?q=${encodeURIComponent(word)}#explorer`, current);
      const shown = await results(page);
      expect(shown.ids).toEqual(expected.slice(0, shown.ids.length));
      expect(shown.status).toBe(t('zh', 'rankings.explorer.count', { n: expected.length.toLocaleString('en-US') }));
      // Two meta files and one top file: no list chunk.
      expect(fetched.filter((p) => /\/rankings-data\/\d+\/\d+\.json$/.test(p))).toEqual([]);
      expect(fetched.length).toBeLessThanOrEqual(3);
      expect(problems, describeProblems(problems)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('without JavaScript, lands on the explorer page with its static list and a note', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${server.origin}/en/methodology/`);
      const box = page.getByRole('search').getByLabel(t('en', 'site.search'));
      await box.fill('pharma');
      await page.getByRole('search').getByRole('button', { name: t('en', 'site.searchSubmit') }).click();
      await page.waitForURL(/\/en\/rankings\/\?q=pharma#explorer$/);
      const note = t('en', 'site.searchNoScript').split('.')[0]!;
      await expect.poll(() => page.locator('p', { hasText: note }).first().isVisible()).toBe(true);
      expect(await page.locator('.ranking-explorer tbody tr').count()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });

  for (const language of LANGUAGES) {
    it(`fits a 390 px phone (${language.prefix || '/'})`, async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
      const page = await context.newPage();
      try {
        await page.goto(`${server.origin}${language.prefix}/`);
        const form = page.getByRole('search');
        const box = await form.boundingBox();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(390);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        // The input keeps a usable width.
        expect((await form.locator('input').boundingBox())!.width).toBeGreaterThan(150);
      } finally {
        await context.close();
      }
    });
  }
});
