// Issue 4, "safe to publish": real builds (`node scripts/build.ts`) of data folders into
// temporary folders. A failed or killed build leaves the live site untouched, builds are
// reproducible and their checksums true, every malformed input is refused with a located
// error by both CLIs, no private raw value reaches the site, and CSV downloads are formula-safe.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, editFile, setCell } from '../helpers/folder.ts';
import { buildSite, buildSiteOrThrow, filesWithExtension, hashTree, listFiles, newTarget, runScore, sha256File, tempDir, type BuildTarget } from './helpers/build.ts';

const HAND = 'test/fixtures/hand';

/** Writes a Node --import hook into a temp folder and returns NODE_OPTIONS that load it. */
function nodeOptionsWithHook(source: string): string {
  const file = join(tempDir('portal-hook-'), 'hook.mjs');
  writeFileSync(file, source);
  return `--import=${file}`;
}

describe('a failed build damages nothing', () => {
  let target: BuildTarget;
  let live: Record<string, string>;

  beforeAll(async () => {
    target = newTarget();
    await buildSiteOrThrow(HAND, target);
    live = hashTree(target.dist);
  });

  it('the good build produced a site to protect', () => {
    expect(Object.keys(live)).toContain('index.html');
    expect(Object.keys(live)).toContain('downloads/SHA256SUMS');
  });

  it('refuses bad data with a located error and leaves dist/ byte-identical', async () => {
    const dir = copyFixture();
    setCell(dir, 'enterprises.csv', 2, 'id', '91130100MA00000013');
    const r = await buildSite(dir, target);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`${dir}/enterprises.csv:2: column "id": is not a valid 统一社会信用代码`);
    expect(hashTree(target.dist)).toEqual(live);
  });

  it('leaves dist/ byte-identical when Astro fails after writing every page', async () => {
    // The hook turns the Astro child's successful exit into a failure: the new site is complete
    // in the staging folder, and must still not be swapped in.
    const hook = `if (process.argv[1]?.endsWith('astro.mjs')) process.on('exit', (code) => { if (code === 0) process.exitCode = 3; });`;
    const dir = copyFixture();
    setCell(dir, 'enterprises.csv', 2, 'name', '甲科技（已改名）有限公司');
    const r = await buildSite(dir, target, { env: { NODE_OPTIONS: nodeOptionsWithHook(hook) } });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/Astro build failed/);
    expect(hashTree(target.dist)).toEqual(live);
  });

  it('leaves dist/ byte-identical when killed (SIGKILL) once it starts building pages', async () => {
    const dir = copyFixture();
    setCell(dir, 'enterprises.csv', 2, 'name', '甲科技（已改名）有限公司');
    const r = await buildSite(dir, target, { killWhen: (out) => out.includes('building pages') });
    expect(r.signal).toBe('SIGKILL');
    expect(hashTree(target.dist)).toEqual(live);
  });

  it('leaves dist/ byte-identical when killed (SIGKILL) while Astro writes the new site', async () => {
    const dir = copyFixture();
    setCell(dir, 'enterprises.csv', 2, 'name', '甲科技（已改名）有限公司');
    const staged = join(target.work, 'dist');
    // Earlier tests leave a staging folder behind; only look once this build has replaced it.
    let building = false;
    let seen = false;
    const r = await buildSite(dir, target, {
      killWhen: (out) => ((building = out.includes('building pages')), false),
      killPoll: () => (seen ||= building && existsSync(staged) && readdirSync(staged).length > 0),
    });
    expect(r.signal, `the build finished before Astro wrote anything:\n${r.stdout}`).toBe('SIGKILL');
    expect(seen).toBe(true);
    expect(hashTree(target.dist)).toEqual(live);
  });

  it('after all that, a good build still replaces the site', async () => {
    const dir = copyFixture();
    setCell(dir, 'enterprises.csv', 2, 'name', '甲科技（已改名）有限公司');
    await buildSiteOrThrow(dir, target);
    const now = hashTree(target.dist);
    expect(now).not.toEqual(live);
    expect(readFileSync(join(target.dist, 'downloads/public-scores.csv'), 'utf8')).toContain('甲科技（已改名）有限公司');
  });
});

describe('reproducible builds', () => {
  let a: BuildTarget;
  let b: BuildTarget;

  beforeAll(async () => {
    // Same input files in two different folders, built into two different places; the second
    // build runs in another time zone with the clock set to 2099, so neither paths nor the wall
    // clock may leak into the output. The first is split over three Astro processes (as large
    // sites are), the second is one: how the pages were shared out must not show either.
    const dirA = copyFixture();
    const dirB = copyFixture();
    for (const d of [dirA, dirB]) addShowcaseEntry(d);
    a = newTarget();
    b = newTarget();
    const split = await buildSite(dirA, a, { env: { PORTAL_BUILD_PROCESSES: '3' } });
    if (split.status !== 0) throw new Error(`first build failed:\n${split.stdout}\n${split.stderr}`);
    expect(split.stdout).toContain('Pages built by 3 Astro processes side by side');
    const clock2099 = `const Real = Date; const T = Real.UTC(2099, 5, 15, 12, 0, 0);
globalThis.Date = class extends Real { constructor(...a) { if (a.length === 0) super(T); else super(...a); } static now() { return T; } };`;
    const r = await buildSite(dirB, b, {
      env: { TZ: 'Asia/Shanghai', LANG: 'zh_CN.UTF-8', NODE_OPTIONS: nodeOptionsWithHook(clock2099), PORTAL_BUILD_PROCESSES: '1' },
    });
    if (r.status !== 0) throw new Error(`second build failed:\n${r.stdout}\n${r.stderr}`);
  });

  it('two builds from the same inputs give the same file list', () => {
    expect(listFiles(b.dist)).toEqual(listFiles(a.dist));
  });

  it('two builds from the same inputs give byte-identical files', () => {
    const ha = hashTree(a.dist);
    const hb = hashTree(b.dist);
    const differing = Object.keys(ha).filter((f) => ha[f] !== hb[f]);
    expect(differing).toEqual([]);
  });

  it('downloads/SHA256SUMS lists every download with its real SHA-256', () => {
    const downloads = join(a.dist, 'downloads');
    const lines = readFileSync(join(downloads, 'SHA256SUMS'), 'utf8').trimEnd().split('\n');
    const listed = lines.map((l) => {
      const m = /^([0-9a-f]{64}) {2}(\S.*)$/.exec(l);
      if (!m) throw new Error(`not a sha256sum line: ${l}`);
      return { sha: m[1]!, file: m[2]! };
    });
    expect(listed.map((x) => x.file).sort()).toEqual(listFiles(downloads).filter((f) => f !== 'SHA256SUMS'));
    for (const { sha, file } of listed) expect(sha256File(join(downloads, file)), file).toBe(sha);
  });
});

/** Adds a valid showcase entry about 甲 so builds include the showcase pages. */
function addShowcaseEntry(dir: string, body = '甲科技有限公司的研发投入**持续增长**。\n'): void {
  mkdirSync(join(dir, 'showcase'), { recursive: true });
  writeFileSync(
    join(dir, 'showcase', '2024-01-15-jia.md'),
    `---\ntitle: 甲科技：以研发驱动成长\ndate: 2024-01-15\nenterprise: 91130100MA00000012\npark: alpha\nauthor: 甲高新区管委会\n---\n\n${body}`,
  );
}

/** One malformed data folder and the exact located errors both CLIs must print for it. */
interface MalformedCase {
  name: string;
  break: (dir: string) => void;
  /** Whole stderr lines expected, without the `<dir>/` prefix (a RegExp matches one line). */
  errors: (string | RegExp)[];
}

const removeColumn = (column: string) => (dir: string) =>
  editFile(dir, 'enterprises.csv', (t) => {
    const lines = t.split('\n');
    const k = lines[0]!.split(',').indexOf(column);
    return lines.map((l) => (l === '' ? l : l.split(',').filter((_, i) => i !== k).join(','))).join('\n');
  });

const MALFORMED: MalformedCase[] = [
  {
    name: 'a wrong check digit',
    break: (d) => setCell(d, 'enterprises.csv', 4, 'id', '91130100MA00000039'),
    errors: ['enterprises.csv:4: column "id": is not a valid 统一社会信用代码: wrong characters or check digit (GB 32100-2015) (got "91130100MA00000039")'],
  },
  {
    name: 'a duplicate (id, year)',
    break: (d) => setCell(d, 'enterprises.csv', 10, 'year', '2023'),
    errors: ['enterprises.csv:10: column "id": the same id and year 2023 already appear on line 2 (got "91130100MA00000012")'],
  },
  {
    name: 'an unknown park',
    break: (d) => setCell(d, 'enterprises.csv', 3, 'park', 'gamma'),
    errors: ['enterprises.csv:3: column "park": is not a code in parks.csv (got "gamma")'],
  },
  {
    name: 'a non-numeric count',
    break: (d) => setCell(d, 'enterprises.csv', 4, 'awards', 'two'),
    errors: ['enterprises.csv:4: column "awards": is not a whole number (got "two")'],
  },
  {
    name: 'a non-numeric amount of money',
    break: (d) => setCell(d, 'enterprises.csv', 5, 'revenue', '一千'),
    errors: ['enterprises.csv:5: column "revenue": is not a number (got "一千")'],
  },
  {
    name: 'a negative count',
    break: (d) => setCell(d, 'enterprises.csv', 3, 'employees', '-1'),
    errors: ['enterprises.csv:3: column "employees": must not be negative (a count, ≥ 0) (got "-1")'],
  },
  {
    name: 'a negative amount of money',
    break: (d) => setCell(d, 'enterprises.csv', 2, 'rd_expense', '-5'),
    errors: ['enterprises.csv:2: column "rd_expense": must not be negative (money in 万元, ≥ 0) (got "-5")'],
  },
  {
    name: 'a fractional count',
    break: (d) => setCell(d, 'enterprises.csv', 6, 'employees', '2.5'),
    errors: ['enterprises.csv:6: column "employees": must be a whole number (a count) (got "2.5")'],
  },
  {
    name: 'an impossible date',
    break: (d) => setCell(d, 'enterprises.csv', 4, 'founded', '2023-02-29'),
    errors: ['enterprises.csv:4: column "founded": is not a real calendar date (got "2023-02-29")'],
  },
  {
    name: 'a founding date after the evaluation year',
    break: (d) => setCell(d, 'enterprises.csv', 4, 'founded', '2024-01-01'),
    errors: ['enterprises.csv:4: column "founded": is after the evaluation year 2023 (got "2024-01-01")'],
  },
  {
    name: 'more science staff than employees',
    break: (d) => setCell(d, 'enterprises.csv', 2, 'st_staff', '11'),
    errors: ['enterprises.csv:2: column "st_staff": must not exceed employees (10) (got "11")'],
  },
  {
    name: 'a founding date that changes between years',
    break: (d) => setCell(d, 'enterprises.csv', 11, 'founded', '2015-03-16'),
    errors: ['enterprises.csv:11: column "founded": differs from the founding date 2015-03-15 given for the same id on line 5 (got "2015-03-16")'],
  },
  {
    name: 'a missing column',
    break: removeColumn('standards'),
    errors: ['enterprises.csv:1: column "standards": required column is missing from the header (read by indicator standards)'],
  },
  {
    name: 'a misspelt column',
    break: (d) => editFile(d, 'enterprises.csv', (t) => t.replace('pct_apps', 'PCT_apps')),
    errors: [
      'enterprises.csv:1: column "PCT_apps": is not a column of enterprises.csv; did you mean "pct_apps"? (got "PCT_apps")',
      'enterprises.csv:1: column "pct_apps": required column is missing from the header (read by indicator pct_apps)',
    ],
  },
  {
    name: 'an unterminated quote',
    break: (d) => editFile(d, 'enterprises.csv', (t) => t.replace('丙智能有限公司', '"丙智能有限公司')),
    errors: ['enterprises.csv:4: a quoted cell is never closed: a double quote (") opens it and no closing quote follows'],
  },
  {
    name: 'a binary file (an .xlsx saved as .csv)',
    break: (d) => writeFileSync(join(d, 'enterprises.csv'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08])),
    errors: [/^enterprises\.csv:1: this is not a text file: it holds a NUL byte at byte \d+ /],
  },
  {
    name: 'an empty file',
    break: (d) => writeFileSync(join(d, 'parks.csv'), ''),
    errors: ['parks.csv:1: the file is empty; it needs at least a header line'],
  },
  {
    name: 'GBK bytes behind a UTF-8 byte-order mark',
    break: (d) =>
      writeFileSync(
        join(d, 'enterprises.csv'),
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(readFileSync(join(d, 'enterprises.csv'), 'utf8'), 'gbk')]),
      ),
    errors: [/^enterprises\.csv:2: the file starts with a UTF-8 byte-order mark but is not valid UTF-8 \(byte \d+\)/],
  },
  {
    name: 'a showcase entry naming an unknown enterprise',
    break: (d) => {
      addShowcaseEntry(d);
      editFile(d, 'showcase/2024-01-15-jia.md', (t) => t.replace('enterprise: 91130100MA00000012', 'enterprise: 91130100MA0000009T'));
    },
    errors: ['showcase/2024-01-15-jia.md:4: field "enterprise": no enterprise with this id in enterprises.csv (got "91130100MA0000009T")'],
  },
];

/** Checks that every expected error is one whole line of stderr, located in `dir`. */
function expectLocatedErrors(stderr: string, dir: string, errors: (string | RegExp)[]): void {
  const lines = stderr.split('\n').map((l) => (l.startsWith(dir + '/') ? l.slice(dir.length + 1) : l));
  for (const e of errors) {
    if (typeof e === 'string') expect(lines, `stderr:\n${stderr}`).toContain(e);
    else expect(lines.some((l) => e.test(l)), `no line matches ${e} in stderr:\n${stderr}`).toBe(true);
  }
}

describe('malformed data folders are refused by npm run score and by the build', () => {
  it.each(MALFORMED)('$name', async (c) => {
    const dir = copyFixture();
    c.break(dir);

    const out = join(tempDir('portal-score-out-'), 'out');
    const score = await runScore(dir, out);
    expect(score.status, `npm run score accepted it:\n${score.stdout}`).not.toBe(0);
    expectLocatedErrors(score.stderr, dir, c.errors);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);

    const target = newTarget();
    const build = await buildSite(dir, target);
    expect(build.status, `the build accepted it:\n${build.stdout}`).not.toBe(0);
    expectLocatedErrors(build.stderr, dir, c.errors);
    expect(existsSync(target.dist)).toBe(false);
  });
});

/** Private columns of enterprises.csv (scoring-model.md §7) and whether they hold money or a count. */
const PRIVATE_COLUMNS: Record<string, 'money' | 'count'> = {
  revenue: 'money',
  revenue_prev: 'money',
  rd_expense: 'money',
  rd_expense_prev: 'money',
  net_profit: 'money',
  net_assets: 'money',
  employees: 'count',
  st_staff: 'count',
  postgrad_staff: 'count',
  tech_contract_value: 'money',
  high_tech_revenue: 'money',
  rd_tax_deduction: 'money',
  vc_investment: 'money',
};

/** Deterministic pseudo-random digits (mulberry32), so the sentinels are fixed but patternless. */
function digits(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) % 10;
  };
}

/**
 * Sentinel values for the private columns of the given lines: money as 6 digits + 2 decimals
 * (万元), counts as 7 digits, every value different, none sharing a 6-digit run with another.
 */
function makeSentinels(lines: number[]): { line: number; column: string; value: number }[] {
  const next = digits(20240615);
  const used: string[] = [];
  const fresh = (len: number) => {
    for (;;) {
      let s = String(1 + (next() % 9));
      while (s.length < len) s += next();
      if (s.endsWith('0')) continue;
      const runs = Array.from({ length: s.length - 5 }, (_, i) => s.slice(i, i + 6));
      if (used.some((u) => runs.some((r) => u.includes(r)))) continue;
      used.push(s);
      return s;
    }
  };
  const out: { line: number; column: string; value: number }[] = [];
  for (const line of lines) {
    const v: Record<string, number> = {};
    for (const [column, kind] of Object.entries(PRIVATE_COLUMNS)) {
      const d = fresh(kind === 'money' ? 8 : 7);
      v[column] = kind === 'money' ? Number(`${d.slice(0, 6)}.${d.slice(6)}`) : Number(d);
    }
    // Keep the row valid: staff ≤ employees, high-tech revenue ≤ revenue; one loss-maker.
    const [e, s1, s2] = [v.employees!, v.st_staff!, v.postgrad_staff!].sort((x, y) => y - x);
    Object.assign(v, { employees: e, st_staff: s1, postgrad_staff: s2 });
    if (v.high_tech_revenue! > v.revenue!) [v.high_tech_revenue, v.revenue] = [v.revenue!, v.high_tech_revenue!];
    if (line === lines[0]) v.net_profit = -v.net_profit!;
    for (const [column, value] of Object.entries(v)) out.push({ line, column, value });
  }
  return out;
}

const grouped = (x: number, decimals: number) => x.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

/** The ways a page might print a raw value: plain, rounded, grouped, in 亿元 or in yuan, as 万 of people. */
export function printedForms(value: number, kind: 'money' | 'count'): string[] {
  const v = Math.abs(value);
  const forms = new Set<string>();
  for (const d of kind === 'money' ? [0, 1, 2] : [0]) {
    forms.add(v.toFixed(d));
    forms.add(grouped(v, d));
  }
  forms.add(String(Math.trunc(v)));
  forms.add(grouped(Math.trunc(v), 0));
  if (kind === 'money') {
    const yi = v / 1e4; // 万元 → 亿元
    for (const d of [1, 2]) for (const sep of ['', ' ', '\u00a0', '\u2009']) forms.add(`${yi.toFixed(d)}${sep}亿`);
    forms.add(String(yi)); // e.g. 98.765432: long enough to be unambiguous
    forms.add(yi.toFixed(4));
    const yuan = Math.round(v * 1e4);
    forms.add(String(yuan));
    forms.add(grouped(yuan, 0));
    forms.add(grouped(yuan / 1e6, 2)); // millions of yuan, e.g. 9,876.54
    for (const sep of [' ', '\u00a0']) forms.add(`${(yuan / 1e9).toFixed(2)}${sep}billion`);
  } else {
    for (const d of [1, 2]) for (const sep of ['', ' ']) forms.add(`${(v / 1e4).toFixed(d)}${sep}万`);
  }
  return [...forms];
}

describe('privacy: no private raw value is published', () => {
  const sentinels = makeSentinels([2, 5, 10]);
  let dist: string;
  let files: string[];

  beforeAll(async () => {
    const dir = copyFixture();
    for (const s of sentinels) setCell(dir, 'enterprises.csv', s.line, s.column, String(s.value));
    addShowcaseEntry(dir);
    const r = await buildSiteOrThrow(dir);
    dist = r.dist;
    files = listFiles(dist);
  });

  it('the sentinels are all different and the sentinel firms sit in cohorts too small for quartiles', () => {
    expect(new Set(sentinels.map((s) => s.value)).size).toBe(sentinels.length);
    const model = JSON.parse(readFileSync(join(dist, 'downloads/model.json'), 'utf8')) as { privacy: { min_cohort: number } };
    // The hand fixture's largest (year, stage) cohort has 22 firms, so no private quartile is published.
    expect(model.privacy.min_cohort).toBeGreaterThan(22);
  });

  it('the site was built and names the sentinel firms', () => {
    expect(files.length).toBeGreaterThan(5);
    expect(readFileSync(join(dist, 'downloads/public-scores.csv'), 'utf8')).toContain('丁装备股份有限公司');
  });

  it('no file of the site holds any private value in any printed form', () => {
    const leaks = findPrinted(dist, files, sentinels.map((s) => ({ label: `${s.column} ${s.value} (line ${s.line})`, value: s.value, kind: PRIVATE_COLUMNS[s.column]! })));
    expect(leaks).toEqual([]);
  });

  it('the search is not blind: it finds a value printed in any of its forms', () => {
    const dir = tempDir('portal-leak-');
    mkdirSync(join(dir, 'en'));
    writeFileSync(join(dir, 'a.html'), '<td>营业收入 98.77 亿元</td><td>987,654.32</td>');
    writeFileSync(join(dir, 'en/b.json'), '{"revenueYuan":9876543200,"staff":"864.21万"}');
    const found = findPrinted(dir, listFiles(dir), [
      { label: 'revenue', value: 987654.32, kind: 'money' },
      { label: 'employees', value: 8642097, kind: 'count' },
    ]);
    expect(found).toEqual([
      'a.html: revenue printed as "98.77 亿"',
      'a.html: revenue printed as "987,654.32"',
      'en/b.json: revenue printed as "9876543200"',
      'en/b.json: employees printed as "864.21万"',
    ]);
  });
});

/** Every place where one of `values` appears in `files` (under `dir`) in one of its printed forms. */
function findPrinted(dir: string, files: string[], values: { label: string; value: number; kind: 'money' | 'count' }[]): string[] {
  const labelOf = new Map<string, string>();
  for (const v of values) for (const form of printedForms(v.value, v.kind)) labelOf.set(form, v.label);
  // One alternation, longest forms first, run once over each file.
  const forms = [...labelOf.keys()].sort((a, b) => b.length - a.length);
  const any = new RegExp(forms.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  const found: string[] = [];
  for (const f of files) {
    for (const m of readFileSync(join(dir, f), 'utf8').matchAll(any)) found.push(`${f}: ${labelOf.get(m[0])} printed as "${m[0]}"`);
  }
  return found;
}

describe('formula injection: CSV downloads are safe to open in a spreadsheet', () => {
  const injected = {
    names: ['=HYPERLINK("http://example.invalid/","点击")', '+86 甲乙科技', '-丙智能', '@SUM(1+1)', '\t戊能源有限公司'],
    parks: ['=甲高新区', '+乙高新区'],
    notes: ['=1+2', '@source'],
  };
  let downloads: string;
  let csvs: string[];

  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

  beforeAll(async () => {
    const dir = copyFixture();
    injected.names.forEach((n, i) => setCell(dir, 'enterprises.csv', 2 + i, 'name', quote(n)));
    setCell(dir, 'enterprises.csv', 7, 'industry', '=1+2新材料');
    setCell(dir, 'enterprises.csv', 8, 'industry', '@SUM(A1)');
    setCell(dir, 'parks.csv', 2, 'name', injected.parks[0]!);
    setCell(dir, 'parks.csv', 3, 'name', injected.parks[1]!);
    setCell(dir, 'parks.csv', 2, 'city', '-石家庄');
    writeFileSync(
      join(dir, 'achievements.csv'),
      `park,metric,value,unit,as_of,note,source\nalpha,enterprises_evaluated,120,家,2023,${injected.notes[0]},${injected.notes[1]} 科技日报 2023-07\n`,
    );
    const r = await buildSiteOrThrow(dir);
    downloads = join(r.dist, 'downloads');
    csvs = filesWithExtension(downloads, ['.csv']);
  });

  const parse = (file: string) => {
    const text = readFileSync(join(downloads, file), 'utf8');
    return Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  };

  it('publishes the CSV downloads', () => {
    expect(csvs).toEqual(expect.arrayContaining(['public-scores.csv', 'parks.csv', 'data-dictionary.csv']));
  });

  it('every CSV starts with the UTF-8 byte-order mark', () => {
    for (const f of csvs) expect(readFileSync(join(downloads, f)).subarray(0, 3), f).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('every CSV parses into rows as wide as its header', () => {
    for (const f of csvs) {
      const result = Papa.parse<string[]>(readFileSync(join(downloads, f), 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true });
      expect(result.errors, f).toEqual([]);
      const width = result.data[0]!.length;
      expect(result.data.filter((row) => row.length !== width), f).toEqual([]);
    }
  });

  it('no cell of any CSV starts a formula, except plain negative numbers', () => {
    for (const f of csvs) {
      const bad = parse(f)
        .flat()
        .filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^-\d+(\.\d+)?$/.test(cell));
      expect(bad, f).toEqual([]);
    }
  });

  it('formula-like names are kept, behind an apostrophe', () => {
    const names = parse('public-scores.csv').map((row) => row[2]);
    for (const n of injected.names.slice(0, 4)) expect(names).toContain(`'${n}`);
    expect(names.filter((n) => n?.includes('戊能源有限公司'))).not.toEqual([]);
    const parks = parse('parks.csv').flat();
    for (const p of injected.parks) expect(parks).toContain(`'${p}`);
  });

  it('Chinese text is intact', () => {
    const scores = readFileSync(join(downloads, 'public-scores.csv'), 'utf8');
    for (const s of ['+86 甲乙科技', '点击', '己农业有限公司', '庚材料有限公司', '辛农业有限公司']) expect(scores).toContain(s);
    const parks = readFileSync(join(downloads, 'parks.csv'), 'utf8');
    for (const s of ['甲高新区', '乙高新区', '河北', '广东', '石家庄', '广州']) expect(parks).toContain(s);
    expect(readFileSync(join(downloads, 'achievements.csv'), 'utf8')).toContain('科技日报 2023-07');
  });
});
