// Programme membership computed from published rows (src/site/programmes.ts), each rule kind
// with hand-computed members, ties at a percentile cut included, and the 公示期's state.
import { describe, expect, it } from 'vitest';
import { bandCodeOfPosition, type PublishedRow } from '../../src/publish/publish.ts';
import type { Programme, ProgrammeRule } from '../../src/ingest/programmes.ts';
import {
  countBy,
  defaultScoreBands,
  inPercentBand,
  isMember,
  meetsRule,
  membersOf,
  membershipChanges,
  noticeState,
  rankMembers,
  scoreBandCounts,
  type MembershipContext,
} from '../../src/site/programmes.ts';

/** Three indicators: 0 = patents (public), 1 = revenue (private), 2 = platforms (public). */
const INDICATORS = ['patents', 'revenue', 'platforms'];

function row(over: Partial<PublishedRow> & { id: string }): PublishedRow {
  return {
    name: over.id,
    nameEn: '',
    park: 'alpha',
    industry: '新材料',
    tags: [],
    founded: '2015-01-01',
    age: 8,
    stage: 'growth',
    score: 0,
    rankNational: 1,
    rankPark: 1,
    rankStage: 1,
    scoreChange: null,
    rankChange: null,
    deduction: 0,
    publicPts: 0,
    privatePts: 0,
    categories: [],
    categoryBands: '',
    bands: '000',
    states: 'vpv',
    s: [0, null, 0],
    points: [0, null, 0],
    publicValues: [0, null, 0],
    ...over,
  };
}

/**
 * A stage cohort from scores (already highest first), with competition stage ranks computed by
 * hand-checkable counting: rank = 1 + how many score strictly higher.
 */
function cohort(scores: number[], stage = 'growth'): PublishedRow[] {
  return scores.map((score, i) => row({ id: `${stage}-${String(i).padStart(2, '0')}`, stage, score, rankStage: 1 + scores.filter((s) => s > score).length }));
}

const ctxFor = (rows: PublishedRow[], years: Record<string, number> = {}): MembershipContext => ({
  stageSize: (_year, stage) => rows.filter((r) => r.stage === stage).length,
  yearsScored: (id) => years[id] ?? 1,
  indicatorIndex: (id) => INDICATORS.indexOf(id),
});

const ids = (rows: PublishedRow[]) => rows.map((r) => r.id);
const select = (rule: ProgrammeRule, rows: PublishedRow[], ctx = ctxFor(rows)) => ids(rows.filter((r) => meetsRule(rule, r, 2023, ctx)));

describe('stage-percentile bands [from, to): position = share of the stage strictly higher', () => {
  // 20 firms; the second and third tie. Strictly higher: 0, 1, 1, 3, 4, 5, …, 19.
  const twenty = cohort([100, 90, 90, ...Array.from({ length: 17 }, (_, i) => 80 - i)]);

  it('top 5 % of 20 firms: position < 1/20, so the first firm only', () => {
    expect(select({ stage_top_percent: [0, 5] }, twenty)).toEqual(['growth-00']);
  });

  it('5–10 %: both firms tied at the cut (1 strictly higher = 5 %) are in, though that makes 10 % of the stage', () => {
    expect(select({ stage_top_percent: [5, 10] }, twenty)).toEqual(['growth-01', 'growth-02']);
  });

  it('10–20 %: positions 2/20 … 3/20; no firm has exactly 2 higher, so only the fourth (3 higher)', () => {
    expect(select({ stage_top_percent: [10, 20] }, twenty)).toEqual(['growth-03']);
  });

  it('a tie straddling a cut goes to the better band: 10 firms, three tied after the first', () => {
    // Strictly higher: 0, 1, 1, 1, 4, … → positions 0 %, 10 %, 10 %, 10 %, 40 %.
    const ten = cohort([50, 40, 40, 40, 30, 20, 10, 5, 2, 1]);
    expect(select({ stage_top_percent: [0, 10] }, ten)).toEqual(['growth-00']);
    expect(select({ stage_top_percent: [10, 20] }, ten)).toEqual(['growth-01', 'growth-02', 'growth-03']);
    expect(select({ stage_top_percent: [20, 40] }, ten)).toEqual([]);
    expect(select({ stage_top_percent: [40, 50] }, ten)).toEqual(['growth-04']);
  });

  it('is computed per stage: each stage’s top 25 % from its own size', () => {
    const rows = [...cohort([9, 8, 7, 6], 'startup'), ...cohort([5, 4, 3, 2, 1, 1, 1, 1], 'growth')];
    // startup: 4 firms, position < 25 % → 0 higher only; growth: 8 firms → fewer than 2 higher: 5 and 4.
    expect(select({ stage_top_percent: [0, 25] }, rows)).toEqual(['startup-00', 'growth-00', 'growth-01']);
  });

  it('agrees with publish.ts’s bands for every position in cohorts of 1 to 60 firms', () => {
    const bands: [number, [number, number]][] = [
      [1, [0, 10]],
      [2, [10, 25]],
      [3, [25, 50]],
      [4, [50, 100]],
    ];
    for (let size = 1; size <= 60; size++) {
      for (let higher = 0; higher < size; higher++) {
        const code = bandCodeOfPosition(higher, size);
        for (const [c, range] of bands) expect(inPercentBand(higher, size, range), `${higher}/${size} in ${range}`).toBe(code === c);
      }
    }
  });

  it('an empty cohort holds no one', () => {
    expect(inPercentBand(0, 0, [0, 100])).toBe(false);
  });
});

describe('the other conditions', () => {
  const rows = [
    row({ id: 'a', score: 60, rankNational: 3, rankPark: 1, rankStage: 2, park: 'alpha', tags: ['高新技术企业', '专精特新'], scoreChange: 20 }),
    row({ id: 'b', score: 59.99, rankNational: 3, rankPark: 2, rankStage: 1, park: 'beta', stage: 'startup', industry: '生物医药', tags: ['高新技术企业'], scoreChange: 19.99 }),
    row({ id: 'c', score: 80, rankNational: 1, rankPark: 1, rankStage: 1, park: 'beta', tags: ['专精特新'], scoreChange: null }),
    row({ id: 'd', score: 40, rankNational: 4, rankPark: 3, rankStage: 3, park: 'beta', industry: '', tags: [], scoreChange: -5 }),
  ];

  it('score thresholds include their bound', () => {
    expect(select({ min_score: 60 }, rows)).toEqual(['a', 'c']);
    expect(select({ max_score: 59.99 }, rows)).toEqual(['b', 'd']);
    expect(select({ min_score: 50, max_score: 70 }, rows)).toEqual(['a', 'b']);
  });

  it('rank limits keep ties at the limit', () => {
    expect(select({ max_rank_national: 3 }, rows)).toEqual(['a', 'b', 'c']);
    expect(select({ max_rank_national: 2 }, rows)).toEqual(['c']);
    expect(select({ max_rank_park: 1 }, rows)).toEqual(['a', 'c']);
    expect(select({ max_rank_stage: 2 }, rows)).toEqual(['a', 'b', 'c']);
  });

  it('designations: any of, all of', () => {
    expect(select({ tags_any: ['专精特新', '瞪羚企业'] }, rows)).toEqual(['a', 'c']);
    expect(select({ tags_all: ['高新技术企业', '专精特新'] }, rows)).toEqual(['a']);
  });

  it('park, stage and industry', () => {
    expect(select({ parks: ['beta'] }, rows)).toEqual(['b', 'c', 'd']);
    expect(select({ stages: ['startup'] }, rows)).toEqual(['b']);
    expect(select({ industries: ['新材料'] }, rows)).toEqual(['a', 'c']);
  });

  it('score change: at least the threshold; no previous year is not a member', () => {
    expect(select({ min_score_change: 20 }, rows)).toEqual(['a']);
    expect(select({ min_score_change: -5 }, rows)).toEqual(['a', 'b', 'd']);
  });

  it('minimum years of data, from the enterprise’s timeline', () => {
    expect(select({ min_years: 2 }, rows, ctxFor(rows, { a: 3, b: 2, c: 1 }))).toEqual(['a', 'b']);
  });

  it('every condition must hold', () => {
    expect(select({ parks: ['beta'], min_score: 50, tags_any: ['高新技术企业', '专精特新'] }, rows)).toEqual(['b', 'c']);
    expect(select({ parks: ['beta'], min_score: 50, tags_any: ['高新技术企业', '专精特新'], max_rank_national: 1 }, rows)).toEqual(['c']);
  });

  it('public indicators: reported value (unbounded passes, blank fails), s and points', () => {
    const ind = [
      row({ id: 'p', states: 'vpv', publicValues: [3, null, 0], s: [0.5, null, 0], points: [10, null, 0] }),
      row({ id: 'q', states: 'bpv', publicValues: [null, null, 2], s: [0, null, 1], points: [0, null, 25] }),
      row({ id: 'u', states: 'upv', publicValues: [null, null, 1], s: [1, null, 0.5], points: [20, null, 12.5] }),
      row({ id: 'r', states: 'vpv', publicValues: [2.99, null, 0], s: [0.4999, null, 0], points: [9.99, null, 0] }),
    ];
    expect(select({ indicators: [{ id: 'patents', min_value: 3 }] }, ind)).toEqual(['p', 'u']);
    expect(select({ indicators: [{ id: 'patents', min_s: 0.5 }] }, ind)).toEqual(['p', 'u']);
    expect(select({ indicators: [{ id: 'patents', min_points: 10 }] }, ind)).toEqual(['p', 'u']);
    expect(select({ indicators: [{ id: 'platforms', min_value: 1 }, { id: 'patents', min_points: 1 }] }, ind)).toEqual(['u']);
    // A private indicator has no published value, s or points: a rule over one (refused when
    // programmes.json is read) could hold no one.
    expect(select({ indicators: [{ id: 'revenue', min_s: 0 }] }, ind)).toEqual([]);
  });
});

describe('membership in a programme', () => {
  const programme = (rule: ProgrammeRule, years = [2022, 2023]): Programme => ({
    id: 'p',
    kind: 'list',
    name: { zh: '榜', en: 'List' },
    description: { zh: '榜', en: 'List' },
    years,
    rule,
    notice: {},
    scoreBands: null,
  });
  const rows = cohort([90, 80, 80, 70]);
  const ctx = ctxFor(rows);

  it('only in the programme’s years', () => {
    const p = programme({ min_score: 80 }, [2022]);
    expect(isMember(p, rows[0]!, 2022, ctx)).toBe(true);
    expect(isMember(p, rows[0]!, 2023, ctx)).toBe(false);
    expect(membersOf(p, 2023, rows, ctx)).toEqual([]);
    expect(ids(membersOf(p, 2022, rows, ctx))).toEqual(['growth-00', 'growth-01', 'growth-02']);
  });

  it('ranks members by score with competition ranks, ties by id', () => {
    const shuffled = [rows[2]!, rows[3]!, rows[0]!, rows[1]!];
    expect(rankMembers(shuffled).map((m) => [m.row.id, m.rank])).toEqual([
      ['growth-00', 1],
      ['growth-01', 2],
      ['growth-02', 2],
      ['growth-03', 4],
    ]);
  });

  it('entries and exits against the previous year', () => {
    const prev = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const cur = [{ id: 'c' }, { id: 'd' }, { id: 'a' }];
    expect(membershipChanges(prev, cur)).toEqual({ entered: [{ id: 'd' }], exited: [{ id: 'b' }] });
  });

  it('counts by group, largest first, then by key', () => {
    expect(countBy(['b', 'a', 'b', 'c', 'a'], (x) => x)).toEqual([
      { key: 'a', count: 2 },
      { key: 'b', count: 2 },
      { key: 'c', count: 1 },
    ]);
  });

  it('counts finance members by score band: lower bounds, the last open, scores below the first counted first', () => {
    expect(scoreBandCounts([400, 499.99, 500, 650, 720, 900, 350], [400, 500, 700])).toEqual([
      { from: 0, to: 400, count: 1 },
      { from: 400, to: 500, count: 2 },
      { from: 500, to: 700, count: 2 },
      { from: 700, to: null, count: 2 },
    ]);
    expect(defaultScoreBands(1000)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
    expect(scoreBandCounts([0, 1000], defaultScoreBands(1000)).map((b) => b.count)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });
});

describe('公示期 state as of the data’s date', () => {
  const period = { start: '2024-05-13', end: '2024-05-24' };
  it('before the start, from start to end inclusive, after the end', () => {
    expect(noticeState(period, '2024-05-12')).toBe('before');
    expect(noticeState(period, '2024-05-13')).toBe('during');
    expect(noticeState(period, '2024-05-20')).toBe('during');
    expect(noticeState(period, '2024-05-24')).toBe('during');
    expect(noticeState(period, '2024-05-25')).toBe('after');
    expect(noticeState({ start: '2024-05-13', end: '2024-05-13' }, '2024-05-13')).toBe('during');
  });
});
