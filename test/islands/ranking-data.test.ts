import { describe, expect, it } from 'vitest';
import {
  RANKING_DATA_VERSION,
  competitionRanks,
  decodeRankingChunk,
  decodeRankingData,
  decodeRankingPark,
  defaultDirection,
  describeRankChange,
  describeScoreChange,
  encodeRankingData,
  fillTemplate,
  filterRows,
  formatFixed,
  matchesQuery,
  normaliseSearch,
  prepareRankingPieces,
  NO_FILTERS,
  NO_FILTER_KEYS,
  pageCount,
  pageRows,
  resolveFilters,
  sortRows,
  type ChangePhrases,
  type ExplorerRow,
  type RankableRow,
  type SortContext,
} from '../../src/wire/ranking-data.ts';
import { formatNumber, formatRankChange, formatScore, formatScoreChange } from '../../src/i18n/format.ts';
import { zh } from '../../src/i18n/zh.ts';

const TABLES = { parks: ['alpha', 'beta'], stages: ['startup', 'growth', 'stable'], tagNames: ['高新技术企业', '专精特新', '瞪羚企业'] };

const row = (over: Partial<RankableRow> & { id: string }): RankableRow => ({
  name: `企业${over.id}`,
  nameEn: '',
  park: 'alpha',
  industry: '新材料',
  tags: [],
  stage: 'growth',
  score: 500,
  rankNational: 1,
  rankChange: null,
  scoreChange: null,
  ...over,
});

// Published order: rank, then id; two rows tie on 700.
const ROWS: RankableRow[] = [
  row({ id: '91A', name: '甲科技有限公司', nameEn: 'Jia Tech Co., Ltd.', score: 812.5, rankNational: 1, tags: ['高新技术企业', '专精特新'], rankChange: -3, scoreChange: 41.2 }),
  row({ id: '91B', name: '乙生物有限公司', park: 'beta', stage: 'startup', industry: '生物医药', score: 700, rankNational: 2, tags: ['瞪羚企业'], rankChange: 0, scoreChange: 0 }),
  row({ id: '91C', name: '丙智能有限公司', nameEn: 'Bing Intelligence', park: 'beta', stage: 'stable', score: 700, rankNational: 2, rankChange: 5, scoreChange: -12.25 }),
  row({ id: '91D', name: '丁装备有限公司', nameEn: 'Ding Equipment', stage: 'stable', industry: '', score: 12.05, rankNational: 4 }),
];

const decoded = () => decodeRankingData(encodeRankingData(2023, ROWS, TABLES));

const ctx = (lang: 'zh' | 'en' = 'en'): SortContext => ({
  nameOf: (r: ExplorerRow) => (lang === 'en' && r.nameEn ? r.nameEn : r.name),
  parkLabels: ['Alpha Zone', 'Beta Zone'],
  collator: new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en', { numeric: true }),
});

describe('encodeRankingData / decodeRankingData', () => {
  it('writes one entry per row in every column, with tables for parks, stages, industries and tags', () => {
    const data = encodeRankingData(2023, ROWS, TABLES);
    expect(data.v).toBe(RANKING_DATA_VERSION);
    expect(data.year).toBe(2023);
    expect(data.industries).toEqual(['新材料', '生物医药', '']);
    expect(data.park).toEqual([0, 1, 1, 0]);
    expect(data.stage).toEqual([1, 0, 2, 2]);
    expect(data.industry).toEqual([0, 1, 0, 2]);
    expect(data.tags).toEqual([0b011, 0b100, 0, 0]);
    expect(data.rank).toEqual([1, 2, 2, 4]);
    expect(data.rankChange).toEqual([-3, 0, 5, null]);
    expect(data.scoreChange).toEqual([41.2, 0, -12.25, null]);
  });

  it('round-trips through JSON to the same rows, in published order', () => {
    const data = JSON.parse(JSON.stringify(encodeRankingData(2023, ROWS, TABLES)));
    const rows = decodeRankingData(data);
    expect(rows.map((r) => [r.order, r.id, r.name, r.nameEn, r.score, r.rank])).toEqual(
      ROWS.map((r, i) => [i, r.id, r.name, r.nameEn, r.score, r.rankNational]),
    );
    expect(rows[3]!.rankChange).toBeNull();
  });

  it('carries only the published ranking fields (no raw values, points or subtotals)', () => {
    const withExtras = ROWS.map((r) => ({ ...r, publicValues: [3], points: [1], categories: [1], s: [0.5], states: 'v' }));
    const keys = Object.keys(encodeRankingData(2023, withExtras, TABLES)).sort();
    expect(keys).toEqual(
      ['v', 'year', 'parks', 'stages', 'industries', 'tagNames', 'id', 'name', 'nameEn', 'park', 'stage', 'industry', 'tags', 'score', 'rank', 'rankChange', 'scoreChange'].sort(),
    );
  });

  it('refuses a park, stage or designation missing from the tables', () => {
    expect(() => encodeRankingData(2023, [row({ id: 'X', park: 'gamma' })], TABLES)).toThrow(/unknown park "gamma"/);
    expect(() => encodeRankingData(2023, [row({ id: 'X', stage: 'late' })], TABLES)).toThrow(/unknown stage/);
    expect(() => encodeRankingData(2023, [row({ id: 'X', tags: ['上市企业'] })], TABLES)).toThrow(/unknown designation/);
  });

  it('rejects another format version and columns of the wrong length', () => {
    const data = encodeRankingData(2023, ROWS, TABLES);
    expect(() => decodeRankingData({ ...data, v: 2 })).toThrow(/unsupported version 2/);
    expect(() => decodeRankingData({ ...data, score: [1] })).toThrow(/column "score"/);
  });
});

describe('prepareRankingPieces: the year in chunks and per park', () => {
  // Ten rows over two parks, cut into chunks of four: 4 + 4 + 2.
  const MANY = Array.from({ length: 10 }, (_, i) =>
    row({ id: `91X${String(i).padStart(2, '0')}`, park: i % 3 === 0 ? 'beta' : 'alpha', industry: i < 6 ? '新材料' : '生物医药', score: 900 - i, rankNational: i + 1 }),
  );
  const pieces = prepareRankingPieces(2023, MANY, TABLES, 4);

  it('describes the year in its meta file: tables, rows, chunk size and count, rows per park', () => {
    expect(pieces.meta).toEqual({
      v: RANKING_DATA_VERSION,
      year: 2023,
      parks: ['alpha', 'beta'],
      stages: ['startup', 'growth', 'stable'],
      industries: ['新材料', '生物医药'],
      tagNames: TABLES.tagNames,
      rows: 10,
      chunkSize: 4,
      chunks: 3,
      parkRows: [6, 4],
    });
  });

  it('cuts the list into chunks of rows in published order, the last one shorter', () => {
    expect([0, 1, 2].map((n) => pieces.chunk(n).id)).toEqual([MANY.slice(0, 4), MANY.slice(4, 8), MANY.slice(8)].map((rs) => rs.map((r) => r.id)));
    expect(pieces.chunk(2).start).toBe(8);
    // Industries index the year's table, not the chunk's.
    expect(pieces.chunk(2).industry).toEqual([1, 1]);
    expect(() => pieces.chunk(3)).toThrow(/no chunk 3/);
  });

  it('decodes chunks back to rows whose order is their place in the national list', () => {
    const rows = [0, 1, 2].flatMap((n) => decodeRankingChunk(pieces.meta, JSON.parse(JSON.stringify(pieces.chunk(n)))));
    expect(rows.map((r) => [r.order, r.id, r.rank])).toEqual(MANY.map((r, i) => [i, r.id, r.rankNational]));
    expect(() => decodeRankingChunk({ ...pieces.meta, year: 2022 }, pieces.chunk(0))).toThrow(/does not belong/);
  });

  it('writes each park with the national ordinal of every row, delta-encoded', () => {
    const beta = pieces.parkFile('beta');
    expect(beta.id).toEqual(['91X00', '91X03', '91X06', '91X09']);
    expect(beta.orderDelta).toEqual([0, 3, 3, 3]);
    const rows = decodeRankingPark(pieces.meta, JSON.parse(JSON.stringify(beta)));
    expect(rows.map((r) => r.order)).toEqual([0, 3, 6, 9]);
    expect(pieces.parkFile('alpha').orderDelta).toEqual([1, 1, 2, 1, 2, 1]);
    expect(() => pieces.parkFile('gamma')).toThrow(/unknown park/);
  });

  it('puts only published fields in chunks and park files', () => {
    const withExtras = MANY.map((r) => ({ ...r, publicValues: [3], points: [1], categories: [1], s: [0.5], states: 'v', founded: '2001-01-01' }));
    const extras = prepareRankingPieces(2023, withExtras, TABLES, 4);
    const columns = ['id', 'name', 'nameEn', 'park', 'stage', 'industry', 'tags', 'score', 'rank', 'rankChange', 'scoreChange'];
    expect(Object.keys(extras.chunk(0)).sort()).toEqual(['v', 'year', 'start', ...columns].sort());
    expect(Object.keys(extras.parkFile('alpha')).sort()).toEqual(['v', 'year', 'code', 'orderDelta', ...columns].sort());
  });
});

describe('filterRows', () => {
  it('returns every row without filters', () => {
    expect(filterRows(decoded(), NO_FILTERS)).toHaveLength(4);
  });

  it('filters by park, stage, industry and designation together', () => {
    const rows = decoded();
    expect(filterRows(rows, { ...NO_FILTERS, park: 1 }).map((r) => r.id)).toEqual(['91B', '91C']);
    expect(filterRows(rows, { ...NO_FILTERS, park: 1, stage: 2 }).map((r) => r.id)).toEqual(['91C']);
    expect(filterRows(rows, { ...NO_FILTERS, industry: 2 }).map((r) => r.id)).toEqual(['91D']);
    expect(filterRows(rows, { ...NO_FILTERS, tag: 1 }).map((r) => r.id)).toEqual(['91A']);
    expect(filterRows(rows, { ...NO_FILTERS, tag: 2, park: 0 })).toEqual([]);
  });

  it('searches Chinese and English names and ids, partially and case-insensitively', () => {
    const rows = decoded();
    const ids = (query: string) => filterRows(rows, { ...NO_FILTERS, query }).map((r) => r.id);
    expect(ids('智能')).toEqual(['91C']);
    expect(ids('bing')).toEqual(['91C']);
    expect(ids('  JIA tech ')).toEqual(['91A']);
    expect(ids('91d')).toEqual(['91D']);
    // An id matches from its start only.
    expect(ids('1d')).toEqual([]);
    expect(ids('有限公司')).toHaveLength(4);
    expect(ids('nothing')).toEqual([]);
  });

  it('never matches a phrase across the Chinese and the English name', () => {
    const [jia] = decoded();
    expect(matchesQuery(jia!, '公司jia')).toBe(false);
    expect(matchesQuery(jia!, '甲科技')).toBe(true);
  });

  it('requires every word of a query, each in either name or the id', () => {
    const [jia] = decoded();
    expect(matchesQuery(jia!, '公司 jia')).toBe(true);
    expect(matchesQuery(jia!, '甲科技 公司')).toBe(true);
    expect(matchesQuery(jia!, '甲科技 不在')).toBe(false);
  });

  it('matches any part of an id from six characters, and only its start below that', () => {
    const row = { id: '91440300MA03IJKL3Z', name: '', nameEn: '' };
    expect(matchesQuery(row, '440300')).toBe(true);
    expect(matchesQuery(row, 'ma03ijkl3z')).toBe(true);
    expect(matchesQuery(row, '40300')).toBe(false);
    expect(matchesQuery(row, '91440')).toBe(true);
    expect(matchesQuery(row, '440301')).toBe(false);
  });

  it('treats full-width input like half-width', () => {
    expect(normaliseSearch('ＪＩＡ　Ｔｅｃｈ')).toBe('jia tech');
    expect(filterRows(decoded(), { ...NO_FILTERS, query: 'ＢＩＮＧ' }).map((r) => r.id)).toEqual(['91C']);
  });
});

describe('resolveFilters', () => {
  const data = encodeRankingData(2023, ROWS, TABLES);
  it('maps keys to table indices, null meaning all', () => {
    expect(resolveFilters(data, { ...NO_FILTER_KEYS, park: 'beta', industry: '', tag: '瞪羚企业' })).toEqual({
      park: 1,
      stage: -1,
      industry: 2,
      tag: 2,
      query: '',
    });
  });
  it('returns null when a chosen value does not occur that year', () => {
    expect(resolveFilters(data, { ...NO_FILTER_KEYS, industry: '现代农业' })).toBeNull();
  });
});

describe('sortRows', () => {
  const ids = (key: Parameters<typeof sortRows>[1], dir: 'asc' | 'desc', lang: 'zh' | 'en' = 'en') =>
    sortRows(decoded(), key, dir, ctx(lang)).map((r) => r.id);

  it('sorts by rank with ties in published (id) order, both ways', () => {
    expect(ids('rank', 'asc')).toEqual(['91A', '91B', '91C', '91D']);
    expect(ids('rank', 'desc')).toEqual(['91D', '91B', '91C', '91A']);
  });

  it('sorts by score, ties broken by rank then id', () => {
    expect(ids('score', 'desc')).toEqual(['91A', '91B', '91C', '91D']);
    expect(ids('score', 'asc')).toEqual(['91D', '91B', '91C', '91A']);
  });

  it('sorts by the displayed name in the page language', () => {
    expect(ids('name', 'asc', 'en')).toEqual(['91C', '91D', '91A', '91B']);
    // zh: pinyin order 丙 bing, 丁 ding, 甲 jia, 乙 yi
    expect(ids('name', 'asc', 'zh')).toEqual(['91C', '91D', '91A', '91B']);
  });

  it('sorts by park label and by stage in model order', () => {
    expect(ids('park', 'desc')).toEqual(['91B', '91C', '91A', '91D']);
    expect(ids('stage', 'asc')).toEqual(['91B', '91A', '91C', '91D']);
  });

  it('sorts by places gained, rows without a previous year last in both directions', () => {
    expect(ids('change', 'desc')).toEqual(['91A', '91B', '91C', '91D']);
    expect(ids('change', 'asc')).toEqual(['91C', '91B', '91A', '91D']);
  });

  it('sorts by points gained, rows without a previous year last in both directions', () => {
    // Score changes: 91A +41.2, 91B 0, 91C −12.25, 91D none.
    expect(ids('scoreChange', 'desc')).toEqual(['91A', '91B', '91C', '91D']);
    expect(ids('scoreChange', 'asc')).toEqual(['91C', '91B', '91A', '91D']);
  });

  it('breaks ties of a change by national rank in both directions, so low scorers never come first by accident', () => {
    const rows = decodeRankingData(
      encodeRankingData(
        2023,
        [
          row({ id: '91H', score: 900, rankNational: 1, rankChange: 2, scoreChange: -1 }),
          row({ id: '91F', score: 800, rankNational: 2, rankChange: -4, scoreChange: 5 }),
          row({ id: '91G', score: 700, rankNational: 3 }),
          row({ id: '91E', score: 100, rankNational: 4, rankChange: -4, scoreChange: 5 }),
        ],
        TABLES,
      ),
    );
    const by = (key: 'change' | 'scoreChange', dir: 'asc' | 'desc') => sortRows(rows, key, dir, ctx()).map((r) => r.id);
    // 91F and 91E both gained 5 points (and 4 places): 91F, ranked higher, first either way.
    expect(by('scoreChange', 'desc')).toEqual(['91F', '91E', '91H', '91G']);
    expect(by('scoreChange', 'asc')).toEqual(['91H', '91F', '91E', '91G']);
    expect(by('change', 'desc')).toEqual(['91F', '91E', '91H', '91G']);
    expect(by('change', 'asc')).toEqual(['91H', '91F', '91E', '91G']);
  });

  it('does not change its input and starts new columns best first', () => {
    const rows = decoded();
    sortRows(rows, 'score', 'asc', ctx());
    expect(rows.map((r) => r.id)).toEqual(['91A', '91B', '91C', '91D']);
    expect(defaultDirection('score')).toBe('desc');
    expect(defaultDirection('change')).toBe('desc');
    expect(defaultDirection('scoreChange')).toBe('desc');
    expect(defaultDirection('rank')).toBe('asc');
    expect(defaultDirection('name')).toBe('asc');
  });
});

describe('paging', () => {
  it('counts pages, at least one', () => {
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(50, 50)).toBe(1);
    expect(pageCount(51, 50)).toBe(2);
  });
  it('returns a page clamped to the valid range', () => {
    const xs = Array.from({ length: 7 }, (_, i) => i);
    expect(pageRows(xs, 2, 3)).toEqual([3, 4, 5]);
    expect(pageRows(xs, 3, 3)).toEqual([6]);
    expect(pageRows(xs, 9, 3)).toEqual([6]);
    expect(pageRows(xs, 0, 3)).toEqual([0, 1, 2]);
  });
});

describe('competitionRanks', () => {
  it('gives equal scores the same rank and skips the next (1, 2, 2, 4)', () => {
    expect(competitionRanks([900, 800, 800, 700])).toEqual([1, 2, 2, 4]);
    expect(competitionRanks([5, 5, 5])).toEqual([1, 1, 1]);
    expect(competitionRanks([])).toEqual([]);
  });
});

describe('formatting in the browser', () => {
  it('formats like src/i18n/format.ts', () => {
    for (const n of [0, 1.005, 12.345, 999.995, 1234.5, 1000, -3.456, 1234567.891]) {
      expect(formatFixed(n, 2)).toBe(formatScore('zh', n));
      expect(formatFixed(n, 0)).toBe(formatNumber('en', n, 0));
    }
    expect(formatFixed(Number.NaN, 2)).toBe('—');
  });

  const phrases: ChangePhrases = {
    rankUp: zh['change.rankUp'],
    rankDown: zh['change.rankDown'],
    rankUpOne: zh['change.rankUpOne'],
    rankDownOne: zh['change.rankDownOne'],
    rankSame: zh['change.rankSame'],
    scoreUp: zh['change.scoreUp'],
    scoreDown: zh['change.scoreDown'],
    scoreSame: zh['change.scoreSame'],
    none: zh['change.none'],
    newMark: zh['change.newMark'],
  };

  it('describes rank changes as RankingTable does', () => {
    for (const rank of [-1234, -1, 0, 1, 7, null]) {
      expect(describeRankChange(rank, phrases)).toEqual(formatRankChange('zh', rank));
    }
    // No previous year reads "新", distinct from an unchanged rank's "=".
    expect(describeRankChange(null, phrases).text).toBe('新');
    expect(describeRankChange(0, phrases).text).toBe('=');
    expect(describeRankChange(-12, phrases)).toEqual({ text: '↑12', direction: 'up', label: '上升 12 位' });
  });

  it('describes score changes as RankingTable does', () => {
    for (const score of [56.5, 0.01, 0, -2, -0.004, 0.005, 1234.567, null]) {
      expect(describeScoreChange(score, phrases)).toEqual(formatScoreChange('zh', score));
    }
    expect(describeScoreChange(41.2, phrases)).toEqual({ text: '+41.20', direction: 'up', label: '较上年增加 41.20 分' });
    expect(describeScoreChange(-12.25, phrases)).toEqual({ text: '-12.25', direction: 'down', label: '较上年减少 12.25 分' });
    // A change that rounds to 0.00 reads as unchanged.
    expect(describeScoreChange(-0.004, phrases)).toEqual({ text: '0.00', direction: 'same', label: zh['change.scoreSame'] });
    expect(describeScoreChange(null, phrases).text).toBe('新');
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(fillTemplate('第 {n} 页，共 {total} 页', { n: '2', total: '9' })).toBe('第 2 页，共 9 页');
    expect(fillTemplate('{year} {x}', { year: '2023' })).toBe('2023 {x}');
  });
});
