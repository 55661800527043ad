import { describe, expect, it } from 'vitest';
import { stagesView, type StagesSource } from '../../src/site/stages-view.ts';
import type { PublishedRow } from '../../src/publish/publish.ts';
import { publishedRow, smallModel } from './fixture.ts';

const rowsByYear: Record<number, PublishedRow[]> = {
  2022: [publishedRow({ id: 'A', stage: 'mature', score: 20 })],
  2023: [
    publishedRow({ id: 'A', stage: 'mature', score: 80 }),
    publishedRow({ id: 'B', stage: 'startup', score: 60 }),
    publishedRow({ id: 'C', stage: 'startup', score: 30 }),
    publishedRow({ id: 'D', stage: 'startup', score: 10 }),
  ],
};
const source: StagesSource = { model: smallModel, years: [2022, 2023], latestYear: 2023, rowsForYear: (y) => rowsByYear[y] ?? [] };

describe('stagesView', () => {
  const view = stagesView('en', source);

  it('gives each stage’s rule, firm count, median and mean in the latest year', () => {
    expect(view.stages.map((s) => [s.stage.id, s.name, s.rule, s.stats.count, s.stats.median, s.stats.mean])).toEqual([
      ['startup', 'Start-up', 'age ≤ 3 years', 3, 30, 100 / 3],
      ['mature', 'Mature', 'all other enterprises', 1, 80, 80],
    ]);
    // All four: 10 30 60 80 → median h = 1.5 → 45, mean 45.
    expect([view.national.count, view.national.median, view.national.mean]).toEqual([4, 45, 45]);
  });

  it('gives the points each stage can earn per category', () => {
    expect(view.stages.map((s) => s.available.categories)).toEqual([
      [80, 20],
      [60, 40],
    ]);
  });

  it('counts every stage’s firms in every year, oldest first, with 0 for a stage without firms', () => {
    expect(view.countsByYear).toEqual([
      { year: 2022, counts: [0, 1] },
      { year: 2023, counts: [3, 1] },
    ]);
  });

  it('prefers the model’s own description of a stage to its bounds', () => {
    const described = { ...smallModel, stages: [{ ...smallModel.stages[0]!, description: { zh: '成立三年内', en: 'Founded within three years' } }, smallModel.stages[1]!] };
    expect(stagesView('en', { ...source, model: described }).stages[0]!.rule).toBe('Founded within three years');
  });
});
