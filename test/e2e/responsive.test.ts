// Issue 14 §2 (phone-first tables and charts), in headless Chromium against the sample build:
// at 390 px, on one page of every page type in both languages, no ranking list, chart or table
// overflows its container or the page; ranking rows show rank, name, score and change on screen
// with room for the name (never one character a line); charts scale to the column with text
// that stays legible (also at 360 px; the profile's band strip keeps a minimum width and
// scrolls in its focusable canvas instead). Tables too wide for a phone (the methodology and
// profile indicator tables, /parks/ and others) scroll sideways only inside their own focusable,
// named region, never the page. At 1280 px the /parks/ table fits without scrolling. The
// rankings explorer's rows and the single-indicator rankings are cards too: at 390 px rank,
// name, score (s) and change share the first line, also after the explorer re-sorts its rows.
//
// SITE_TEST_DIST=<dir> reuses an existing build of data/ (as in site.test.ts).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, visit, watchedContext } from './helpers/browser.ts';
import { sampleSite } from './helpers/build.ts';
import { LANGUAGES, samplePagesByType, type SamplePage } from './helpers/page-types.ts';
import { serveDir, type StaticServer } from './helpers/server.ts';

let dist: string;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let current: { url: string };

beforeAll(async () => {
  mkdirSync(join(inject('e2eRoot'), 'sample-site'), { recursive: true });
  dist = process.env.SITE_TEST_DIST ?? (await sampleSite()).dist;
  [server, browser] = await Promise.all([serveDir(dist), launchBrowser()]);
  ({ context, current } = await watchedContext(browser, server.origin));
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Layout {
  /** Sideways overflow of the page itself, in px. */
  pageOverflow: number;
  problems: string[];
  rankingRows: number;
  charts: number;
  tables: number;
}

/** Measures every ranking list, chart and table on the open page (run in the browser). */
async function measure(p: Page): Promise<Layout> {
  return p.evaluate(() => {
    const problems: string[] = [];
    const vw = document.documentElement.clientWidth;
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    };
    const describe = (el: Element) => {
      const id = el.id || el.closest('[id]')?.id || '';
      return `${el.tagName.toLowerCase()}${id ? `#${id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
    };
    const inViewport = (el: Element, what: string) => {
      const r = el.getBoundingClientRect();
      if (r.left < -1 || r.right > vw + 1) problems.push(`${what} ${describe(el)} spans ${Math.round(r.left)}–${Math.round(r.right)} px of a ${vw} px viewport`);
    };
    const overflowing = (el: Element) => el.scrollWidth > el.clientWidth + 1;

    // Ranking lists: no scrolling, and the key cells of every row on screen: rank, name, score
    // and change (a single-indicator ranking has no change column; its s is the score).
    let rankingRows = 0;
    // RankingTable's lists, the explorer island's and the indicator rankings' (same classes).
    for (const list of document.querySelectorAll('.table-scroll.ranking-table:has(.rt-rank)')) {
      if (!visible(list)) continue;
      if (overflowing(list)) problems.push(`ranking list ${describe(list)} scrolls sideways (${list.scrollWidth} > ${list.clientWidth})`);
      inViewport(list, 'ranking list');
      const keys = ['rt-rank', 'rt-name', 'rt-score', ...(list.querySelector('thead .rt-change') ? ['rt-change'] : [])];
      for (const row of list.querySelectorAll('tbody tr')) {
        rankingRows++;
        for (const cls of keys) {
          const cell = row.querySelector(`.${cls}`);
          if (!cell || !visible(cell)) {
            problems.push(`ranking row in ${describe(list)} has no visible ${cls} cell`);
            continue;
          }
          inViewport(cell, cls);
        }
        const name = row.querySelector('.rt-name');
        if (name && visible(name)) {
          const em = parseFloat(getComputedStyle(name).fontSize);
          const width = name.getBoundingClientRect().width;
          if (width < 8 * em) problems.push(`name cell in ${describe(list)} is ${Math.round(width)} px wide (< 8em): "${name.textContent?.trim()}"`);
          const link = name.querySelector('a');
          if (link) {
            const lines = link.getClientRects().length;
            const chars = (link.textContent ?? '').trim().length;
            if (lines > 1 && chars / lines < 4) problems.push(`name "${link.textContent?.trim()}" wraps over ${lines} lines`);
          }
        }
      }
    }

    // Charts: the drawing fits the canvas, the canvas does not scroll, the text stays legible.
    let charts = 0;
    for (const figure of document.querySelectorAll('figure.chart')) {
      if (!visible(figure)) continue;
      charts++;
      inViewport(figure, 'chart');
      const canvas = figure.querySelector('.chart-canvas');
      const svg = figure.querySelector('svg.chart-svg') as SVGSVGElement | null;
      if (!canvas || !svg) {
        problems.push(`chart ${describe(figure)} has no canvas or svg`);
        continue;
      }
      // The profile's band strip (a wide grid of labelled cells) keeps a minimum width and
      // scrolls inside its focusable canvas; every other chart scales to the column.
      const bandStrip = svg.querySelector('.band-strip') !== null;
      if (bandStrip) {
        if (canvas.getAttribute('tabindex') !== '0' || !canvas.getAttribute('aria-label')) problems.push(`band strip canvas is not focusable and named`);
        continue;
      }
      if (overflowing(canvas)) problems.push(`chart ${describe(figure)} scrolls sideways (${canvas.scrollWidth} > ${canvas.clientWidth})`);
      const c = canvas.getBoundingClientRect();
      const s = svg.getBoundingClientRect();
      if (s.right > c.right + 1 || s.left < c.left - 1) problems.push(`chart ${describe(figure)} drawing is wider than its canvas`);
      if (!svg.getAttribute('viewBox')) problems.push(`chart ${describe(figure)} has no viewBox`);
      const scale = s.width / svg.viewBox.baseVal.width;
      let smallest = Infinity;
      for (const text of svg.querySelectorAll('text')) {
        if (!text.textContent?.trim()) continue;
        smallest = Math.min(smallest, parseFloat(getComputedStyle(text).fontSize) * scale);
      }
      if (smallest < 8.5) problems.push(`chart ${describe(figure)} text is ${smallest.toFixed(1)} px on screen`);
    }

    // Other tables: those too wide for a phone scroll sideways inside their own focusable,
    // named region (DataTable), never the page; the region itself stays on screen.
    let tables = 0;
    for (const region of document.querySelectorAll('.table-scroll')) {
      if (!visible(region) || region.matches('.ranking-table:has(.rt-rank)') || region.closest('astro-island')) continue;
      tables++;
      inViewport(region, 'table region');
      if (!overflowing(region)) continue;
      const table = region.querySelector('table');
      if (region.getAttribute('tabindex') !== '0' || !region.getAttribute('aria-labelledby')) problems.push(`scrolling table ${describe(table ?? region)} is not in a focusable, named region`);
      const style = getComputedStyle(region);
      if (style.overflowX !== 'auto' && style.overflowX !== 'scroll') problems.push(`table ${describe(table ?? region)} overflows a region that does not scroll`);
    }

    const pageOverflow = Math.max(0, document.documentElement.scrollWidth - vw);
    return { pageOverflow, problems, rankingRows, charts, tables };
  });
}

async function open(url: string, width: number): Promise<Layout> {
  await page.setViewportSize({ width, height: 844 });
  await visit(page, server.origin + url, current);
  return measure(page);
}

describe('phone layout (390 px): lists, charts and tables fit', () => {
  it('every page type in both languages', async () => {
    const pages: SamplePage[] = samplePagesByType(dist);
    const failures: string[] = [];
    let rows = 0;
    let charts = 0;
    for (const p of pages) {
      const layout = await open(p.url, 390);
      rows += layout.rankingRows;
      charts += layout.charts;
      if (layout.pageOverflow > 1) failures.push(`${p.url} (${p.type}): the page scrolls sideways by ${layout.pageOverflow} px`);
      for (const problem of layout.problems) failures.push(`${p.url} (${p.type}): ${problem}`);
    }
    expect(failures.join('\n')).toBe('');
    // The sample covers real lists and charts, not empty pages.
    expect(rows).toBeGreaterThan(100);
    expect(charts).toBeGreaterThan(5);
  }, 240_000);

  it('ranking rows are cards: rank, name, score and change on one line, the name readable', async () => {
    for (const language of LANGUAGES) {
      const path = samplePagesByType(dist).find((p) => p.type === 'national ranking' && p.language.lang === language.lang)!.url;
      await open(path, 390);
      const first = await page.evaluate(() => {
        const row = document.querySelector('.ranking-table tbody tr')!;
        const box = (cls: string) => row.querySelector(`.${cls}`)!.getBoundingClientRect();
        const [rank, name, score, change] = ['rt-rank', 'rt-name', 'rt-score', 'rt-change'].map(box);
        return { rank: rank!.top, name: name!.top, score: score!.top, change: change!.top, table: getComputedStyle(row.closest('table')!).display };
      });
      // Same first line (within a few px: baseline alignment of different font sizes).
      for (const top of [first.name, first.score, first.change]) expect(Math.abs(top - first.rank)).toBeLessThan(6);
      // Laid out as a grid of cards, still exposed as a table with rows.
      expect(first.table).toBe('grid');
      const snapshot = await page.locator('.ranking-table table').first().ariaSnapshot();
      expect(snapshot).toMatch(/^- table/);
      expect(snapshot).toMatch(/- row/);
    }
  }, 60_000);

  it('charts stay legible at 360 px', async () => {
    const pages = samplePagesByType(dist).filter((p) => ['parks', 'stage', 'enterprise profile', 'methodology'].includes(p.type));
    const failures: string[] = [];
    for (const p of pages) {
      const layout = await open(p.url, 360);
      if (layout.pageOverflow > 1) failures.push(`${p.url}: the page scrolls sideways by ${layout.pageOverflow} px`);
      for (const problem of layout.problems) failures.push(`${p.url}: ${problem}`);
    }
    expect(failures.join('\n')).toBe('');
  }, 120_000);
});

describe('desktop (1280 px)', () => {
  it('the /parks/ table shows every column without scrolling', async () => {
    for (const language of LANGUAGES) {
      const layout = await open(`${language.prefix}/parks/`, 1280);
      const parks = await page.evaluate(() => {
        const table = document.querySelector('main table.data-table')!;
        const region = table.closest('.table-scroll')!;
        return { scroll: region.scrollWidth, client: region.clientWidth, right: table.getBoundingClientRect().right, regionRight: region.getBoundingClientRect().right };
      });
      expect(parks.scroll).toBeLessThanOrEqual(parks.client + 1);
      expect(parks.right).toBeLessThanOrEqual(parks.regionRight + 1);
      expect(layout.pageOverflow).toBeLessThanOrEqual(1);
      expect(layout.problems).toEqual([]);
    }
  }, 60_000);
});

/** Where the first body row's key cells are, and how its table is laid out (run in the browser). */
function firstCard(selector: string) {
  const list = document.querySelector(selector)!;
  const row = list.querySelector('tbody tr')!;
  const top = (cls: string) => row.querySelector(`.${cls}`)?.getBoundingClientRect().top ?? null;
  return {
    rank: top('rt-rank'),
    name: top('rt-name'),
    score: top('rt-score'),
    change: top('rt-change'),
    below: top('rt-score-change') ?? top('rt-points'),
    table: getComputedStyle(list.querySelector('table')!).display,
    overflow: list.scrollWidth - list.clientWidth,
    pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    text: (row.textContent ?? '').replace(/\s+/g, ' ').trim(),
  };
}

describe('phone layout (390 px): the explorer and the indicator rankings', () => {
  it('explorer rows are cards, before and after a sort by score change', async () => {
    for (const language of LANGUAGES) {
      await open(`${language.prefix}/rankings/`, 390);
      const island = page.locator('astro-island', { has: page.locator('input[type="search"]') });
      const list = '.ranking-explorer .table-scroll.ranking-table';
      const check = () => page.evaluate(firstCard, list);
      let card = await check();
      expect(card.table).toBe('grid');
      for (const top of [card.name, card.score, card.change]) expect(Math.abs(top! - card.rank!)).toBeLessThan(6);
      // The score change sits under the scores, on the second line.
      expect(card.below!).toBeGreaterThan(card.rank! + 6);
      expect(card.overflow).toBeLessThanOrEqual(1);
      expect(card.pageOverflow).toBeLessThanOrEqual(1);

      // Sorted by score change (most points gained first): still cards, nothing overflows.
      await island.scrollIntoViewIfNeeded();
      const header = island.locator('thead th.rt-score-change');
      await expect.poll(() => header.getByRole('button').isVisible(), { timeout: 15_000 }).toBe(true);
      const before = card.text;
      await header.getByRole('button').click();
      await expect.poll(() => header.getAttribute('aria-sort'), { timeout: 20_000 }).toBe('descending');
      await expect.poll(async () => (await check()).text, { timeout: 20_000 }).not.toBe(before);
      await expect.poll(() => island.locator('table[aria-busy="true"]').count(), { timeout: 20_000 }).toBe(0);
      card = await check();
      expect(card.table).toBe('grid');
      for (const top of [card.name, card.score, card.change]) expect(Math.abs(top! - card.rank!)).toBeLessThan(6);
      expect(card.overflow).toBeLessThanOrEqual(1);
      expect(card.pageOverflow).toBeLessThanOrEqual(1);
      const layout = await measure(page);
      expect(layout.problems).toEqual([]);
      expect(layout.rankingRows).toBeGreaterThan(0);
    }
  }, 120_000);

  it('a single-indicator ranking is a list of cards: rank, name and s on one line, points below', async () => {
    for (const language of LANGUAGES) {
      const path = samplePagesByType(dist).find((p) => p.type === 'indicator ranking' && p.language.lang === language.lang)!.url;
      const layout = await open(path, 390);
      expect(layout.problems).toEqual([]);
      expect(layout.pageOverflow).toBeLessThanOrEqual(1);
      const list = '#indicator-ranking';
      const card = await page.evaluate(firstCard, `.table-scroll:has(${list})`);
      expect(card.table).toBe('grid');
      for (const top of [card.name, card.score]) expect(Math.abs(top! - card.rank!)).toBeLessThan(6);
      expect(card.below!).toBeGreaterThan(card.rank! + 6);
      expect(card.overflow).toBeLessThanOrEqual(1);
      // The extra values are labelled in the row (their headers take no line of the header card).
      const labels = await page.evaluate((sel) => [...document.querySelectorAll(`${sel} tbody tr:first-child .rt-extra`)].map((c) => getComputedStyle(c, '::before').content), list);
      expect(labels).toHaveLength(3);
      for (const label of labels) expect(label).toMatch(/: /);
    }
  }, 60_000);
});
