import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/i18n/index.ts';
import { enterpriseView, type CohortTexts, type ProfileSource } from '../../src/site/enterprise-view.ts';
import { stagePointsOf } from '../../src/site/stage-points.ts';
import type { PublishedRow } from '../../src/publish/publish.ts';
import { publishedRow, smallModel } from './fixture.ts';

const texts: CohortTexts = { benchmarks: [], weights: ['60', '20', '20'] };
/** A hand-made build: one park, latest year 2023, rankings of 40 (national), 12 (park), 8 (stage). */
const source: ProfileSource = {
  model: smallModel,
  latestYear: 2023,
  parkName: (lang: Lang) => (lang === 'en' ? 'Park One' : '一园'),
  stageName: (lang: Lang, stage: string) => smallModel.stages.find((s) => s.id === stage)!.name[lang],
  industrySlug: (industry: string) => (industry === '新材料' ? 'new-materials' : 'other'),
  rankingSizes: () => ({ national: 40, park: 12, stage: 8 }),
  stagePoints: (stage: string) => stagePointsOf(smallModel, stage),
  cohortTexts: () => texts,
  publicIndicatorList: () => 'R&D expense, R&D growth',
};
const one = (row: PublishedRow, year = 2023) => [{ year, row }];

describe('enterpriseView', () => {
  // The fixture row: startup stage (public 80 points available, private 20), points a1 45, a2
  // 10.5 (public 55.5), private 15, score 70.5, bands a1 top10, a2 top25, b1 lower50.
  const view = enterpriseView('en', one(publishedRow()), source);

  it('names the enterprise, its park and stage in the page language, with the other-language name aside', () => {
    expect(view.name).toBe('Jia Co.');
    expect(view.altName).toBe('甲公司');
    expect(view.park).toBe('Park One');
    expect(view.stageName).toBe('Start-up');
    expect(view.path).toBe('/enterprise/91110000000000001X/');
    expect(view.title).toBe('Jia Co.: innovation points 2023');
    expect(view.foundedYear).toBe('2021');
    expect(view.industry).toEqual({ label: expect.any(String), href: '/en/rankings/2023/industries/new-materials/' });
    expect(enterpriseView('zh', one(publishedRow()), source)).toMatchObject({ name: '甲公司', altName: 'Jia Co.', park: '一园', stageName: '初创型' });
  });

  it('shows the public points against the public total and the private points as one sum against the private total', () => {
    expect(view.composition.bars).toEqual([
      { key: 'public', label: 'Public indicators’ points', value: 55.5, max: 80 },
      { key: 'private', label: 'Confidential indicators’ points (sum)', value: 15, max: 20 },
    ]);
    expect(view.composition.domainMax).toBe(80);
    expect(view.composition.description).toBe(
      'Public indicators’ points: 55.50 / 80 points; Confidential indicators’ points (sum): 15.00 / 20 points',
    );
  });

  it('gives the category holding a private indicator as a band only, the other with its points', () => {
    expect(view.categoryItems).toEqual([
      { key: 'inno', name: 'Innovation', banded: false, code: '1', points: 55.5, max: 80 },
      { key: 'fin', name: 'Finance', banded: true, code: '2', points: null, max: 20 },
    ]);
  });

  it('lists each category then its indicators in the band strip, private ones marked, each in its band’s column', () => {
    // Columns: top10 0, top25 1, top50 2, lower50 3, na 4.
    expect(view.strip.rows).toEqual([
      { key: 'category-inno', label: 'Innovation', column: 0, group: true },
      { key: 'a1', label: 'R&D expense', column: 0 },
      { key: 'a2', label: 'R&D growth', column: 1 },
      { key: 'category-fin', label: 'Finance', column: 1, group: true },
      { key: 'b1', label: 'Revenue *', column: 3 },
    ]);
    expect(view.strip.columns).toEqual(['Top 10%', '10–25%', '25–50%', 'Lower half', 'Not rep.']);
  });

  it('picks strengths from the top bands and weaknesses from the lower half', () => {
    expect(view.strengths).toEqual([
      { index: 0, code: 1 },
      { index: 1, code: 2 },
    ]);
    expect(view.weaknesses).toEqual([{ index: 2, code: 4 }]);
  });

  it('says how the score is made up, with the stage cohort’s size', () => {
    expect(view.how).toContain('puts it in the Start-up stage');
    expect(view.how).toContain('compared with all 8 Start-up-stage enterprises');
    expect(view.how).toContain('The public indicators earned 55.50 points and the confidential ones (built on revenue, R&D spending and other confidential figures) 15.00 in all, for a final score of 70.50.');
    expect(view.deduction).toBeNull();
  });

  it('words a deduction, notes when it reached the cap, and a score clamped at 0', () => {
    const deducted = enterpriseView('en', one(publishedRow({ deduction: 20, score: 50.5 })), source);
    expect(deducted.deduction).toEqual({
      text: '20.00 points were deducted this year for serious violations (10 points per record, at most 30).',
      capped: false,
    });
    expect(deducted.how).toContain('15.00 in all, less a deduction of 20.00, for a final score of 50.50.');
    const capped = enterpriseView('en', one(publishedRow({ deduction: 30, score: 40.5 })), source);
    expect(capped.deduction?.capped).toBe(true);
    const clamped = enterpriseView('en', one(publishedRow({ deduction: 80, score: 0, privatePts: null })), source);
    expect(clamped.how).toContain('The public indicators earned 55.50 points, less a deduction of 80.00 (a score cannot fall below 0), for a final score of 0.00.');
    expect(clamped.composition.bars[1]!.value).toBeNull();
    expect(clamped.composition.description).toContain('Confidential indicators’ points (sum): — (score brought to 0 by the deduction)');
  });

  it('describes the latest of several years, and notes a firm missing from the latest evaluation', () => {
    const older = publishedRow({ score: 10 });
    const timeline = [
      { year: 2021, row: older },
      { year: 2022, row: publishedRow({ states: 'vwp' }) },
    ];
    const v = enterpriseView('en', timeline, source);
    expect(v.year).toBe(2022);
    expect(v.timeline).toBe(timeline);
    expect(v.notLatest).toBe('This enterprise is not in the 2023 evaluation; below are its most recent results (2022).');
    expect(v.withoutBase).toEqual(['R&D growth']);
    expect(v.crumbs).toEqual([
      { label: 'Home', path: '/' },
      { label: 'Rankings', path: '/rankings/' },
      { label: 'National ranking 2022', path: '/rankings/2022/' },
      { label: 'Jia Co.' },
    ]);
    expect(view.notLatest).toBeNull();
    expect(view.withoutBase).toEqual([]);
  });

  it('leaves an enterprise without industry unlinked', () => {
    expect(enterpriseView('en', one(publishedRow({ industry: '' })), source).industry).toBeNull();
  });
});
