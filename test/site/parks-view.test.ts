import { describe, expect, it } from 'vitest';
import { parksIndexView, parkView, type ParksSource } from '../../src/site/parks-view.ts';
import type { Achievement, Park } from '../../src/ingest/dataset.ts';
import type { ScoreSummary } from '../../src/site/score-summary.ts';
import type { ParkStats } from '../../src/site/statistics.ts';
import { publishedRow, smallModel } from './fixture.ts';

const park = (code: string, nameEn = `Park ${code}`): Park => ({ code, name: `${code}园`, nameEn, province: '河北' }) as Park;
const summary = (over: Partial<ScoreSummary>): ScoreSummary => ({ count: 0, stageCounts: { startup: 0, mature: 0 }, median: 0, q1: 0, q3: 0, mean: 0, max: 0, scores: [], ...over });
const stats = (over: Partial<ParkStats>): ParkStats => ({ ...summary(over), inTop10: 0, inTop500: 0, top10Share: 0, previous: null, ...over });

// 2023: pA 4 firms (median 60, up from 50.5 in 2022), pB and pD 2 firms each at median 70 (pB
// new this year), pC none.
const byYear: Record<number, Record<string, ParkStats>> = {
  2022: {
    pA: stats({ count: 2, median: 50.5, mean: 50.5 }),
    pB: stats({}),
  },
  2023: {
    pA: stats({ count: 4, median: 60, mean: 55, inTop10: 1, inTop500: 4, top10Share: 0.25, stageCounts: { startup: 3, mature: 1 }, previous: summary({ count: 2, median: 50.5 }) }),
    pB: stats({ count: 2, median: 70, mean: 70, previous: summary({}) }),
    pC: stats({}),
    pD: stats({ count: 2, median: 70, mean: 65 }),
  },
};
const rowsOfA = Array.from({ length: 12 }, (_, i) => publishedRow({ id: `A${i}`, park: 'pA', rankPark: i + 1 }));
const source: ParksSource = {
  model: smallModel,
  parks: [park('pA'), park('pC', ''), park('pD'), park('pB')],
  years: [2022, 2023],
  latestYear: 2023,
  parkStats: (year, code) => byYear[year]?.[code] ?? stats({}),
  nationalSummary: (year) => summary(year === 2023 ? { count: 25, median: 40 } : {}),
  achievementsOf: (code) => (code === 'pA' ? [{ park: 'pA' }, { park: 'pA' }] : []) as Achievement[],
  rowsOfPark: (year, code) => (year === 2023 && code === 'pA' ? rowsOfA : []),
};

describe('parksIndexView', () => {
  const view = parksIndexView('en', source);

  it('orders parks by median, ties by code, parks without firms last', () => {
    expect(view.rows.map((r) => [r.park.code, r.name, r.stats.median])).toEqual([
      ['pB', 'Park pB', 70],
      ['pD', 'Park pD', 70],
      ['pA', 'Park pA', 60],
      ['pC', 'pC园', 0],
    ]);
  });

  it('gives the median’s change only when both years have firms', () => {
    expect(view.rows.map((r) => r.medianChange?.text ?? null)).toEqual([null, null, '+9.50', null]);
    expect(view.rows[2]!.medianChange).toEqual({ text: '+9.50', label: 'up 9.50 points on the previous year', direction: 'up' });
  });

  it('counts each park’s reported achievements', () => {
    expect(view.rows.map((r) => r.reported)).toEqual([0, 0, 2, 0]);
  });

  it('gives the national summary, the top 10 % cut and the stages', () => {
    // ⌈25 × 0.1⌉ = 3.
    expect([view.yearText, view.title, view.national.count, view.top10Cut, view.scale]).toEqual(['2023', 'Pilot parks', 25, 3, 100]);
    expect(view.stages).toEqual([
      { id: 'startup', name: 'Start-up' },
      { id: 'mature', name: 'Mature' },
    ]);
  });
});

describe('parkView', () => {
  const view = parkView('en', park('pA'), source);

  it('gives the latest year’s statistics, achievements and top 10', () => {
    expect([view.name, view.yearText, view.stats.count, view.stats.median, view.top10Cut]).toEqual(['Park pA', '2023', 4, 60, 3]);
    expect(view.reported).toHaveLength(2);
    expect(view.top.map((r) => r.id)).toEqual(['A0', 'A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9']);
  });

  it('spells out the headline figures with their notes', () => {
    expect(view.figures).toEqual([
      { label: 'Enterprises scored', value: '4', note: '+2 on the previous year' },
      { label: 'Median', value: '60.00', note: 'up 9.50 points on the previous year' },
      { label: 'Mean score', value: '55.00', note: 'All enterprises: median 40.00' },
      { label: 'In national top 10%', value: '1', note: '25.0% of the park' },
      // 4 of 4 firms.
      { label: 'In national top 500', value: '4', note: '100.0% of the park' },
    ]);
  });

  it('has no change to tell for a park new this year', () => {
    const notes = parkView('en', park('pB'), source).figures.map((f) => f.note);
    expect(notes.slice(0, 2)).toEqual(['no previous-year data', 'no previous-year data']);
  });

  it('gives every year newest first, each with its median’s change', () => {
    expect(view.history.map((h) => [h.year, h.count, h.medianChange?.text ?? null])).toEqual([
      [2023, 4, '+9.50'],
      [2022, 2, null],
    ]);
  });

  it('links each stage by its name inside a sentence', () => {
    expect(view.stages).toEqual([
      { id: 'startup', name: 'Start-up', link: 'All start-up stage enterprises' },
      { id: 'mature', name: 'Mature', link: 'All mature stage enterprises' },
    ]);
    expect(parkView('zh', park('pA'), source).stages[0]!.link).toBe('全部初创型企业');
  });
});
