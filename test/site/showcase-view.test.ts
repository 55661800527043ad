import { describe, expect, it } from 'vitest';
import { showcaseView, type ShowcaseSource } from '../../src/site/showcase-view.ts';
import type { Park } from '../../src/ingest/dataset.ts';
import type { ShowcaseEntry } from '../../src/ingest/showcase.ts';
import type { PublishedRow } from '../../src/publish/publish.ts';
import { publishedRow, smallModel } from './fixture.ts';

const park = (code: string, nameEn: string): Park => ({ code, name: `${code}园`, nameEn }) as Park;
const rows = Array.from({ length: 12 }, (_, i) => publishedRow({ id: `R${i}`, stage: i % 2 ? 'mature' : 'startup', rankNational: i + 1 }));
// Gains of 5, 3, 3 and 1 points: ranked 1, 2, 2, 4 by their own order.
const rising = [5, 3, 3, 1].map((gain, i) => publishedRow({ id: `G${i}`, scoreChange: gain, rankNational: 10 * i + 2 }));
const calls: string[] = [];
const source: ShowcaseSource = {
  years: [2022, 2023],
  latestYear: 2023,
  showcaseEntries: [{ slug: 'a' }, { slug: 'b' }] as ShowcaseEntry[],
  rowsForYear: (year) => (year === 2023 ? rows : []),
  rowsOfStage: (year, stage) => (year === 2023 ? rows.filter((r) => r.stage === stage) : []),
  risers: (year, n) => {
    calls.push(`risers ${year} ${n}`);
    return rising;
  },
  startupStage: smallModel.stages[0]!,
  topOfEachPark: (_, n) => [
    { park: park('p1', 'Park One'), rows: rows.slice(0, n) },
    { park: park('p2', 'Park Two'), rows: [] as PublishedRow[] },
    { park: park('p3', ''), rows: rows.slice(3, 3 + n) },
  ],
};

describe('showcaseView', () => {
  const view = showcaseView('en', source);

  it('gives the entries and the latest year’s national top 10', () => {
    expect([view.year, view.yearText, view.title]).toEqual([2023, '2023', 'Showcase: high-scoring enterprises']);
    expect(view.entries.map((e) => e.slug)).toEqual(['a', 'b']);
    expect(view.top10.map((r) => r.id)).toEqual(['R0', 'R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9']);
  });

  it('lists the start-up stage’s top firms with its name in a sentence and its rule', () => {
    expect([view.startup.stage.id, view.startup.name, view.startup.rule]).toEqual(['startup', 'start-up', 'age ≤ 3 years']);
    expect(view.startup.rows.map((r) => r.id)).toEqual(['R0', 'R2', 'R4', 'R6', 'R8', 'R10']);
    expect(showcaseView('zh', source).startup.name).toBe('初创型');
  });

  it('ranks the ten biggest risers by their own order, equal gains sharing a rank', () => {
    expect(calls).toContain('risers 2023 10');
    expect(view.previousYear).toBe(2022);
    expect(view.risers.rows).toBe(rising);
    expect(view.risers.ranks).toEqual([1, 2, 2, 4]);
    expect(view.risers.changes).toEqual(['+5.00', '+3.00', '+3.00', '+1.00']);
  });

  it('gives the top 3 of each park with firms, named in the language', () => {
    expect(view.parkTops.map((p) => [p.park.code, p.name, p.rows.map((r) => r.id)])).toEqual([
      ['p1', 'Park One', ['R0', 'R1', 'R2']],
      ['p3', 'p3园', ['R3', 'R4', 'R5']],
    ]);
  });

  it('lists the sections, with the risers only when there are any', () => {
    expect(view.toc.map((s) => s.id)).toEqual(['entries', 'top10', 'startups', 'risers', 'parks']);
    expect(view.toc[3]).toEqual({ id: 'risers', label: 'Biggest risers' });
  });

  it('has no risers without the previous year', () => {
    calls.length = 0;
    const v = showcaseView('en', { ...source, years: [2021, 2023] });
    expect(calls).toEqual([]);
    expect([v.previousYear, v.risers.rows, v.risers.ranks]).toEqual([null, [], []]);
    expect(v.toc.map((s) => s.id)).toEqual(['entries', 'top10', 'startups', 'parks']);
  });
});
