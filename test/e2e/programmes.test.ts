// Issue 15: the sample's programmes (data/programmes.json) built into the site and checked on
// disk and in Chromium, in both languages: the index, every programme-year page, the members
// recomputed independently from the public scores table, badges on every member's profile (and
// on no one else's, across the build's processes), the CSV download, the RSS feeds, the
// 公示期 as of the data's date, the 科技金融 page, no sideways overflow at 390 px, and the
// disclosure attack reading the programme CSVs. A folder without programmes.json still has the
// pages the navigation links to.
//
// SITE_TEST_DIST=<dir> reuses an existing build of data/ (as in site.test.ts).
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { copyFixture } from '../helpers/folder.ts';
import { collectPublishedNumbers } from './helpers/attack.ts';
import { describeProblems, launchBrowser, visit, watchedContext, type PageProblem } from './helpers/browser.ts';
import { buildSiteOrThrow, listFiles, sampleSite } from './helpers/build.ts';
import { serveDir, type StaticServer } from './helpers/server.ts';

interface Declared {
  id: string;
  kind: string;
  name: { zh: string; en: string };
  years?: number[];
  rule: Record<string, unknown>;
  notice?: Record<string, { start: string; end: string }>;
}
type CsvRow = Record<string, string>;

const declared = (JSON.parse(readFileSync('data/programmes.json', 'utf8')) as { programmes: Declared[] }).programmes;
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const readCsv = (path: string): { bom: boolean; fields: string[]; rows: CsvRow[] } => {
  const raw = readFileSync(path, 'utf8');
  const parsed = Papa.parse<CsvRow>(raw.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  return { bom: raw.startsWith('\uFEFF'), fields: parsed.meta.fields ?? [], rows: parsed.data };
};

let dist: string;
let years: number[];
/** The public scores table per year (the open data), from which the lists are recomputed here. */
const publicRows = new Map<number, CsvRow[]>();
const yearsOf = (p: Declared) => p.years ?? years;
const csvOf = (id: string, year: number) => readCsv(join(dist, 'programmes', id, `${year}.csv`));

beforeAll(async () => {
  mkdirSync(join(inject('e2eRoot'), 'sample-site'), { recursive: true });
  dist = process.env.SITE_TEST_DIST ?? (await sampleSite()).dist;
  years = listFiles(join(dist, 'downloads'))
    .map((f) => /^public-scores-(\d{4})\.csv$/.exec(f)?.[1])
    .filter((y): y is string => y !== undefined)
    .map(Number)
    .sort();
  for (const y of years) publicRows.set(y, readCsv(join(dist, 'downloads', `public-scores-${y}.csv`)).rows);
});

describe('programme lists on disk', () => {
  it('has a page per programme, year and language, and a CSV per programme and year', () => {
    expect(years).toEqual([2021, 2022, 2023]);
    for (const p of declared) {
      for (const y of yearsOf(p)) {
        for (const prefix of ['', 'en/']) expect(existsSync(join(dist, `${prefix}programmes/${p.id}/${y}/index.html`)), `${prefix}programmes/${p.id}/${y}/`).toBe(true);
        expect(csvOf(p.id, y).bom).toBe(true);
      }
    }
    expect(existsSync(join(dist, 'programmes/shijiazhuang-points-loan/2021'))).toBe(false);
  });

  it('the tiered lists hold exactly the firms whose stage position (share strictly higher) is in the band, recomputed from the public scores', () => {
    const bands: Record<string, [number, number]> = { leading: [0, 5], chasing: [5, 10], striving: [10, 20] };
    for (const [id, [from, to]] of Object.entries(bands)) {
      for (const y of years) {
        const rows = publicRows.get(y)!;
        // Per stage: how many score strictly higher than each score, by counting down the sorted scores.
        const higherOf = new Map<string, Map<number, number>>();
        const sizes = new Map<string, number>();
        for (const stage of new Set(rows.map((r) => r.stage!))) {
          const scores = rows.filter((r) => r.stage === stage).map((r) => Number(r.score)).sort((a, b) => b - a);
          const higher = new Map<number, number>();
          scores.forEach((s, i) => (higher.has(s) ? null : higher.set(s, i)));
          higherOf.set(stage, higher);
          sizes.set(stage, scores.length);
        }
        const expected = rows
          .filter((r) => {
            const higher = higherOf.get(r.stage!)!.get(Number(r.score))!;
            const size = sizes.get(r.stage!)!;
            return higher * 100 >= from * size && higher * 100 < to * size;
          })
          .map((r) => r.id)
          .sort();
        expect(expected.length, `${id} ${y}`).toBeGreaterThan(10);
        expect(csvOf(id, y).rows.map((r) => r.id).sort(), `${id} ${y}`).toEqual(expected);
      }
    }
  });

  it('the other rules, recomputed from the public scores: top 500 of a park, a pool with designations, score change and years of data', () => {
    const scoredYears = new Map<string, number[]>();
    for (const [y, rows] of publicRows) for (const r of rows) scoredYears.set(r.id!, [...(scoredYears.get(r.id!) ?? []), y]);
    const expected: Record<string, (r: CsvRow, y: number) => boolean> = {
      'guangzhou-top500': (r) => r.park === 'guangzhou' && Number(r.rank_national) <= 500,
      'shijiazhuang-pool': (r) =>
        r.park === 'shijiazhuang' && ['startup', 'growth'].includes(r.stage!) && Number(r.score) >= 300 && /高新技术企业|科技型中小企业/.test(r.tags!),
      'baoding-high-growth': (r, y) => r.park === 'baoding' && r.score_change !== '' && Number(r.score_change) >= 200 && scoredYears.get(r.id!)!.filter((x) => x <= y).length >= 2,
      'shijiazhuang-points-loan': (r, y) => r.park === 'shijiazhuang' && Number(r.score) >= 400 && scoredYears.get(r.id!)!.filter((x) => x <= y).length >= 2,
    };
    for (const [id, rule] of Object.entries(expected)) {
      const p = declared.find((x) => x.id === id)!;
      for (const y of yearsOf(p)) {
        const want = publicRows.get(y)!.filter((r) => rule(r, y)).map((r) => r.id).sort();
        expect(want.length, `${id} ${y}`).toBeGreaterThan(0);
        expect(csvOf(id, y).rows.map((r) => r.id).sort(), `${id} ${y}`).toEqual(want);
      }
    }
  });

  it('the CSV has public columns only, ranked by score, with entries marked against the previous year', () => {
    const { fields, rows } = csvOf('leading', 2023);
    expect(fields).toEqual(['year', 'programme', 'programme_rank', 'id', 'name', 'name_en', 'park', 'industry', 'stage', 'score', 'rank_national', 'rank_park', 'rank_stage', 'score_change', 'status']);
    const scores = rows.map((r) => Number(r.score));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(rows[0]!.programme_rank).toBe('1');
    const before = new Set(csvOf('leading', 2022).rows.map((r) => r.id));
    for (const r of rows) expect(r.status, r.id).toBe(before.has(r.id!) ? 'continuing' : 'new');
    expect(csvOf('leading', 2021).rows.every((r) => r.status === '')).toBe(true);
  });

  it('badges on the profiles: every member’s profile links to the programme-year, and no one else’s does', () => {
    const links = new Map<string, Set<string>>();
    for (const f of listFiles(join(dist, 'enterprise'))) {
      if (!f.endsWith('/index.html')) continue;
      const id = f.split('/')[0]!;
      for (const m of readFileSync(join(dist, 'enterprise', f), 'utf8').matchAll(/class="programme-badge[^"]*" href="\/programmes\/([^/]+)\/(\d{4})\/"/g)) {
        const key = `${m[1]}|${m[2]}`;
        if (!links.has(key)) links.set(key, new Set());
        links.get(key)!.add(id);
      }
    }
    for (const p of declared) {
      for (const y of yearsOf(p)) {
        const members = csvOf(p.id, y).rows.map((r) => r.id!).sort();
        expect([...(links.get(`${p.id}|${y}`) ?? [])].sort(), `${p.id} ${y}`).toEqual(members);
      }
    }
  });

  it('shows the rule, the members, the 公示期 as of the data’s date (20 May 2024) and the changes', () => {
    const zh = text(readFileSync(join(dist, 'programmes/leading/2023/index.html'), 'utf8'));
    expect(zh).toContain('领跑榜（2023 年度）');
    expect(zh).toContain('在同年度同一发展阶段的企业中，积分位于前 5%');
    expect(zh).toContain('公示期：2024年5月13日 至 2024年5月24日。 截至数据日期（2024年5月20日），名单正在公示');
    const members = csvOf('leading', 2023).rows;
    const entered = members.filter((r) => r.status === 'new').length;
    const exited = csvOf('leading', 2022).rows.filter((r) => !members.some((m) => m.id === r.id)).length;
    expect(zh).toContain(`入选企业（${members.length} 家）`);
    expect(zh).toContain(`新入选 ${entered} 家，退出 ${exited} 家。`);
    const en = text(readFileSync(join(dist, 'en/programmes/leading/2022/index.html'), 'utf8'));
    expect(en).toContain('Leaders list (领跑榜) (2022)');
    expect(en).toContain('In the top 5% of its development stage by score');
    expect(en).toContain('The notice period has ended (as of the data’s date, 20 May 2024)');
    const first = text(readFileSync(join(dist, 'en/programmes/leading/2021/index.html'), 'utf8'));
    expect(first).toContain('The programme has no 2020 list to compare with.');
    const pool = text(readFileSync(join(dist, 'programmes/shijiazhuang-pool/2023/index.html'), 'utf8'));
    expect(pool).toContain('发展阶段：初创期、成长期');
    expect(pool).toContain('积分不低于 300.00');
    expect(pool).not.toContain('公示期：');
  });

  it('pages the members: page 1 and the next pages hold the CSV’s rows in order', () => {
    const ids = csvOf('striving', 2023).rows.map((r) => r.id);
    const pageIds = (file: string) => [...readFileSync(join(dist, file), 'utf8').matchAll(/<th scope="row" class="rt-name">\s*<a href="\/enterprise\/([^/]+)\/"/g)].map((m) => m[1]);
    const pages = listFiles(join(dist, 'programmes/striving/2023/page')).length;
    expect(pages).toBeGreaterThan(0);
    const listed = [pageIds('programmes/striving/2023/index.html')];
    for (let n = 2; n <= pages + 1; n++) listed.push(pageIds(`programmes/striving/2023/page/${n}/index.html`));
    expect(listed[0]!.length).toBe(50);
    expect(listed.flat()).toEqual(ids);
  });

  it('feeds: one item per programme and year in each language, linking to the pages, with the changes', () => {
    for (const [file, lang] of [
      ['programmes/rss.xml', 'zh'],
      ['en/programmes/rss.xml', 'en'],
    ] as const) {
      const xml = readFileSync(join(dist, file), 'utf8');
      const items = [...xml.matchAll(/<item>(.*?)<\/item>/gs)].map((m) => m[1]!);
      expect(items.length).toBe(declared.reduce((n, p) => n + yearsOf(p).length, 0));
      for (const item of items) {
        const link = /<link>https:\/\/example\.org\/(.*?)<\/link>/.exec(item)![1]!;
        expect(existsSync(join(dist, `${link}index.html`)), link).toBe(true);
        expect(link.startsWith(lang === 'en' ? 'en/programmes/' : 'programmes/')).toBe(true);
      }
      const leading = items.find((i) => i.includes('/programmes/leading/2023/'))!;
      const entered = csvOf('leading', 2023).rows.filter((r) => r.status === 'new').length;
      expect(leading).toContain(lang === 'zh' ? `新入选 ${entered} 家` : `${entered} entered`);
      expect(leading).toContain('<pubDate>Mon, 13 May 2024 00:00:00 +0800</pubDate>');
    }
  });

  it('科技金融: each park’s reported finance figures with sources, and the loan whitelist by score band', () => {
    const zh = text(readFileSync(join(dist, 'finance/index.html'), 'utf8'));
    expect(zh).toContain('为 80 余家企业授予纯信用贷款额度 2 亿元以上');
    expect(zh).toContain('风险补偿资金池');
    expect(zh).toContain('瞪羚贷利率最低 3.85%');
    expect(zh).toContain('科技日报 2023');
    expect(zh).not.toContain('R&amp;D 经费投入占 GDP 比重');
    const members = csvOf('shijiazhuang-points-loan', 2023).rows.map((r) => Number(r.score));
    const html = readFileSync(join(dist, 'finance/index.html'), 'utf8');
    const table = /<table id="bands-shijiazhuang-points-loan-2023"[\s\S]*?<\/table>/.exec(html)![0];
    const counts = [...table.matchAll(/<td class="num">([\d,]+)<\/td>/g)].map((m) => Number(m[1]!.replace(/,/g, '')));
    // Bands listed highest first: ≥ 700, 600–700, 500–600, 400–500, below 400.
    const band = (lo: number, hi: number) => members.filter((s) => s >= lo && s < hi).length;
    expect(counts).toEqual([band(700, Infinity), band(600, 700), band(500, 600), band(400, 500), band(0, 400)]);
    expect(counts[4]).toBe(0);
  });

  it('the disclosure attack reads the programme CSVs (their per-firm numbers are among the published ones)', () => {
    // The attack's collector on the programme files alone (it reads every CSV and JSON of a site).
    const only = join(inject('e2eRoot'), 'programme-files');
    cpSync(join(dist, 'programmes'), join(only, 'programmes'), { recursive: true });
    const published = collectPublishedNumbers(only);
    const member = csvOf('leading', 2023).rows[0]!;
    expect(published.get(`2023|${member.id}`)?.get('programme_rank')).toBe(1);
    expect(published.get(`2023|${member.id}`)?.get('rank_stage')).toBe(Number(member.rank_stage));
  });
});

describe('programme pages in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblem[];
  let current: { url: string };

  beforeAll(async () => {
    [server, browser] = await Promise.all([serveDir(dist), launchBrowser()]);
    ({ context, problems, current } = await watchedContext(browser, server.origin));
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('from the header to a programme, its member’s profile badge, and back, in both languages', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const prefix = lang === 'en' ? 'en/' : '';
      await visit(page, `${server.url}${prefix}`, current);
      await page.click(`.site-nav a[href="/${prefix}programmes/"]`);
      await page.waitForURL(`**/${prefix}programmes/`);
      expect(await page.locator('h1').textContent()).toContain(lang === 'zh' ? '积分应用' : 'Programmes');
      await page.click(`a[href="/${prefix}programmes/leading/2023/"]`);
      await page.waitForURL(`**/${prefix}programmes/leading/2023/`);
      const firstMember = page.locator('#members tbody tr').first().locator('.rt-name a');
      const href = (await firstMember.getAttribute('href'))!;
      await firstMember.click();
      await page.waitForURL(`**${href}`);
      const badge = page.locator(`.programme-badge[href="/${prefix}programmes/leading/2023/"]`);
      expect(await badge.count()).toBe(1);
      await badge.click();
      await page.waitForURL(`**/${prefix}programmes/leading/2023/`);
      expect(await page.locator('[data-notice-state]').getAttribute('data-notice-state')).toBe('during');
    }
    expect(describeProblems(problems)).toBe('');
  });

  it('downloads the CSV from the page', async () => {
    await visit(page, `${server.url}en/programmes/shijiazhuang-pool/2023/`, current);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.programme-download a')]);
    expect(download.suggestedFilename()).toBe('shijiazhuang-pool-2023.csv');
    const saved = join(inject('e2eRoot'), 'pool-2023.csv');
    await download.saveAs(saved);
    const csv = readCsv(saved);
    expect(csv.bom).toBe(true);
    expect(csv.rows.map((r) => r.id)).toEqual(csvOf('shijiazhuang-pool', 2023).rows.map((r) => r.id));
    // The page states the downloaded file's SHA-256, and SHA256SUMS lists it with every other list file.
    const digest = createHash('sha256').update(readFileSync(saved)).digest('hex');
    expect(await page.locator('.programme-checksum code').textContent()).toBe(digest);
    const sums = readFileSync(join(dist, 'programmes', 'SHA256SUMS'), 'utf8').trim().split('\n');
    expect(sums).toContain(`${digest}  shijiazhuang-pool/2023.csv`);
    const listed = sums.map((l) => l.split('  ')[1]!).sort();
    const built = readdirSync(join(dist, 'programmes'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.csv')).sort();
    expect(listed).toEqual(built);
    for (const line of sums) {
      const [sha, file] = line.split('  ');
      expect(createHash('sha256').update(readFileSync(join(dist, 'programmes', file!))).digest('hex'), file).toBe(sha);
    }
  });

  it('the feed is served as RSS', async () => {
    const response = await page.request.get(`${server.url}en/programmes/rss.xml`);
    expect(response.status()).toBe(200);
    expect(await response.text()).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0"/);
  });

  it('no page of the section overflows sideways at 390 px, in either language', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const profile = csvOf('shijiazhuang-points-loan', 2023).rows[0]!.id;
    for (const prefix of ['', 'en/']) {
      for (const path of ['programmes/', 'programmes/leading/2023/', 'programmes/striving/2023/page/2/', 'programmes/shijiazhuang-points-loan/2023/', 'finance/', `enterprise/${profile}/`]) {
        await visit(page, `${server.url}${prefix}${path}`, current);
        const layout = await page.evaluate(() => {
          const vw = document.documentElement.clientWidth;
          const wide = [...document.querySelectorAll('main *')]
            .filter((el) => !el.closest('.table-scroll, .chart'))
            .map((el) => ({ el, r: el.getBoundingClientRect() }))
            .filter(({ r }) => r.width > 0 && (r.right > vw + 1 || r.left < -1))
            .map(({ el }) => `${el.tagName.toLowerCase()}.${el.className}`);
          const regions = [...document.querySelectorAll('main .table-scroll')].filter((el) => el.getBoundingClientRect().right > vw + 1).length;
          return { page: document.documentElement.scrollWidth - vw, wide: wide.slice(0, 5), regions };
        });
        expect(layout, `${prefix}${path}`).toEqual({ page: 0, wide: [], regions: 0 });
      }
    }
    // Member lists keep the ranking list's phone layout: no sideways scrolling of the list itself.
    await visit(page, `${server.url}programmes/leading/2023/`, current);
    const list = await page.evaluate(() => {
      const el = document.querySelector('.table-scroll.ranking-table')!;
      return el.scrollWidth - el.clientWidth;
    });
    expect(list).toBeLessThanOrEqual(1);
  });
});

describe('a data folder without programmes.json', () => {
  it('still has the programmes index and the finance page the navigation links to, saying there are none', async () => {
    const built = await buildSiteOrThrow(copyFixture());
    for (const [file, phrase] of [
      ['programmes/index.html', '数据文件中没有声明积分应用项目。'],
      ['en/programmes/index.html', 'The data folder declares no programmes.'],
      ['finance/index.html', '数据文件中没有声明金融产品名单。'],
      ['en/finance/index.html', 'No park has reported finance figures yet.'],
    ] as [string, string][]) {
      expect(text(readFileSync(join(built.dist, file), 'utf8')), file).toContain(phrase);
    }
    expect(listFiles(built.dist).filter((f) => f.startsWith('programmes/') && f !== 'programmes/index.html')).toEqual([]);
  });
});
