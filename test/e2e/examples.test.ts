// Issue 13 §7: the two example models in examples/ build end to end, and their own rules show on
// the built pages in headless Chromium, in both languages:
// - five-stage-revenue: five stages by revenue, bonus items shown apart from the score's base,
//   veto reasons on a profile and on the year's national ranking, never the figure behind them;
// - five-dimension: Excel workbooks with Chinese headers and declared columns, five dimensions,
//   reverse indicators stated on the methodology page and in the profile's method column.
// Expectations come from the example files (tags, rules) and the rules written in the model,
// never from the build's own output.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeProblems, launchBrowser, visit, watchedContext } from './helpers/browser.ts';
import { buildSiteOrThrow, listFiles } from './helpers/build.ts';
import { serveDir, type StaticServer } from './helpers/server.ts';

const FIVE_STAGE = 'examples/five-stage-revenue';
const FIVE_DIM = 'examples/five-dimension';
const LANGS = [
  { lang: 'zh', prefix: '' },
  { lang: 'en', prefix: '/en' },
] as const;

/** The columns of enterprises.csv these checks read. */
interface Row {
  id: string;
  name: string;
  year: string;
  tags: string;
  serious_violations: string;
  net_assets: string;
}
const csvRows = (file: string): Row[] => Papa.parse<Row>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
const model = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as {
    name: { zh: string; en: string };
    stages: { id: string; name: { zh: string; en: string } }[];
    indicators: { id: string; name: { zh: string; en: string }; direction?: string }[];
    bonus?: { max: number; items: { id: string; name: { zh: string; en: string }; tag?: string; points_each: number; max: number }[] };
    veto?: { id: string; reason: { zh: string; en: string } }[];
  };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens each path (with its language prefix) in a watched page and hands the page to `check`. */
async function eachPage(server: StaticServer, paths: string[], check: (page: Page, path: string) => Promise<void>): Promise<void> {
  const { context, problems, current } = await watchedContext(browser, server.origin);
  const page = await context.newPage();
  try {
    for (const path of paths) {
      await visit(page, server.origin + path, current);
      await check(page, path);
    }
  } finally {
    await context.close();
  }
  expect(problems, describeProblems(problems)).toEqual([]);
}

describe('examples/five-stage-revenue: five revenue stages, bonus items and veto rules', () => {
  const m = model(FIVE_STAGE);
  const rows = csvRows(join(FIVE_STAGE, 'enterprises.csv'));
  const byName = (name: string) => rows.filter((r) => r.name === name);
  let dist: string;
  let server: StaticServer;
  beforeAll(async () => {
    dist = (await buildSiteOrThrow(FIVE_STAGE)).dist;
    server = await serveDir(dist);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('explains a profile’s stage by the stage’s rule, not by age, and names the park’s own model in the footer', () => {
    const profile = listFiles(dist).find((f) => /^enterprise\/[^/]+\/index\.html$/.test(f))!;
    for (const [file, en] of [
      [profile, false],
      [`en/${profile}`, true],
    ] as const) {
      const html = readFileSync(join(dist, file), 'utf8');
      const how = /<section aria-labelledby="how-heading"[\s\S]*?<\/section>/.exec(html)![0].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
      expect(how, file).not.toMatch(en ? /age \(years since its founding year\)/ : /成立 \d+ 年，属于/);
      expect(how, file).toMatch(en ? /was in the .+ stage \(.*(revenue|Revenue|remaining|other).*\)/ : /年度该企业属于.+（.+）。/);
      const footer = /<p class="footer-model">([\s\S]*?)<\/p>/.exec(html)![1]!;
      expect(footer, file).toContain(m.name[en ? 'en' : 'zh']);
    }
  });

  it('has a page for each of the five stages, named as the model names them, in both languages', async () => {
    expect(m.stages.map((s) => s.name.zh)).toEqual(['成熟期', '扩张期', '成长期', '初创期', '种子期']);
    const paths = LANGS.flatMap(({ prefix }) => m.stages.map((s) => `${prefix}/stages/${s.id}/`));
    await eachPage(server, paths, async (page, path) => {
      const stage = m.stages.find((s) => path.includes(`/stages/${s.id}/`))!;
      const h1 = await page.locator('h1').innerText();
      expect(h1, path).toContain(path.startsWith('/en/') ? stage.name.en : stage.name.zh);
    });
  });

  it('shows a profile’s bonus items apart from the base: the designations’ points exactly, the confidential awards item not', async () => {
    // The first 2024 firm holding 专精特新 with no violation: its public bonus is the sum of its
    // designations' points (专精特新 5, 高新技术企业 3, 瞪羚企业 2) held to the cap of 10.
    const firm = rows.find((r) => r.year === '2024' && r.tags.includes('专精特新') && r.serious_violations === '0' && !r.net_assets.startsWith('-'))!;
    const tagPoints = m.bonus!.items.filter((i) => i.tag && firm.tags.split(';').includes(i.tag)).reduce((sum, i) => sum + Math.min(i.points_each, i.max), 0);
    const expected = Math.min(m.bonus!.max, tagPoints);
    expect(expected).toBeGreaterThanOrEqual(5);
    await eachPage(
      server,
      LANGS.map(({ prefix }) => `${prefix}/enterprise/${firm.id}/`),
      async (page, path) => {
        const en = path.startsWith('/en/');
        const section = page.locator('section.profile-bonus');
        await expect(section.getAttribute('data-bonus')).resolves.toBe(expected.toFixed(2));
        const text = await section.innerText();
        expect(text, path).toContain(en ? `bonus ${expected.toFixed(2)}` : `加分 ${expected.toFixed(2)}`);
        const cells = await page.locator('#bonus-table tbody tr').allInnerTexts();
        expect(cells).toHaveLength(m.bonus!.items.length);
        const awards = m.bonus!.items.find((i) => i.id === 'awards')!;
        const awardsRow = cells.find((c) => c.includes(awards.name[en ? 'en' : 'zh']))!;
        expect(awardsRow, path).toContain(en ? 'not published' : '不公开');
        const specialised = cells.find((c) => c.includes(en ? 'Specialised SME' : '专精特新企业'))!;
        expect(specialised, path).toMatch(/5\.00\s*$/);
        // The indicator table's footer counts the bonus too.
        expect(await page.locator('#indicator-table tfoot').innerText(), path).toMatch(en ? /Bonus\s+\+/ : /加分\s+\+/);
      },
    );
  });

  it('says on the profile of a firm vetoed in 2024 (ranked in 2023) why, in the model’s words', async () => {
    const firm = rows.find((r) => r.year === '2024' && Number(r.serious_violations) >= 3)!;
    expect(byName(firm.name)).toHaveLength(2);
    const reason = m.veto!.find((v) => v.id === 'violations')!.reason;
    await eachPage(
      server,
      LANGS.map(({ prefix }) => `${prefix}/enterprise/${firm.id}/`),
      async (page, path) => {
        const text = await page.locator('section.profile-veto').innerText();
        expect(text, path).toContain(path.startsWith('/en/') ? `2024: not scored and not ranked (veto). Reason: ${reason.en}` : `2024 年度：未计分、未参与排名（一票否决）。原因：${reason.zh}`);
      },
    );
  });

  it('lists each year’s vetoed firms with their reason on the national ranking, and publishes no figure behind a veto', async () => {
    const insolvent = rows.filter((r) => r.net_assets.startsWith('-'));
    expect(new Set(insolvent.map((r) => r.id)).size).toBe(1);
    const firm = insolvent[0]!;
    const reason = m.veto!.find((v) => v.id === 'insolvent')!.reason;
    const paths = LANGS.flatMap(({ prefix }) => ['2023', '2024'].map((y) => `${prefix}/rankings/${y}/`));
    await eachPage(server, paths, async (page, path) => {
      const row = await page.locator(`#vetoed-table tr[data-vetoed="${firm.id}"]`).innerText();
      expect(row, path).toContain(path.startsWith('/en/') ? reason.en : reason.zh);
      // Not ranked: the firm is not in the ranking table.
      expect(await page.locator('#ranking').innerText(), path).not.toContain(firm.name);
    });
    // Vetoed in every year: no profile; its net assets appear in no page, table or text file.
    expect(existsSync(join(dist, 'enterprise', firm.id))).toBe(false);
    // The figure as a number on its own (not inside a longer one), with or without its sign.
    const patterns = insolvent.map((r) => new RegExp(`(?<![\\d.])[-−]?${r.net_assets.slice(1).replace('.', '\\.')}(?![\\d])`));
    for (const file of listFiles(dist).filter((f) => /\.(html|csv|txt)$/.test(f))) {
      const body = readFileSync(join(dist, file), 'utf8');
      for (const re of patterns) expect(re.test(body) ? `${file} matches ${re}` : '').toBe('');
    }
  });

  it('lists every vetoed firm-year in the open data’s vetoed.csv with the reasons, listed with its checksum', () => {
    // By hand from enterprises.csv and the model's two rules: ≥ 3 serious violations, or net assets ≤ −0.01.
    const expected = rows
      .filter((r) => Number(r.serious_violations) >= 3 || Number(r.net_assets) <= -0.01)
      .map((r) => {
        const rules = [Number(r.serious_violations) >= 3 ? 'violations' : '', Number(r.net_assets) <= -0.01 ? 'insolvent' : ''].filter(Boolean);
        return { year: r.year, id: r.id, rules: rules.join(';'), reason_zh: rules.map((id) => m.veto!.find((v) => v.id === id)!.reason.zh).join('；') };
      })
      .sort((a, b) => Number(a.year) - Number(b.year) || (a.id < b.id ? -1 : 1));
    expect(expected.length).toBeGreaterThan(1);
    const file = join(dist, 'downloads', 'vetoed.csv');
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFFyear,id,name,name_en,park,industry,stage,rules,reason_zh,reason_en\r\n') || text.startsWith('\uFEFFyear,id,name,name_en,park,industry,stage,rules,reason_zh,reason_en\n')).toBe(true);
    const published = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data.map((r) => ({ year: r['year'], id: r['id'], rules: r['rules'], reason_zh: r['reason_zh'] }));
    expect(published).toEqual(expected);
    const sums = readFileSync(join(dist, 'downloads', 'SHA256SUMS'), 'utf8');
    expect(sums).toMatch(/^[0-9a-f]{64} {2}vetoed\.csv$/m);
    expect(readFileSync(join(dist, 'en', 'data', 'index.html'), 'utf8')).toContain('Vetoed firm-years');
  });

  it('states the bonus items and veto rules on the methodology page', async () => {
    await eachPage(
      server,
      LANGS.map(({ prefix }) => `${prefix}/methodology/`),
      async (page, path) => {
        const lang = path.startsWith('/en/') ? 'en' : 'zh';
        const bonus = await page.locator('#bonus-items').innerText();
        for (const item of m.bonus!.items) expect(bonus, path).toContain(item.name[lang]);
        expect(bonus, path).toContain(lang === 'en' ? 'at most 10 in all' : '合计最多 10 分');
        const veto = await page.locator('#veto-rules').innerText();
        for (const rule of m.veto!) expect(veto, path).toContain(rule.reason[lang]);
      },
    );
  });
});

describe('examples/five-dimension: an Excel workbook with Chinese headers, declared columns and reverse indicators', () => {
  const m = model(FIVE_DIM);
  const reverse = m.indicators.filter((i) => i.direction === 'lower');
  let dist: string;
  let server: StaticServer;
  beforeAll(async () => {
    dist = (await buildSiteOrThrow(FIVE_DIM)).dist;
    server = await serveDir(dist);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('states the reverse-indicator rules on the methodology page, naming the reverse indicators', async () => {
    expect(reverse.map((i) => i.id)).toEqual(['debt_ratio', 'env_fines', 'env_penalties']);
    await eachPage(
      server,
      LANGS.map(({ prefix }) => `${prefix}/methodology/`),
      async (page, path) => {
        const en = path.startsWith('/en/');
        const text = await page.locator('#reverse-indicators').innerText();
        for (const ind of reverse) expect(text, path).toContain(ind.name[en ? 'en' : 'zh']);
        // The three methods the reverse indicators use, each stated mirrored.
        expect(text, path).toContain(en ? 's = 1 when x ≤ B or x ≤ 0; otherwise s = B ÷ x' : 'x ≤ B 或 x ≤ 0 时 s = 1；否则 B > 0 时 s = B ÷ x');
        expect(text, path).toContain('s = clamp((hi − x) ÷ (hi − lo))');
        expect(text, path).toContain(en ? 'smallest threshold at or above x' : '不低于 x 的最小门槛');
        expect(text, path).not.toContain(en ? 'Range:' : '区间法：L');
      },
    );
  });

  it('ranks the public reverse indicator lowest value first among equal s, and says so', () => {
    const years = readdirSync(join(dist, 'rankings')).filter((y) => /^\d{4}$/.test(y));
    expect(years.length).toBeGreaterThan(0);
    for (const year of years) {
      for (const prefix of ['', 'en/']) {
        const file = join(dist, `${prefix}rankings/${year}/indicators/env_penalties/index.html`);
        const html = readFileSync(file, 'utf8');
        expect(html, file).toContain(prefix ? 'lowest first (a reverse indicator' : '填报值从低到高（逆向指标');
        const body = html.slice(html.indexOf('<tbody'), html.indexOf('</tbody>'));
        const rows = [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => {
          const cells = [...m[1]!.matchAll(/<t[dh][^>]*class="[^"]*\b(rt-[a-z]+)\b[^"]*"[^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => [c[1]!, c[2]!.replace(/<[^>]+>/g, '').trim()] as const);
          const cell = (cls: string, i = 0) => cells.filter(([c]) => c === cls)[i]![1];
          return { rank: Number(cell('rt-rank')), s: Number(cell('rt-score')), value: cell('rt-extra', 0) };
        });
        expect(rows.length, file).toBeGreaterThan(5);
        let ordered = 0;
        for (let i = 1; i < rows.length; i++) {
          const [a, b] = [rows[i - 1]!, rows[i]!];
          expect(a.s, file).toBeGreaterThanOrEqual(b.s);
          if (a.s !== b.s) continue;
          const [va, vb] = [Number(a.value.replace(/,/g, '')), Number(b.value.replace(/,/g, ''))];
          // Equal s: the lower value first; a blank (—) only after every reported value.
          if (Number.isFinite(va) && Number.isFinite(vb)) {
            expect(va, `${file} row ${i}`).toBeLessThanOrEqual(vb);
            ordered++;
            expect(b.rank === a.rank, `${file} row ${i}: equal s and value share a rank`).toBe(va === vb);
          } else {
            expect(Number.isFinite(va) || !Number.isFinite(vb), `${file} row ${i}: a blank before a value`).toBe(true);
          }
        }
        expect(ordered, file).toBeGreaterThan(0);
      }
    }
  });

  it('builds one profile per firm of the workbook, scoring the reverse indicators with their mirrored rule', async () => {
    const profiles = listFiles(dist).filter((f) => /^enterprise\/[^/]+\/index\.html$/.test(f));
    expect(profiles).toHaveLength(45);
    const id = profiles[0]!.split('/')[1]!;
    await eachPage(
      server,
      LANGS.map(({ prefix }) => `${prefix}/enterprise/${id}/`),
      async (page, path) => {
        const en = path.startsWith('/en/');
        const penalties = reverse.find((i) => i.id === 'env_penalties')!;
        const row = page.locator('#indicator-table tbody tr', { hasText: penalties.name[en ? 'en' : 'zh'] });
        expect(await row.innerText(), path).toContain(en ? 'Reverse steps: ≤ 0 gives 1' : '逆向阶梯法：≤ 0 记 1');
        const categories = await page.locator('.category-bands').innerText();
        expect(categories.split('\n').filter(Boolean).length, path).toBeGreaterThanOrEqual(5);
      },
    );
  });
});
