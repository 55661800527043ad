import { describe, expect, it } from 'vitest';
import type { Model } from '../../src/ingest/model.ts';
import {
  bandCodeOfPosition,
  bandLabel,
  cohortBandCodes,
  computeBands,
  publicTableCells,
  publicTableColumns,
  publishCohorts,
  publishRow,
  residualRisks,
  roundSignificant,
} from '../../src/publish/publish.ts';
import type { ScoreFigures, ScoredDataset, ScoredRow } from '../../src/scoring/score.ts';

// Band codes: 0 na, 1 top10, 2 top25, 3 top50, 4 lower50. Every expectation is worked out by
// hand from the rule of scoring-model.md §7: position = share of the cohort strictly higher.
const codes = (values: number[], blank: number[] = []) => [...cohortBandCodes(Float64Array.from(values), (i) => blank.includes(i))];

describe('bands (scoring-model.md §7)', () => {
  it('cuts at 10, 25 and 50 % strictly higher', () => {
    expect(bandCodeOfPosition(0, 10)).toBe(1);
    expect(bandCodeOfPosition(1, 10)).toBe(2); // 10 % higher: not under 10 %
    expect(bandCodeOfPosition(2, 10)).toBe(2);
    expect(bandCodeOfPosition(3, 10)).toBe(3); // 30 %
    expect(bandCodeOfPosition(4, 10)).toBe(3);
    expect(bandCodeOfPosition(5, 10)).toBe(4); // 50 %
    expect(bandCodeOfPosition(9, 10)).toBe(4);
  });

  it('gives a cohort of one the top band', () => {
    expect(codes([5])).toEqual([1]);
  });

  it('splits a cohort of two at the top and the lower half, and ties share the better band', () => {
    expect(codes([3, 5])).toEqual([4, 1]); // 3: one of two higher = 50 %
    expect(codes([4, 4])).toEqual([1, 1]);
  });

  it('places a cohort of three at 0, 1/3 and 2/3 strictly higher', () => {
    expect(codes([2, 3, 1])).toEqual([3, 1, 4]); // 2: 1/3 = 33 % → top50; 1: 2/3 → lower50
  });

  it('puts every firm of an all-zero cohort in the top band (nobody is strictly higher)', () => {
    expect(codes([0, 0, 0, 0])).toEqual([1, 1, 1, 1]);
  });

  it('marks blanks na, while they still count in the cohort', () => {
    // 0.5: one of four higher = 25 % → top50; blank → na; 0.9 → top10; 0: two higher = 50 % → lower50.
    expect(codes([0.5, 0, 0.9, 0], [1])).toEqual([3, 0, 1, 4]);
  });

  it('lets a tie across the 10 % cut share the better band', () => {
    // 20 firms, three tied at the top: 15 % of the cohort in the top band.
    const values = [100, 100, 100, ...Array.from({ length: 17 }, (_, i) => 50 - i)];
    const c = codes(values);
    expect(c.slice(0, 3)).toEqual([1, 1, 1]);
    expect(c[3]).toBe(2); // 50: 3 of 20 higher = 15 %
    expect(c[4]).toBe(2); // 49: 4 of 20 = 20 %
    expect(c[5]).toBe(3); // 48: 5 of 20 = 25 %
    expect(c[9]).toBe(3); // 44: 9 of 20 = 45 %
    expect(c[10]).toBe(4); // 43: 10 of 20 = 50 %: lower half
  });

  it('names codes by their labels', () => {
    expect(['0', '1', '2', '3', '4'].map(bandLabel)).toEqual(['na', 'top10', 'top25', 'top50', 'lower50']);
  });
});

describe('roundSignificant', () => {
  it('keeps two significant figures, half away from zero', () => {
    expect(roundSignificant(7825.96)).toBe(7800);
    expect(roundSignificant(7850)).toBe(7900);
    expect(roundSignificant(0.012345)).toBe(0.012);
    expect(roundSignificant(-1.25)).toBe(-1.3);
    expect(roundSignificant(95)).toBe(95);
    expect(roundSignificant(0)).toBe(0);
  });
});

/**
 * A two-indicator model on a scale of 100: `pub` (public, category a) and `priv` (private,
 * category b), one stage. Scored rows are written by hand: the boundary only reads them.
 */
const model = {
  id: 't',
  version: '1.1',
  name: { zh: '测', en: 'T' },
  note: { zh: '测', en: 'T' },
  scale: 100,
  stages: [{ id: 'all', name: { zh: '全', en: 'All' }, rule: {} }],
  categories: [
    { id: 'a', name: { zh: '甲', en: 'A' } },
    { id: 'b', name: { zh: '乙', en: 'B' } },
  ],
  indicators: [
    { id: 'pub', name: { zh: '公', en: 'Pub' }, category: 'a', unit: 'count', value: { kind: 'column', column: 'pct_apps' }, method: { kind: 'steps', steps: [{ at: 1, s: 1 }] }, weights: { all: 40 }, public: true },
    { id: 'priv', name: { zh: '私', en: 'Priv' }, category: 'b', unit: 'wan_yuan', value: { kind: 'column', column: 'revenue' }, method: { kind: 'benchmark', p: 0.95 }, weights: { all: 60 }, public: false },
  ],
  deduction: { column: 'serious_violations', points_each: 100, max: 300, name: { zh: '违', en: 'V' } },
  privacy: { public_tags: true, min_cohort: 3 },
} as unknown as Model;

/** Rows as [value pub, value priv, s pub, s priv, deduction]; points = weight × s; score as the scorer would. */
function dataset(rows: [number, number, number, number, number][]): ScoredDataset {
  const n = rows.length;
  const figures: ScoreFigures = {
    width: 2,
    values: new Float64Array(rows.flatMap((r) => [r[0], r[1]])),
    s: new Float64Array(rows.flatMap((r) => [r[2], r[3]])),
    points: new Float64Array(rows.flatMap((r) => [40 * r[2], 60 * r[3]])),
    categoryCount: 2,
    categories: new Float64Array(rows.flatMap((r) => [40 * r[2], 60 * r[3]])),
    bonusWidth: 0,
    bonus: new Float64Array(0),
  };
  const scored: ScoredRow[] = rows.map((r, slot) => {
    const sum = 40 * r[2] + 60 * r[3];
    return {
      row: { id: `ID${slot}`, name: `企业${slot}`, nameEn: '', park: 'p', industry: '', tags: [], founded: '2020-01-01', year: 2023 } as unknown as ScoredRow['row'],
      age: 3,
      stage: 'all',
      slot,
      figures,
      deduction: r[4],
      bonus: 0,
      score: Math.round(Math.max(0, sum - r[4]) * 100) / 100,
      rankNational: slot + 1,
      rankPark: slot + 1,
      rankStage: slot + 1,
      scoreChange: null,
      rankChange: null,
    };
  });
  return {
    model,
    rows: scored,
    vetoed: [],
    figures,
    cohorts: [{ year: 2023, stage: 'all', size: n, indicators: [{ n, q: {} }, { n: rows.filter((r) => Number.isFinite(r[1])).length, q: { '0.95': 123.456 } }], medianS: [0.5, 0.5] }],
    years: [2023],
  } as unknown as ScoredDataset;
}

describe('publishRow', () => {
  const data = dataset([
    [2, 100, 1, 0.5, 0], // score 40 + 30 = 70
    [0, 200, 0, 1, 0], // 60
    [1, NaN, 1, 0, 0], // 40, private blank
    [0, 50, 0, 0.25, 100], // 15 − 100 → clamped to 0
  ]);
  const bands = computeBands(data);
  const published = data.rows.map((r) => publishRow(model, r, bands));

  it('publishes public indicators exactly and private ones as a band only', () => {
    const p = published[0]!;
    expect(p.s).toEqual([1, null]);
    expect(p.points).toEqual([40, null]);
    expect(p.publicValues).toEqual([2, null]);
    expect(p.states).toBe('vp');
    // pub s: 1, 0, 1, 0 → ties at 1: top10; priv s 0.5: one of four higher → top50.
    expect(p.bands).toBe('13');
    expect(published.map((r) => r.bands)).toEqual(['13', '41', '10', '44']);
  });

  it('publishes the sums of public and private points, and no private sum when the score was clamped', () => {
    expect(published.map((r) => [r.publicPts, r.privatePts])).toEqual([
      [40, 30],
      [0, 60],
      [40, 0],
      [0, null],
    ]);
  });

  it('bands a category holding a private indicator and publishes the others exactly', () => {
    expect(published.map((r) => r.categories)).toEqual([
      [40, null],
      [0, null],
      [40, null],
      [0, null],
    ]);
    // Category b points: 30, 60, 0, 15 → 30: one higher of four (25 %) → top50; 60 → top10; 0 → lower50; 15: two higher → lower50.
    expect(published.map((r) => r.categoryBands[1])).toEqual(['3', '1', '4', '4']);
  });

  it('makes the public table from the published row only, with outputs.md columns', () => {
    expect(publicTableColumns(model)).toEqual([
      'year', 'id', 'name', 'name_en', 'park', 'industry', 'tags', 'founded', 'stage', 'score',
      'rank_national', 'rank_park', 'rank_stage', 'score_change', 'rank_change', 'deduction', 'public_pts', 'private_pts',
      'a_pts', 'b_band', 'pub_value', 'pub_s', 'pub_pts', 'priv_band',
    ]);
    expect(publicTableCells(model, 2023, published[0]!)).toEqual([
      2023, 'ID0', '企业0', '', 'p', '', '', '2020-01-01', 'all', 70, 1, 1, 1, null, null, 0, 40, 30, 40, 'top50', 2, 1, 40, 'top50',
    ]);
  });

  it('counts firm-years whose score isolates one private indicator', () => {
    // Rows 0, 1 and 3 earn points on priv, the only private indicator: each isolates it.
    expect(residualRisks(data).map((r) => r.id)).toEqual(['ID0', 'ID1', 'ID3']);
  });
});

describe('publishCohorts', () => {
  it('withholds a private indicator’s benchmark values always and its quartiles below privacy.min_cohort', () => {
    const small = publishCohorts(dataset([
      [1, 100, 1, 0.5, 0],
      [0, NaN, 0, 0, 0],
      [2, 300, 1, 1, 0],
    ]));
    const [pub, priv] = small[0]!.indicators;
    expect(priv!.q).toBeNull();
    expect(priv!.medianS).toBeNull();
    expect(priv!.quartiles).toBeNull(); // two reported values < 3
    expect(pub!.quartiles).toEqual({ q1: 0.5, median: 1, q3: 1.5 });
    expect(pub!.medianS).toBe(0.5);
    // Category a (public only) to cents: (40 + 0 + 40) / 3; b (private) withheld: 3 firms = min_cohort → 2 significant figures of (30 + 0 + 60) / 3 = 30.
    expect(small[0]!.categoryMeans).toEqual([26.67, 30]);
  });

  it('publishes quartiles of a private indicator to 2 significant figures from privacy.min_cohort values on', () => {
    const c = publishCohorts(dataset([
      [0, 1234, 0, 0.1, 0],
      [0, 5678, 0, 0.5, 0],
      [0, 9999, 0, 1, 0],
    ]))[0]!;
    // Type 7 over 1234, 5678, 9999: Q0.25 = 1234 + 0.5·4444 = 3456 → 3500; median 5678 → 5700; Q0.75 = 5678 + 0.5·4321 = 7838.5 → 7800.
    expect(c.indicators[1]!.quartiles).toEqual({ q1: 3500, median: 5700, q3: 7800 });
  });
});
