import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SEED,
  DEFAULT_YEARS,
  ENTERPRISE_COLUMNS,
  type EnterpriseRecord,
  formatParksCsv,
  generateEnterpriseCsvChunks,
  generateEnterprises,
  INDICATOR_COLUMNS,
  PARK_COLUMNS,
  planSample,
  stageOfRecord,
} from '../../src/sample/generate.ts';
import { isValidUscc } from '../../src/ingest/uscc.ts';

// Column orders exactly as dataset.md lists them.
const DATASET_ENTERPRISE_COLUMNS =
  'id,name,name_en,park,year,founded,industry,tags,rd_expense,rd_expense_prev,revenue,revenue_prev,' +
  'employees,st_staff,postgrad_staff,invention_patent_apps,pct_apps,tech_contract_value,high_tech_revenue,' +
  'rd_tax_deduction,net_profit,net_assets,graduates_hired,platforms,awards,vc_investment,standards,serious_violations';
const DATASET_PARK_COLUMNS = 'code,name,name_en,province,city,level,pilot_batch,pilot_year';

const MONEY_COLUMNS = new Set([
  'rd_expense',
  'rd_expense_prev',
  'revenue',
  'revenue_prev',
  'tech_contract_value',
  'high_tech_revenue',
  'rd_tax_deduction',
  'net_profit',
  'net_assets',
  'vc_investment',
]);

const defaultPlan = planSample({ seed: DEFAULT_SEED, years: DEFAULT_YEARS });
const defaultRecords = [...generateEnterprises(defaultPlan)];
const synthetic = planSample({ seed: 'test', years: DEFAULT_YEARS, firms: 3000, parks: 12 });
const syntheticRecords = [...generateEnterprises(synthetic)];

function csvText(options: Parameters<typeof planSample>[0]): string {
  return [...generateEnterpriseCsvChunks(planSample(options), 500)].join('');
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

function latest(records: readonly EnterpriseRecord[]): EnterpriseRecord[] {
  const year = Math.max(...records.map((r) => r.year));
  return records.filter((r) => r.year === year);
}

describe('determinism', () => {
  it('gives byte-identical output for the same options', () => {
    const options = { seed: 'abc', years: [2022, 2023], firms: 800, parks: 5 };
    expect(csvText(options)).toBe(csvText(options));
    expect(formatParksCsv(planSample(options))).toBe(formatParksCsv(planSample(options)));
  });

  it('does not depend on the chunk size', () => {
    const plan = planSample({ seed: 'abc', years: [2022, 2023], firms: 800, parks: 5 });
    expect([...generateEnterpriseCsvChunks(plan, 7)].join('')).toBe([...generateEnterpriseCsvChunks(plan)].join(''));
  });

  it('gives different output for a different seed', () => {
    const a = csvText({ seed: 'abc', years: [2023], firms: 300, parks: 3 });
    const b = csvText({ seed: 'abd', years: [2023], firms: 300, parks: 3 });
    expect(a).not.toBe(b);
  });
});

describe('CSV shape', () => {
  it('writes the enterprises.csv columns in dataset.md order', () => {
    expect(ENTERPRISE_COLUMNS.join(',')).toBe(DATASET_ENTERPRISE_COLUMNS);
    const text = csvText({ seed: 'x', years: [2023], firms: 50, parks: 2 });
    expect(text.slice(0, text.indexOf('\n'))).toBe(DATASET_ENTERPRISE_COLUMNS);
  });

  it('writes the parks.csv columns in dataset.md order', () => {
    expect(PARK_COLUMNS.join(',')).toBe(DATASET_PARK_COLUMNS);
    expect(formatParksCsv(defaultPlan).split('\n')[0]).toBe(DATASET_PARK_COLUMNS);
  });

  it('parses back as RFC 4180 with every field in place', () => {
    const text = csvText({ seed: DEFAULT_SEED, years: DEFAULT_YEARS, firms: 2000, parks: 4 });
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...ENTERPRISE_COLUMNS]);
    const bad: string[] = [];
    for (const row of parsed.data) {
      for (const column of INDICATOR_COLUMNS) {
        const cell = row[column]!;
        if (cell === '') continue;
        // Plain numbers: no exponent, at most 2 decimals for money, integers for counts.
        const pattern = MONEY_COLUMNS.has(column) ? /^-?[0-9]+(\.[0-9]{1,2})?$/ : /^[0-9]+$/;
        if (!pattern.test(cell)) bad.push(`${column}: ${cell}`);
      }
      if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(row.founded!)) bad.push(`founded: ${row.founded}`);
    }
    expect(bad).toEqual([]);
  });

  it('quotes only fields that need it', () => {
    const text = csvText({ seed: DEFAULT_SEED, years: [2023], firms: 200, parks: 2 });
    const quoted = text.match(/"[^"]*"/g) ?? [];
    expect(quoted.length).toBeGreaterThan(0);
    for (const field of quoted) expect(field).toMatch(/[,"]/);
  });

  it('describes the four reported pilot parks by default', () => {
    const lines = formatParksCsv(defaultPlan).trim().split('\n').slice(1);
    expect(lines.map((line) => line.split(',')[0])).toEqual(['shijiazhuang', 'baoding', 'guangzhou', 'huizhou-zhongkai']);
    expect(lines[0]).toBe('shijiazhuang,石家庄高新区,Shijiazhuang High-tech Zone,河北,石家庄,national,1,2020');
  });
});

describe('identifiers and names', () => {
  for (const [label, records] of [
    ['default sample', defaultRecords],
    ['synthetic', syntheticRecords],
  ] as const) {
    it(`gives every row of the ${label} a valid USCC, unique per year`, () => {
      expect(records.filter((r) => !isValidUscc(r.id))).toEqual([]);
      const keys = new Set(records.map((r) => `${r.id}|${r.year}`));
      expect(keys.size).toBe(records.length);
    });

    it(`keeps founded, name and park constant per id in the ${label}`, () => {
      const seen = new Map<string, string>();
      const bad: string[] = [];
      for (const r of records) {
        const identity = `${r.founded}|${r.name}|${r.park}`;
        if ((seen.get(r.id) ?? identity) !== identity) bad.push(r.id);
        seen.set(r.id, identity);
      }
      expect(bad).toEqual([]);
    });

    it(`gives unique names within each year of the ${label}`, () => {
      for (const year of DEFAULT_YEARS) {
        const names = records.filter((r) => r.year === year).map((r) => r.name);
        expect(new Set(names).size).toBe(names.length);
      }
    });
  }

  it('uses the division code of the park city', () => {
    const prefixes: Record<string, string> = {
      shijiazhuang: '91130100',
      baoding: '91130600',
      guangzhou: '91440100',
      'huizhou-zhongkai': '91441300',
    };
    expect(defaultRecords.filter((r) => r.id.slice(0, 8) !== prefixes[r.park])).toEqual([]);
  });

  it('gives most firms an English name', () => {
    const share = defaultRecords.filter((r) => r.name_en !== '').length / defaultRecords.length;
    expect(share).toBeGreaterThan(0.7);
    expect(share).toBeLessThan(1);
  });
});

describe('consistency rules of dataset.md', () => {
  const all = [...defaultRecords, ...syntheticRecords];

  // Offending rows are collected so a failure lists them instead of stopping at the first.
  it('keeps staff counts within employees and high-tech revenue within revenue', () => {
    const bad = all.filter(
      (r) =>
        (r.employees !== null && r.st_staff !== null && r.st_staff > r.employees) ||
        (r.employees !== null && r.postgrad_staff !== null && r.postgrad_staff > r.employees) ||
        (r.revenue !== null && r.high_tech_revenue !== null && r.high_tech_revenue > r.revenue),
    );
    expect(bad).toEqual([]);
  });

  it('keeps non-negative columns non-negative', () => {
    const bad: string[] = [];
    for (const r of all) {
      for (const column of INDICATOR_COLUMNS) {
        if (column === 'net_profit' || column === 'net_assets') continue;
        const value = r[column];
        if (value !== null && value < 0) bad.push(`${r.id} ${r.year} ${column} ${value}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('has real founding dates no later than the evaluation year', () => {
    const bad = all.filter((r) => {
      const date = new Date(`${r.founded}T00:00:00Z`);
      return date.toISOString().slice(0, 10) !== r.founded || Number(r.founded.slice(0, 4)) > r.year;
    });
    expect(bad).toEqual([]);
  });

  it("repeats last year's revenue and R&D as this year's _prev values", () => {
    const byKey = new Map(defaultRecords.map((r) => [`${r.id}|${r.year}`, r]));
    let compared = 0;
    const bad: string[] = [];
    for (const r of defaultRecords) {
      const previous = byKey.get(`${r.id}|${r.year - 1}`);
      if (previous === undefined) continue;
      if (previous.revenue !== null && r.revenue_prev !== null) {
        if (r.revenue_prev !== previous.revenue) bad.push(`${r.id} ${r.year} revenue_prev`);
        compared++;
      }
      if (previous.rd_expense !== null && r.rd_expense_prev !== null && r.rd_expense_prev !== previous.rd_expense) {
        bad.push(`${r.id} ${r.year} rd_expense_prev`);
      }
    }
    expect(bad).toEqual([]);
    expect(compared).toBeGreaterThan(10_000);
  });
});

describe('distributions of the default sample', () => {
  it('has the reported firm counts in the latest year and fewer before', () => {
    const counts = countBy(defaultRecords, (r) => `${r.park} ${r.year}`);
    const expected = { shijiazhuang: 2000, baoding: 1643, guangzhou: 6000, 'huizhou-zhongkai': 1000 };
    for (const [park, n] of Object.entries(expected)) {
      expect(counts.get(`${park} 2023`)).toBe(n);
      expect(counts.get(`${park} 2022`)!).toBeLessThan(n);
      expect(counts.get(`${park} 2021`)!).toBeLessThan(counts.get(`${park} 2022`)!);
    }
  });

  it('reproduces the reported Shijiazhuang stage split exactly', () => {
    const stages = countBy(
      latest(defaultRecords).filter((r) => r.park === 'shijiazhuang'),
      (r) => stageOfRecord(r),
    );
    expect(Object.fromEntries(stages)).toEqual({ startup: 561, growth: 830, stable: 609 });
  });

  it('has plausible stage shares in every park', () => {
    for (const records of [defaultRecords, syntheticRecords]) {
      for (const [park, total] of countBy(latest(records), (r) => r.park)) {
        const stages = countBy(
          latest(records).filter((r) => r.park === park),
          (r) => stageOfRecord(r),
        );
        for (const stage of ['startup', 'growth', 'stable']) {
          const share = (stages.get(stage) ?? 0) / total;
          expect(share, `${park} ${stage}`).toBeGreaterThan(0.08);
          expect(share, `${park} ${stage}`).toBeLessThan(0.6);
        }
      }
    }
  });

  it('has firms that enter and firms that leave', () => {
    const latestIds = new Set(latest(defaultRecords).map((r) => r.id));
    const firstIds = new Set(defaultRecords.filter((r) => r.year === 2021).map((r) => r.id));
    const leavers = [...firstIds].filter((id) => !latestIds.has(id)).length;
    const entrants = [...latestIds].filter((id) => !firstIds.has(id)).length;
    expect(leavers).toBeGreaterThan(50);
    expect(leavers).toBeLessThan(firstIds.size * 0.1);
    expect(entrants).toBeGreaterThan(1000);
  });

  it('leaves 3–8% of indicator cells blank and rarely a whole row', () => {
    let blank = 0;
    let wholeRows = 0;
    for (const r of defaultRecords) {
      const n = INDICATOR_COLUMNS.filter((c) => r[c] === null).length;
      blank += n;
      if (n === INDICATOR_COLUMNS.length) wholeRows++;
    }
    const share = blank / (defaultRecords.length * INDICATOR_COLUMNS.length);
    expect(share).toBeGreaterThan(0.03);
    expect(share).toBeLessThan(0.08);
    expect(wholeRows).toBeGreaterThan(0);
    expect(wholeRows / defaultRecords.length).toBeLessThan(0.005);
  });

  it('is zero-inflated where it should be', () => {
    const zeroShare = (column: (typeof INDICATOR_COLUMNS)[number]): number => {
      const values = defaultRecords.map((r) => r[column]).filter((v) => v !== null);
      return values.filter((v) => v === 0).length / values.length;
    };
    expect(zeroShare('pct_apps')).toBeGreaterThan(0.85);
    expect(zeroShare('vc_investment')).toBeGreaterThan(0.85);
    expect(zeroShare('platforms')).toBeGreaterThan(0.85);
    expect(zeroShare('serious_violations')).toBeGreaterThan(0.995);
    expect(zeroShare('invention_patent_apps')).toBeGreaterThan(0.3);
    expect(zeroShare('invention_patent_apps')).toBeLessThan(0.8);
    expect(zeroShare('revenue')).toBeLessThan(0.05);
  });

  it('has some losses and rare negative net assets', () => {
    const profits = defaultRecords.map((r) => r.net_profit).filter((v) => v !== null);
    const assets = defaultRecords.map((r) => r.net_assets).filter((v) => v !== null);
    const lossShare = profits.filter((v) => v < 0).length / profits.length;
    const negativeAssets = assets.filter((v) => v < 0).length / assets.length;
    expect(lossShare).toBeGreaterThan(0.1);
    expect(lossShare).toBeLessThan(0.45);
    expect(negativeAssets).toBeGreaterThan(0);
    expect(negativeAssets).toBeLessThan(0.05);
  });

  it('uses only the five designations, in a fixed order', () => {
    const order = ['高新技术企业', '科技型中小企业', '专精特新', '瞪羚企业', '上市企业'];
    const counts = new Map<string, number>();
    for (const r of defaultRecords) {
      if (r.tags === '') continue;
      const tags = r.tags.split(';');
      const positions = tags.map((t) => order.indexOf(t));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      for (const t of tags) counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    for (const t of order) expect(counts.get(t) ?? 0, t).toBeGreaterThan(0);
    expect(counts.get('上市企业')!).toBeLessThan(counts.get('高新技术企业')!);
  });

  it('weights industries differently per park', () => {
    const share = (park: string, industry: string): number => {
      const rows = latest(defaultRecords).filter((r) => r.park === park);
      return rows.filter((r) => r.industry === industry).length / rows.length;
    };
    expect(share('shijiazhuang', '生物医药')).toBeGreaterThan(share('huizhou-zhongkai', '生物医药'));
    expect(share('guangzhou', '新一代信息技术')).toBeGreaterThan(share('baoding', '新一代信息技术'));
  });
});

describe('size parameters', () => {
  it('honours --firms and --parks', () => {
    expect(synthetic.parks).toHaveLength(12);
    expect(latest(syntheticRecords)).toHaveLength(3000);
    expect(new Set(syntheticRecords.map((r) => r.park)).size).toBe(12);
    expect(synthetic.parks.map((p) => p.row.code)).toEqual(
      Array.from({ length: 12 }, (_, i) => `park-${String(i + 1).padStart(3, '0')}`),
    );
  });

  it('spreads firms unevenly over parks', () => {
    const sizes = synthetic.parks.map((p) => p.firmsLatest);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(3000);
    expect(Math.max(...sizes)).toBeGreaterThan(2 * Math.min(...sizes));
  });

  it('honours --years', () => {
    const plan = planSample({ seed: 'y', years: [2023, 2019], firms: 100, parks: 2 });
    const years = new Set([...generateEnterprises(plan)].map((r) => r.year));
    expect([...years].sort()).toEqual([2019, 2023]);
  });

  it('rejects options it cannot honour', () => {
    expect(() => planSample({ seed: 's', years: DEFAULT_YEARS, parks: 3 })).toThrow(/--firms/);
    expect(() => planSample({ seed: 's', years: DEFAULT_YEARS, firms: 2, parks: 3 })).toThrow(/--parks/);
    expect(() => planSample({ seed: 's', years: [], firms: 10 })).toThrow(/year/);
    expect(() => planSample({ seed: 's', years: [1999], firms: 10 })).toThrow(/1999/);
  });
});
