import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { loadDataFolder } from '../../src/ingest/load.ts';
import { parseModel, type Model } from '../../src/ingest/model.ts';
import { assignStage, scoreDataset } from '../../src/scoring/score.ts';
import fiveStage from '../../examples/five-stage-revenue/model.json' with { type: 'json' };
import fiveDimension from '../../examples/five-dimension/model.json' with { type: 'json' };

const parsed = (json: unknown): Model => {
  const r = parseModel(json, 'model.json');
  if ('errors' in r) throw new Error(r.errors.join('\n'));
  return r.model;
};

describe('stages by revenue: the five-stage example (largest first, 种子期 takes the rest)', () => {
  const { stages } = parsed(fiveStage);
  const stageOf = (revenue: number, age = 10) => assignStage(stages, age, revenue).id;
  it('puts each bound in the stage it names (bounds are inclusive)', () => {
    expect(stageOf(50000)).toBe('mature');
    expect(stageOf(49999.9)).toBe('expansion');
    expect(stageOf(10000)).toBe('expansion');
    expect(stageOf(9999.9)).toBe('growth');
    expect(stageOf(2000)).toBe('growth');
    expect(stageOf(1999.9)).toBe('startup');
    expect(stageOf(500)).toBe('startup');
    expect(stageOf(499.9)).toBe('seed');
    expect(stageOf(0)).toBe('seed');
  });
  it('puts a blank revenue in the catch-all, whatever the age', () => {
    expect(stageOf(NaN, 1)).toBe('seed');
    expect(stageOf(NaN, 30)).toBe('seed');
  });
  it('scores the example folder in ten cohorts (five stages × two years), two firm-years vetoed in 2024 and one in 2023', async () => {
    const loaded = await loadDataFolder('examples/five-stage-revenue');
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    const data = scoreDataset(loaded.data.model, loaded.data.enterprises);
    expect(data.cohorts.map((c) => `${c.year} ${c.stage}`)).toEqual([
      '2023 mature', '2023 expansion', '2023 growth', '2023 startup', '2023 seed',
      '2024 mature', '2024 expansion', '2024 growth', '2024 startup', '2024 seed',
    ]);
    expect(data.cohorts.every((c) => c.size >= 5)).toBe(true);
    // 60 firms × 2 years = 120 rows: 3 vetoed (one firm with negative net assets in both
    // years, one with 3 violations in 2024), 117 scored.
    expect(data.rows).toHaveLength(117);
    expect(data.vetoed.map((v) => [v.row.year, v.rules.join()])).toEqual([
      [2023, 'insolvent'],
      [2024, 'violations'],
      [2024, 'insolvent'],
    ]);
    // Every scored row's stage is the one its revenue in the file names.
    const csv = Papa.parse<{ id: string; year: string; revenue: string }>(readFileSync('examples/five-stage-revenue/enterprises.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
    const revenueOf = new Map(csv.map((r) => [`${r.id} ${r.year}`, r.revenue === '' ? NaN : Number(r.revenue)]));
    for (const r of data.rows) {
      const revenue = revenueOf.get(`${r.row.id} ${r.row.year}`)!;
      expect(r.stage, `${r.row.name} ${r.row.year} revenue ${revenue}`).toBe(stageOf(revenue));
    }
  });
});

describe('stages by age and revenue together: the five-dimension example', () => {
  const { stages } = parsed(fiveDimension);
  const stageOf = (age: number, revenue: number) => assignStage(stages, age, revenue).id;
  it('needs both bounds for 初创期 (age ≤ 5 and revenue ≤ 3,000), then revenue ≤ 30,000 for 成长期', () => {
    expect(stageOf(5, 3000)).toBe('startup');
    expect(stageOf(0, 0)).toBe('startup');
    expect(stageOf(6, 3000)).toBe('growth'); // too old for 初创期
    expect(stageOf(3, 3000.1)).toBe('growth'); // too much revenue for 初创期
    expect(stageOf(3, 30000)).toBe('growth');
    expect(stageOf(3, 30000.1)).toBe('mature');
    expect(stageOf(3, NaN)).toBe('mature'); // a blank revenue matches no revenue bound
  });
});
