/**
 * Hand-made inputs for the site-data tests: a three-indicator model small enough to add up by
 * hand, and published rows with every field spelled out.
 */
import type { Model } from '../../src/ingest/model.ts';
import type { PublishedRow } from '../../src/publish/publish.ts';

/**
 * Two stages, two categories. Category "inno" holds two public indicators (a1, a2); category
 * "fin" one private indicator (b1), so "fin" is published as a band only.
 * Weights: startup a1 60, a2 20, b1 20 (public 80, private 20); mature a1 30, a2 30, b1 40.
 */
export const smallModel: Model = {
  id: 'small',
  version: '1.0',
  name: { zh: '小模型', en: 'Small model' },
  note: { zh: '测试', en: 'Test' },
  scale: 100,
  stages: [
    { id: 'startup', name: { zh: '初创型', en: 'Start-up' }, rule: { age: { max: 3 } } },
    { id: 'mature', name: { zh: '成熟型', en: 'Mature' }, rule: {} },
  ],
  categories: [
    { id: 'inno', name: { zh: '创新能力', en: 'Innovation' } },
    { id: 'fin', name: { zh: '财务', en: 'Finance' } },
  ],
  indicators: [
    {
      id: 'a1',
      name: { zh: '研发费用', en: 'R&D expense' },
      category: 'inno',
      unit: 'wan_yuan',
      value: { kind: 'column', column: 'rd_expense' },
      method: { kind: 'benchmark', p: 0.95 },
      weights: { startup: 60, mature: 30 },
      public: true,
    },
    {
      id: 'a2',
      name: { zh: '研发增长', en: 'R&D growth' },
      category: 'inno',
      unit: 'percent',
      value: { kind: 'growth', current: 'rd_expense', previous: 'rd_expense_prev', without_base: 'impute_median' },
      method: { kind: 'range', lo: 0.05, hi: 0.95 },
      weights: { startup: 20, mature: 30 },
      public: true,
    },
    {
      id: 'b1',
      name: { zh: '营业收入', en: 'Revenue' },
      category: 'fin',
      unit: 'wan_yuan',
      value: { kind: 'column', column: 'revenue' },
      method: { kind: 'benchmark', p: 0.95 },
      weights: { startup: 20, mature: 40 },
      public: false,
    },
  ],
  deduction: { column: 'serious_violations', points_each: 10, max: 30, name: { zh: '严重违法行为', en: 'Serious violations' } },
  privacy: { public_tags: true, min_cohort: 30 },
};

/** A published row with plausible values; `over` replaces fields. */
export function publishedRow(over: Partial<PublishedRow> = {}): PublishedRow {
  return {
    id: '91110000000000001X',
    name: '甲公司',
    nameEn: 'Jia Co.',
    park: 'p1',
    industry: '新材料',
    tags: ['高新技术企业'],
    founded: '2021-05-01',
    age: 2,
    stage: 'startup',
    score: 70.5,
    rankNational: 3,
    rankPark: 2,
    rankStage: 1,
    scoreChange: null,
    rankChange: null,
    deduction: 0,
    publicPts: 55.5,
    privatePts: 15,
    categories: [55.5, null],
    categoryBands: '12',
    bands: '124',
    states: 'vvp',
    s: [0.75, 0.525, null],
    points: [45, 10.5, null],
    publicValues: [300, 12.5, null],
    ...over,
  };
}
