import { describe, expect, it } from 'vitest';
import { homeView, type HomeSource } from '../../src/site/home-view.ts';
import type { Park } from '../../src/ingest/dataset.ts';
import { publishedRow, smallModel } from './fixture.ts';

const park = (code: string): Park => ({ code, name: `${code}园`, nameEn: `Park ${code}`, province: '河北', city: '石家庄', level: 'national', pilotBatch: 1, pilotYear: 2022 }) as Park;
// 2023 in rank order: startup 90 and 50, mature 70 and 30.
const rows = [
  publishedRow({ id: 'R1', park: 'p1', stage: 'startup', score: 90, rankNational: 1 }),
  publishedRow({ id: 'R2', park: 'p2', stage: 'mature', score: 70, rankNational: 2 }),
  publishedRow({ id: 'R3', park: 'p1', stage: 'startup', score: 50, rankNational: 3 }),
  publishedRow({ id: 'R4', park: 'p1', stage: 'mature', score: 30, rankNational: 4 }),
];
const stats: Record<string, { count: number; median: number; top10Share: number }> = {
  p1: { count: 3, median: 50, top10Share: 1 / 3 },
  p2: { count: 1, median: 70, top10Share: 0 },
  p3: { count: 0, median: 0, top10Share: 0 },
};
const source: HomeSource = {
  model: smallModel,
  parks: [park('p1'), park('p2'), park('p3')],
  latestYear: 2023,
  rowsForYear: (year) => (year === 2023 ? rows : []),
  parkStats: (_, code) => stats[code]!,
  latestShowcase: (n) => Array.from({ length: 5 }, (_, i) => ({ slug: `e${i}` }) as never).slice(0, n),
  parkName: (lang, code) => (lang === 'en' ? `Park ${code}` : `${code}园`),
  stageName: (lang, id) => smallModel.stages.find((s) => s.id === id)!.name[lang],
};

describe('homeView', () => {
  const view = homeView('en', source);

  it('gives the latest year’s headline figures: parks, firms, year and median score', () => {
    // Median of 30, 50, 70, 90: h = 1.5 → 60.
    expect(view.figures).toEqual([
      { label: 'Pilot parks', value: '3' },
      { label: 'Enterprises evaluated', value: '4' },
      { label: 'Latest evaluation year', value: '2023' },
      { label: 'Median score', value: '60.00 points' },
    ]);
    expect(view.yearText).toBe('2023');
    expect(view.rows).toBe(rows);
  });

  it('splits the firms by stage with each stage’s median', () => {
    // startup: 90, 50 → 70; mature: 70, 30 → 50.
    expect(view.stages).toEqual([
      { id: 'startup', name: 'Start-up', count: 2, median: 70 },
      { id: 'mature', name: 'Mature', count: 2, median: 50 },
    ]);
    expect(view.stageParts).toBe('Start-up 2, Mature 2');
  });

  it('gives a stage without firms no median', () => {
    const v = homeView('en', { ...source, rowsForYear: () => rows.filter((r) => r.stage === 'startup') });
    expect(v.stages[1]).toEqual({ id: 'mature', name: 'Mature', count: 0, median: null });
  });

  it('ranks parks with firms by median score, leaving out parks without any', () => {
    expect(view.leaderboard.map((p) => [p.code, p.name, p.stats.median])).toEqual([
      ['p2', 'Park p2', 70],
      ['p1', 'Park p1', 50],
    ]);
  });

  it('shows the three latest showcase entries and links every part of the portal', () => {
    expect(view.showcase.map((e) => e.slug)).toEqual(['e0', 'e1', 'e2']);
    expect(view.explore.map((e) => e.path)).toEqual(['/rankings/', '/showcase/', '/stages/', '/parks/', '/methodology/', '/data/']);
  });
});
