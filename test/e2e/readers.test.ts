// Issue 14 §5–§9 for readers, on the sample build (and a small fixture for sources), checked
// against the site's own open data (downloads/public-scores.json) and in headless Chromium:
// park, stage and industry lists show the change within that list and a score-change column;
// a showcase entry shows the firm's national rank in every year and flags growth points from a
// missing prior-year base; English entries have English bodies; the compare page shows 2–4
// firms from its URL, and a profile's "add to compare" adds to it; /parks/ charts each park's
// median and top decile over the years; achievements cite title, date and link. Both
// languages; at 390 px nothing overflows.
//
// SITE_TEST_DIST=<dir> reuses an existing build of data/ (as in site.test.ts).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { formatScore } from '../../src/i18n/format.ts';
import { quantileSorted } from '../../src/core/quantile.ts';
import { copyFixture } from '../helpers/folder.ts';
import { describeProblems, launchBrowser, visit, watchedContext } from './helpers/browser.ts';
import { buildSiteOrThrow, sampleSite } from './helpers/build.ts';
import { LANGUAGES } from './helpers/page-types.ts';
import { serveDir, type StaticServer } from './helpers/server.ts';

let dist: string;
let server: StaticServer;
let browser: Browser;
/** downloads/public-scores.json: every year's public rows, by column name. */
type Row = Record<string, string | number | null>;
let rows: Row[];
let years: number[];

beforeAll(async () => {
  mkdirSync(join(inject('e2eRoot'), 'sample-site'), { recursive: true });
  dist = process.env.SITE_TEST_DIST ?? (await sampleSite()).dist;
  [server, browser] = await Promise.all([serveDir(dist), launchBrowser()]);
  const json = JSON.parse(readFileSync(join(dist, 'downloads/public-scores.json'), 'utf8')) as { columns: string[]; rows: unknown[][] };
  rows = json.rows.map((r) => Object.fromEntries(json.columns.map((c, i) => [c, r[i] as string | number | null])));
  years = [...new Set(rows.map((r) => r['year'] as number))].sort();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
const rowOf = (year: number, id: string) => rows.find((r) => r['year'] === year && r['id'] === id);

/** The body rows of the ranking table of a page: each firm's id and its cells by class. */
function tableRows(file: string, tableId?: string): { id: string; cells: Record<string, string> }[] {
  let html = readFileSync(join(dist, file), 'utf8');
  if (tableId) html = html.slice(html.indexOf(`id="${tableId}"`));
  const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => {
    const id = /\/enterprise\/([^/]+)\//.exec(m[1]!)![1]!;
    const cells: Record<string, string> = {};
    for (const c of m[1]!.matchAll(/<t[dh][^>]*class="[^"]*\b(rt-[a-z-]+)\b[^"]*"[^>]*>([\s\S]*?)<\/t[dh]>/g)) {
      cells[c[1]!] = text(/<span aria-hidden="true">([\s\S]*?)<\/span>/.exec(c[2]!)?.[1] ?? c[2]!);
    }
    return { id, cells };
  });
}

/** The change mark a list should show: new (新/new), = or ↑n / ↓n. */
const mark = (lang: 'zh' | 'en', change: number | null) => (change === null ? t(lang, 'change.newMark') : change === 0 ? '=' : `${change < 0 ? '↑' : '↓'}${Math.abs(change).toLocaleString('en-US')}`);

describe('change within a list', () => {
  // The full lists, and the top lists of a park's page and of a stage's breakdown page (which
  // rank within the park or stage, so their change is within it too).
  for (const [kind, key, rankColumn, where, tableId] of [
    ['parks', 'park', 'rank_park', 'list', undefined],
    ['stages', 'stage', 'rank_stage', 'list', undefined],
    ['parks', 'park', 'rank_park', 'park page', 'park-top'],
    ['stages', 'stage', 'rank_stage', 'stage page', 'stage-top'],
  ] as const) {
    it(`${kind} (${where}): the rank change against the same ${key}'s list last year, and the score change beside it`, () => {
      const year = years.at(-1)!;
      const group = rows.find((r) => r['year'] === year)![key] as string;
      for (const language of LANGUAGES) {
        const lang = language.lang;
        const folder = `${language.prefix.slice(1)}${language.prefix ? '/' : ''}`;
        const file = where === 'list' ? `${folder}rankings/${year}/${kind}/${group}/index.html` : `${folder}${kind}/${group}/index.html`;
        const list = tableRows(file, tableId);
        expect(list.length, file).toBeGreaterThanOrEqual(10);
        let moved = 0;
        let fromElsewhere = 0;
        for (const { id, cells } of list) {
          const now = rowOf(year, id)!;
          const before = rowOf(year - 1, id);
          const sameList = before !== undefined && before[key] === now[key];
          const change = sameList ? (now[rankColumn] as number) - (before[rankColumn] as number) : null;
          expect(cells['rt-change'], `${file} ${id}`).toBe(mark(lang, change));
          if (change !== null && change !== now['rank_change']) moved++;
          if (before && !sameList) fromElsewhere++;
          const sc = now['score_change'] as number | null;
          expect(cells['rt-score-change'], `${file} ${id}`).toBe(sc === null ? t(lang, 'change.newMark') : sc === 0 ? formatScore(lang, 0) : `${sc > 0 ? '+' : '-'}${formatScore(lang, Math.abs(sc))}`);
        }
        // The list's change is not the national one: it differs for some firm on the page.
        expect(moved + fromElsewhere, file).toBeGreaterThan(0);
      }
    });
  }
});

describe('showcase entries', () => {
  /** Sample entries: a firm scored every year, one scored twice, one founded in the evaluated year. */
  const entries = () => ['shijiazhuang-runrun-pharma', 'guangzhou-zhisai-electronics', 'shijiazhuang-lizi-pharma'];
  const featuredId = (html: string) => /<aside class="featured[ "][\s\S]*?\/enterprise\/([^/]+)\//.exec(html)![1]!;

  it('show the featured firm’s national rank in every year it was scored', () => {
    for (const slug of entries()) {
      for (const language of LANGUAGES) {
        const html = readFileSync(join(dist, `${language.prefix.slice(1)}${language.prefix ? '/' : ''}showcase/${slug}/index.html`), 'utf8');
        const id = featuredId(html);
        const history = rows.filter((r) => r['id'] === id).sort((a, b) => (a['year'] as number) - (b['year'] as number));
        const strip = /<ol class="featured-strip[ "][^>]*>([\s\S]*?)<\/ol>/.exec(html);
        if (history.length < 2) {
          expect(strip, slug).toBeNull();
          continue;
        }
        const shown = [...strip![1]!.matchAll(/featured-strip-rank[^>]*>([^<]*)</g)].map((m) => Number(m[1]!.replace(/,/g, '')));
        expect(shown, slug).toEqual(history.map((r) => r['rank_national']));
      }
    }
  });

  it('flag the year’s growth points without a prior-year base, exactly where the profile shows one', () => {
    let flagged = 0;
    for (const slug of entries()) {
      const html = readFileSync(join(dist, `showcase/${slug}/index.html`), 'utf8');
      const profile = readFileSync(join(dist, `enterprise/${featuredId(html)}/index.html`), 'utf8');
      const withoutBase = profile.includes(t('zh', 'profile.withoutBase'));
      expect(/class="featured-flag[ "]/.test(html), slug).toBe(withoutBase);
      if (withoutBase) {
        flagged++;
        expect(text(html)).toContain(t('zh', 'showcase.zeroBaseFlag'));
      }
    }
    // The sample's start-up founded in the evaluated year (立紫医药) is one.
    expect(flagged).toBeGreaterThan(0);
  });

  it('in English, show the English body (not marked as Chinese) and English excerpts', () => {
    const html = readFileSync(join(dist, 'en/showcase/huizhou-saihui-machinery/index.html'), 'utf8');
    expect(html).not.toContain(t('en', 'showcase.chineseOnly'));
    const body = /<div class="entry-body[ "]([^>]*)>([\s\S]*?)<\/div>/.exec(html)!;
    expect(body[1]).not.toContain('lang="zh-CN"');
    expect(text(body[2]!)).toContain('Down, then up again');
    expect(text(body[2]!)).not.toMatch(/[\u4e00-\u9fff]{4}/);
    // The Chinese page keeps the Chinese body only.
    const zh = readFileSync(join(dist, 'showcase/huizhou-saihui-machinery/index.html'), 'utf8');
    expect(zh).toContain('从回落到回升');
    expect(zh).not.toContain('Down, then up again');
  });
});

describe('the compare page', () => {
  const latest = () => years.at(-1)!;
  /** Firms scored in every year: the top three of the first year that stayed. */
  const firms = () => rows.filter((r) => r['year'] === years[0] && years.every((y) => rowOf(y, r['id'] as string))).slice(0, 3).map((r) => r['id'] as string);

  for (const language of LANGUAGES) {
    const lang = language.lang;
    it(`shows the firms of its URL side by side, from public numbers (${language.prefix}/compare/)`, async () => {
      const ids = firms();
      const { context, problems, current } = await watchedContext(browser, server.origin);
      const page = await context.newPage();
      try {
        await visit(page, `${server.origin}${language.prefix}/compare/?ids=${ids.slice(0, 2).join(',')}`, current);
        const view = page.locator('.compare-view');
        await expect.poll(() => view.locator('.compare-firms li').count(), { timeout: 20_000 }).toBe(2);
        // Scores by year: one row a year, one column a firm, as published.
        const scores = view.getByRole('table', { name: t(lang, 'compare.scoreByYear') });
        const cells = await scores.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
        expect(cells).toEqual(years.map((y) => ids.slice(0, 2).map((id) => formatScore(lang, rowOf(y, id)!['score'] as number))));
        const ranks = view.getByRole('table', { name: t(lang, 'compare.rankByYear') });
        const rankCells = await ranks.locator('tbody tr').last().evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => Number((td.textContent ?? '').replace(/,/g, '')))));
        expect(rankCells[0]).toEqual(ids.slice(0, 2).map((id) => rowOf(latest(), id)!['rank_national']));
        await expect.poll(() => view.getByRole('table', { name: t(lang, 'compare.publicIndicators') }).locator('tbody tr').count()).toBeGreaterThan(3);
        await expect.poll(() => view.getByRole('table', { name: t(lang, 'compare.bands') }).locator('tbody tr').count()).toBeGreaterThan(3);

        // Add the third by its code; the URL names all three.
        await view.getByLabel(t(lang, 'compare.add')).fill(ids[2]!);
        await view.getByRole('button', { name: t(lang, 'compare.addButton') }).click();
        await expect.poll(() => view.locator('.compare-firms li').count()).toBe(3);
        expect(new URL(page.url()).searchParams.get('ids')).toBe(ids.join(','));
        // Remove the first; Back brings it back.
        await view.locator('.compare-firms li').first().getByRole('button').click();
        await expect.poll(() => new URL(page.url()).searchParams.get('ids')).toBe(ids.slice(1).join(','));
        await page.goBack();
        await expect.poll(() => view.locator('.compare-firms li').count()).toBe(3);
        expect(problems, describeProblems(problems)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('gets a firm from a profile’s “add to compare” link, added to the ones chosen before', async () => {
    const ids = firms();
    const { context, problems, current } = await watchedContext(browser, server.origin);
    const page = await context.newPage();
    try {
      await visit(page, `${server.origin}/enterprise/${ids[0]}/`, current);
      await page.getByRole('link', { name: t('zh', 'compare.addLink') }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('ids')).toBe(ids[0]);
      await expect.poll(() => page.locator('.compare-firms li').count(), { timeout: 20_000 }).toBe(1);
      await visit(page, `${server.origin}/enterprise/${ids[1]}/`, current);
      await page.getByRole('link', { name: t('zh', 'compare.addLink') }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('ids')).toBe(`${ids[0]},${ids[1]}`);
      await expect.poll(() => page.locator('.compare-firms li').count(), { timeout: 20_000 }).toBe(2);
      expect(problems, describeProblems(problems)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('publishes only what the public table holds for each firm', () => {
    const ids = firms();
    const files = readdirSync(join(dist, 'compare-data')).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(1);
    const all = files.map((f) => JSON.parse(readFileSync(join(dist, 'compare-data', f), 'utf8')) as { firms: Record<string, { years: Record<string, unknown>[] }> });
    const firm = all.find((f) => f.firms[ids[0]!])!.firms[ids[0]!]!;
    for (const y of firm.years) {
      const pub = rowOf(y['year'] as number, ids[0]!)!;
      expect([y['score'], y['rankNational'], y['rankPark'], y['rankStage']]).toEqual([pub['score'], pub['rank_national'], pub['rank_park'], pub['rank_stage']]);
      // Private indicators carry neither value nor points.
      const model = JSON.parse(readFileSync(join(dist, 'downloads/model.json'), 'utf8')) as { indicators: { public: boolean }[] };
      model.indicators.forEach((ind, i) => {
        if (!ind.public) expect([(y['values'] as unknown[])[i], (y['points'] as unknown[])[i]]).toEqual([null, null]);
      });
    }
  });
});

describe('/parks/ over the years', () => {
  it('charts each park’s median and top-decile score in every year, with tables, and says scores are relative to each year', () => {
    for (const language of LANGUAGES) {
      const lang = language.lang;
      const html = readFileSync(join(dist, `${language.prefix.slice(1)}${language.prefix ? '/' : ''}parks/index.html`), 'utf8');
      expect(text(html)).toContain(t(lang, 'parks.trendsRelative'));
      for (const [id, p] of [
        ['parks-median-trend', 0.5],
        ['parks-top-trend', 0.9],
      ] as const) {
        const at = html.indexOf(`id="${id}"`);
        expect(at, id).toBeGreaterThan(0);
        const figure = html.slice(at, html.indexOf('</figure>', at));
        expect(figure).toContain('<svg');
        const parks = [...new Set(rows.map((r) => r['park'] as string))];
        const table = figure.slice(figure.indexOf('<tbody'), figure.indexOf('</tbody>'));
        const values = [...table.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]!.trim());
        // Every park × year value appears, computed from the open data (type-7 quantile).
        for (const park of parks) {
          for (const y of years) {
            const scores = Float64Array.from(rows.filter((r) => r['year'] === y && r['park'] === park).map((r) => r['score'] as number)).sort();
            if (scores.length === 0) continue;
            expect(values, `${id} ${park} ${y}`).toContain(formatScore(lang, quantileSorted(scores, p)!));
          }
        }
      }
    }
  });
});

describe('at 390 px', () => {
  for (const language of LANGUAGES) {
    it(`the new parts fit the screen (${language.prefix || '/'})`, async () => {
      const year = years.at(-1)!;
      const park = rows.find((r) => r['year'] === year)!['park'];
      const ids = rows.filter((r) => r['year'] === year).slice(0, 4).map((r) => r['id']).join(',');
      const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
      const page = await context.newPage();
      try {
        for (const path of [`/rankings/${year}/parks/${park}/`, '/showcase/shijiazhuang-runrun-pharma/', '/parks/', `/compare/?ids=${ids}`]) {
          await visit(page, `${server.origin}${language.prefix}${path}`);
          if (path.startsWith('/compare/')) await expect.poll(() => page.locator('.compare-firms li').count(), { timeout: 20_000 }).toBe(4);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
          expect(overflow, path).toBeLessThanOrEqual(390);
          // On a ranking list the rank, score and both changes stay inside the screen.
          if (path.includes('/parks/') && path.includes('rankings')) {
            for (const cls of ['rt-rank', 'rt-score', 'rt-change', 'rt-score-change']) {
              const box = await page.locator(`tbody .${cls}`).first().boundingBox();
              expect(box!.x + box!.width, cls).toBeLessThanOrEqual(390);
            }
          }
        }
      } finally {
        await context.close();
      }
    });
  }
});

describe('achievements with their sources', () => {
  it('cite the title (linked), the date and the publication, and keep them in the download', async () => {
    const dir = copyFixture();
    writeFileSync(
      join(dir, 'achievements.csv'),
      [
        'park,metric,value,unit,as_of,note,source,source_title,source_date,source_url',
        'alpha,enterprises_evaluated,30,家,2023,,科技日报 2023,甲高新区创新积分评价覆盖 30 家企业,2023-07-18,https://example.org/news/1',
        'alpha,enterprises_startup,5,家,2023,,园区简报,,,',
      ].join('\n'),
    );
    const { dist: small } = await buildSiteOrThrow(dir);
    for (const [file, lang] of [
      ['parks/alpha/index.html', 'zh'],
      ['en/parks/alpha/index.html', 'en'],
    ] as const) {
      const html = readFileSync(join(small, file), 'utf8');
      expect(html).toMatch(/<a href="https:\/\/example\.org\/news\/1" rel="noopener external"[^>]*>甲高新区创新积分评价覆盖 30 家企业<\/a>/);
      expect(html).toMatch(/<time datetime="2023-07-18"[ >]/);
      expect(text(html)).toContain(lang === 'zh' ? '2023年7月18日' : '18 July 2023');
      expect(text(html)).toContain('园区简报');
    }
    const csv = readFileSync(join(small, 'downloads/achievements.csv'), 'utf8');
    expect(csv).toContain('source_title,source_date,source_url');
    expect(csv).toContain('甲高新区创新积分评价覆盖 30 家企业,2023-07-18,https://example.org/news/1');
  });
});
