// Issue 11, disclosure control (scoring-model.md §7): attacks on the built site by a reader who
// knows every firm's true figures. The sample site and a hostile data folder are built; the
// truth is the internal scores.csv of `npm run score` on the same folder.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, editFile } from '../helpers/folder.ts';
import { formatNumber, formatScore } from '../../src/i18n/format.ts';
import { computeUsccCheckChar } from '../../src/ingest/uscc.ts';
import { attack, collectPublishedNumbers, readTruth, type PublishedNumbers } from './helpers/attack.ts';
import { buildSiteOrThrow, listFiles, runScore, sampleSite, tempDir } from './helpers/build.ts';

interface ModelFile {
  stages: { id: string }[];
  indicators: { id: string; public: boolean; weights: Record<string, number> }[];
}

/** The decimal numbers of a page's text, not counting method labels such as Q0.95. */
const decimals = (text: string) => text.match(/(?<![\d.,Q])\d[\d,]*\.\d+/g) ?? [];

/** The text of a page as a reader sees it: tags removed, entities of digits left as they are. */
const pageText = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' ');

describe('disclosure control on the sample site', () => {
  let dist: string;
  let model: ModelFile;
  let privateIds: string[];
  let truth: ReturnType<typeof readTruth>;
  let published: PublishedNumbers;
  let scoreStdout: string;
  let scoreOut: string;

  beforeAll(async () => {
    const site = await sampleSite();
    dist = site.dist;
    model = JSON.parse(readFileSync('data/model.json', 'utf8')) as ModelFile;
    privateIds = model.indicators.filter((i) => !i.public).map((i) => i.id);
    scoreOut = tempDir('portal-disclosure-');
    const r = await runScore('data', scoreOut);
    if (r.status !== 0) throw new Error(r.stderr);
    scoreStdout = r.stdout;
    truth = readTruth(join(scoreOut, 'scores.csv'), model.indicators.map((i) => i.id));
    published = collectPublishedNumbers(dist);
  });

  it('no private indicator’s points are a linear combination of the per-firm numbers in the site’s files', () => {
    const results = attack(published, truth, privateIds);
    // The attack ran: every cohort of the sample is large enough, for most private indicators.
    expect(results.length).toBeGreaterThan(3 * 3 * 8);
    const recovered = results.filter((r) => r.maxResidual < 0.05).map((r) => `${r.cohort} ${r.indicator} (max residual ${r.maxResidual.toFixed(4)})`);
    expect(recovered).toEqual([]);
  });

  it('the attack is not blind: a published column of one indicator’s points would be found', () => {
    const planted: PublishedNumbers = new Map([...published].map(([k, m]) => [k, new Map(m)]));
    // Plant rd_expense's points plus a multiple of the score: still a linear combination.
    for (const t of truth) planted.get(`${t.year}|${t.id}`)?.set('planted', t.points.rd_expense! + 2 * (planted.get(`${t.year}|${t.id}`)?.get('score') ?? 0));
    const results = attack(planted, truth, ['rd_expense']);
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r.maxResidual < 0.05)).toBe(true);
  });

  it('no profile shows a private indicator’s exact points or s', () => {
    const latest = Math.max(...truth.map((t) => t.year));
    const weight = (ind: string, stage: string) => model.indicators.find((i) => i.id === ind)!.weights[stage] ?? 0;
    const leaks: string[] = [];
    let checked = 0;
    const byId = new Map<string, Map<string, number>[]>();
    for (const [key, m] of published) {
      const id = key.slice(key.indexOf('|') + 1);
      byId.set(id, [...(byId.get(id) ?? []), m]);
    }
    // Every 7th firm of the latest year: about 1,500 profiles in two languages. Numbers are the
    // page's decimal numbers, not counting those every profile prints (method labels such as
    // Q0.95, "rounded to 0.01") and those published about the firm anyway.
    const pages = truth
      .filter((t) => t.year === latest)
      .filter((_, i) => i % 7 === 0)
      .flatMap((t) =>
        (['zh', 'en'] as const).flatMap((lang) => {
          const file = join(dist, lang === 'zh' ? '' : 'en', 'enterprise', t.id, 'index.html');
          if (!existsSync(file)) return [];
          return [{ t, lang, tokens: new Set(decimals(pageText(readFileSync(file, 'utf8')))) }];
        }),
      );
    const seen = new Map<string, number>();
    for (const p of pages) for (const token of p.tokens) seen.set(token, (seen.get(token) ?? 0) + 1);
    const boilerplate = new Set([...seen].filter(([, n]) => n > pages.length / 2).map(([token]) => token));
    // Cohort statistics (public indicators' benchmarks, quartiles) are printed on profiles too: the
    // methodology page lists them all.
    for (const lang of ['zh', 'en']) {
      const text = pageText(readFileSync(join(dist, lang === 'zh' ? '' : 'en', 'methodology/index.html'), 'utf8'));
      for (const token of decimals(text)) boilerplate.add(token);
    }
    expect(pages.length).toBeGreaterThan(1000);
    for (const { t, lang, tokens } of pages) {
      const allowed = new Set(boilerplate);
      for (const m of byId.get(t.id) ?? []) for (const v of m.values()) for (const d of [1, 2, 3]) allowed.add(formatNumber(lang, Math.abs(v), d));
      for (const ind of privateIds) {
        const pts = t.points[ind]!;
        const w = weight(ind, t.stage);
        const forms = [formatScore(lang, pts), w > 0 ? formatNumber(lang, pts / w, 3) : ''].filter((f) => f && !/\.0+$/.test(f));
        for (const f of forms) {
          checked++;
          if (tokens.has(f) && !allowed.has(f)) leaks.push(`${lang} ${t.id}: ${ind} shown as ${f}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(leaks).toEqual([]);
  });

  it('the residual risk is reported to the operator, printed by score and build, and never published', () => {
    const report = readFileSync(join(scoreOut, 'privacy-report.txt'), 'utf8');
    const count = Number(/Residual risk: (\d+) firm-year/.exec(report)?.[1]);
    expect(count).toBeGreaterThan(0);
    expect(scoreStdout).toContain(`Privacy: ${count} firm-year(s)`);
    // Each named firm-year earns points on exactly one private indicator, by the true points.
    const named = report.split('\n').filter((l) => /^\d{4},/.test(l) && l.split(',').length === 5);
    expect(named.length).toBe(count);
    for (const line of named) {
      const [year, id, , , indicator] = line.split(',');
      const t = truth.find((x) => String(x.year) === year && x.id === id)!;
      expect(privateIds.filter((k) => t.points[k]! > 0)).toEqual([indicator]);
    }
    expect(listFiles(dist).filter((f) => /privacy-report|(^|\/)scores(-\d{4})?\.csv$/.test(f))).toEqual([]);
  });

  it('indicator rankings, the sitemap and links exist only for public indicators', () => {
    const publicIds = model.indicators.filter((i) => i.public).map((i) => i.id);
    const pages = listFiles(dist).filter((f) => /^rankings\/\d{4}\/indicators\/[^/]+\/index\.html$/.test(f));
    expect(new Set(pages.map((f) => f.split('/')[3]))).toEqual(new Set(publicIds));
    const sitemaps = listFiles(dist).filter((f) => /^sitemap.*\.xml$/.test(f)).map((f) => readFileSync(join(dist, f), 'utf8')).join('');
    const html = ['index.html', 'rankings/index.html', `rankings/${Math.max(...truth.map((t) => t.year))}/index.html`].map((f) => readFileSync(join(dist, f), 'utf8')).join('');
    for (const id of privateIds) {
      expect(sitemaps).not.toContain(`/indicators/${id}/`);
      expect(html).not.toContain(`/indicators/${id}/`);
    }
  });

  it('publishes private quartiles only to 2 significant figures and never a private benchmark value', () => {
    const cohorts = (JSON.parse(readFileSync(join(dist, 'downloads/model.json'), 'utf8')) as { privacy: { min_cohort: number } }).privacy;
    expect(cohorts.min_cohort).toBe(30);
    const methodology = pageText(readFileSync(join(dist, 'methodology/index.html'), 'utf8'));
    // Public indicators show their benchmark quantiles; the sentence for private ones names the method only.
    expect(methodology).toContain('基准值不公开');
    expect(methodology).toContain('四分位数');
  });
});

/** A valid credit code for test firm `n` of park code digits `area`. */
function uscc(area: string, n: number): string {
  const first = `9113${area}MA${String(n).padStart(7, '0')}`;
  return first + computeUsccCheckChar(first)!;
}

describe('disclosure control on a hostile data folder', () => {
  // 40 firms of one cohort report the same sentinel revenue and R&D spending: the cohort is
  // large enough for quartiles, which must not print the sentinel; and one firm alone in its
  // stage holds its own sentinels (a cohort of one, whose 95th percentile is its own value).
  const REVENUE = 987654.32;
  const RD = 123456.78;
  const LONE_REVENUE = 876543.21;
  let dist: string;
  let dir: string;

  beforeAll(async () => {
    dir = copyFixture();
    editFile(dir, 'enterprises.csv', (text) => {
      const lines = text.trimEnd().split('\n');
      const header = lines[0]!.split(',');
      const row = (values: Record<string, string>) => header.map((h) => values[h] ?? '').join(',');
      const added: string[] = [];
      for (let i = 0; i < 40; i++) {
        added.push(
          row({
            id: uscc('0100', 5000 + i),
            name: `哨兵${i}科技有限公司`,
            park: 'alpha',
            year: '2023',
            founded: '2021-03-01',
            rd_expense: String(RD),
            rd_expense_prev: String(RD / 2),
            revenue: String(REVENUE),
            revenue_prev: String(REVENUE / 2),
            employees: String(100 + i),
            st_staff: String(10 + i),
            postgrad_staff: '5',
            invention_patent_apps: String(i % 5),
            pct_apps: '0',
            high_tech_revenue: '1000',
            rd_tax_deduction: String(i),
            net_profit: String(1000 + i),
            net_assets: '50000',
            graduates_hired: String(i % 3),
            platforms: '0',
            awards: '0',
            vc_investment: '0',
            standards: '0',
          }),
        );
      }
      added.push(
        row({
          id: uscc('0100', 6000),
          name: '孤例装备有限公司',
          park: 'alpha',
          year: '2023',
          founded: '1990-01-01',
          rd_expense: '345678.91',
          revenue: String(LONE_REVENUE),
          employees: '1234567',
          st_staff: '234567',
          tech_contract_value: '456789.12',
          net_profit: '56789.12',
          net_assets: '678912.34',
          vc_investment: '789123.45',
        }),
      );
      return [...lines, ...added].join('\n') + '\n';
    });
    dist = (await buildSiteOrThrow(dir)).dist;
  });

  it('publishes no sentinel anywhere, in plain, grouped or 亿 form', () => {
    const forms = (v: number) => [v.toFixed(2), v.toLocaleString('en-US', { minimumFractionDigits: 2 }), String(Math.trunc(v)), `${(v / 1e4).toFixed(2)}亿`, `${(v / 1e4).toFixed(2)} 亿`, v.toLocaleString('en-US', { maximumFractionDigits: 0 })];
    const sentinels = [REVENUE, RD, LONE_REVENUE, 345678.91, 456789.12, 56789.12, 678912.34, 789123.45, 1234567, 234567].flatMap(forms);
    const found: string[] = [];
    for (const f of listFiles(dist)) {
      if (!/\.(html|json|csv|xml|txt|svg)$/.test(f)) continue;
      const text = readFileSync(join(dist, f), 'utf8');
      for (const s of sentinels) if (text.includes(s)) found.push(`${f}: ${s}`);
    }
    expect(found).toEqual([]);
  });

  it('still publishes the large cohort’s quartiles, rounded to 2 significant figures', () => {
    const methodology = pageText(readFileSync(join(dist, 'methodology/index.html'), 'utf8'));
    // 987,654.32 万元 to 2 significant figures: 990,000 万元, shown as 99 亿元.
    expect(methodology).toMatch(/四分位数 99(\.0+)?\s*亿/);
  });

  it('the sentinel firms get bands, not numbers, in the public table', () => {
    const csv = readFileSync(join(dist, 'downloads/public-scores-2023.csv'), 'utf8');
    const line = csv.split('\n').find((l) => l.includes('孤例装备有限公司'))!;
    expect(line).toMatch(/,top10,/);
    writeFileSync(join(dir, 'checked'), '');
  });
});
