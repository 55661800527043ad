// Queries of several words on a year built so that a city and an industry word are common
// grams: the common postings that intersect them exactly, the deep top rows that hold a page of
// their matches, and the chunks read when neither holds it. Run on the files the endpoints
// publish (explorerFiles), through a fake fetch that logs every request.
import { describe, expect, it } from 'vitest';
import { commonPostingFileOf, decodeDeltas, deepPageFileOf, deepPageKey, findCandidates, topFileOf, type CommonPostingFile, type DeepPageFile, type SearchMeta } from '../../src/wire/name-search.ts';
import { NO_FILTER_KEYS, fillTemplate, normaliseSearch, type RankableRow } from '../../src/wire/ranking-data.ts';
import { YearPieces, runExplorer, type ExplorerResult } from '../../src/components/islands/ranking-source.ts';
import { EXPLORER_PATHS, explorerFiles } from '../../src/publish/explorer-files.ts';
import type { SearchIndexOptions } from '../../src/publish/search-index.ts';
import { TABLES, URLS, YEAR } from './explorer-fixture.ts';

const ROWS = 5000;
const PAGE = 50;

/**
 * Row i (its ordinal; scores fall with i): a city (天津 for i ≡ 2 mod 7, else 广州, 佛山 or 东莞
 * by i mod 3), an industry (医药 for every fourth row, else 材料) and a suffix (股份有限公司 for
 * every fifth row, else 科技有限公司). With COMMON_MIN_ROWS 1,000: 广州, 佛山, 东莞 (about 1,430
 * rows each) and 医药 (1,250) are common with postings (at most max(5 % of the rows, twice the
 * common threshold) = 2,000 rows); 材料 (3,750) and 科技 (4,000) are common without; 天津 (715)
 * and 股份 (1,000) are posted, and being CJK grams of more than max(2 × 50, 0.2 % of 5,000) = 100
 * rows, have 400 top rows.
 */
function name(i: number): string {
  const city = i % 7 === 2 ? '天津' : ['广州', '佛山', '东莞'][i % 3]!;
  return `${city}${i % 4 === 0 ? '医药' : '材料'}${i % 5 === 0 ? '股份有限公司' : '科技有限公司'}`;
}

const rows: RankableRow[] = Array.from({ length: ROWS }, (_, i) => ({
  id: `91440000MA${String(i).padStart(7, '0')}X`,
  name: name(i),
  nameEn: '',
  park: TABLES.parks[i % 3]!,
  industry: '新材料',
  tags: [],
  stage: 'growth',
  score: 1000 - i * 0.1,
  rankNational: i + 1,
  rankChange: null,
  scoreChange: null,
}));
/** The year's files as the endpoints publish them, path (with base) → JSON text. */
function filesOf(options: SearchIndexOptions = {}): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, data] of explorerFiles(YEAR, rows, TABLES, options)) out.set(`/base${path}`, JSON.stringify(data));
  return out;
}
const files = filesOf();
/**
 * The same with every row of a common word with postings in its deep pages (deepShare 1; the
 * site keeps a quarter, which in a year of 5,000 rows is no more than the 400 top rows).
 */
const deepFiles = filesOf({ deepShare: 1 });
const url = (kind: keyof typeof EXPLORER_PATHS, n: number | string = '') => `/base${fillTemplate(EXPLORER_PATHS[kind], { year: String(YEAR), n: String(n), code: String(n) })}`;
const meta = JSON.parse(files.get(url('searchMeta'))!) as SearchMeta;

/** The ordinals of the rows holding every word, by definition. */
const matching = (query: string) => rows.flatMap((r, i) => (normaliseSearch(query).split(' ').every((w) => r.name.includes(w)) ? [i] : []));
const ordinals = (r: ExplorerResult) => r.rows.map((x) => x.order);
/** The ordinals of page `page` in a result (whose rows may start before it). */
const pageOf = (r: ExplorerResult, page: number) => ordinals(r).slice((page - 1) * PAGE - r.offset, page * PAGE - r.offset);
const chunks = (requests: string[]) => requests.filter((u) => /\/rankings-data\/\d+\/\d+\.json$/.test(u));

async function search(query: string, page = 1, from = files): Promise<{ last: ExplorerResult; requests: string[] }> {
  const requests: string[] = [];
  const pieces = new YearPieces(YEAR, URLS, async (u) => {
    requests.push(u);
    const text = from.get(u);
    if (text === undefined) throw new Error(`404 ${u}`);
    return JSON.parse(text) as unknown;
  });
  const reports: ExplorerResult[] = [];
  const req = { keys: { ...NO_FILTER_KEYS, query }, sort: { key: 'rank', dir: 'asc' } as const, from: (page - 1) * PAGE, to: page * PAGE, sortContext: () => ({ nameOf: (r: { name: string }) => r.name, parkLabels: [], collator: new Intl.Collator('zh-CN') }) };
  await runExplorer(pieces, req, (r) => reports.push(r), () => false);
  return { last: reports.at(-1)!, requests };
}

describe('the index of a year with common city and industry words', () => {
  it('lists the common CJK words of at most 2,000 rows as having postings, and no other gram', () => {
    expect(meta.common).toEqual(expect.arrayContaining(['广州', '佛山', '东莞', '医药', '材料', '科技', '公司']));
    expect(meta.common).not.toContain('天津');
    expect(meta.common).not.toContain('股份');
    expect(meta.commonPostings.grams).toEqual(expect.arrayContaining(['广州', '佛山', '东莞', '医药']));
    for (const g of ['材料', '科技', '公司', '有限']) expect(meta.commonPostings.grams).not.toContain(g);
    expect(meta.commonPostings.grams).toEqual([...meta.commonPostings.grams].sort());
    expect(meta.top).toMatchObject({ rows: 50, deepMin: 100, deepRows: 400 });
  });

  it('writes each such word’s every ordinal, delta-encoded, in its own common posting file', () => {
    for (const g of ['广州', '医药']) {
      const file = JSON.parse(files.get(url('commonPostings', commonPostingFileOf(g, meta)))!) as CommonPostingFile;
      expect(decodeDeltas(file.grams[g]!), g).toEqual(matching(g));
    }
    // 医药 is every fourth row: 0, then steps of 4.
    const yiyao = JSON.parse(files.get(url('commonPostings', commonPostingFileOf('医药', meta)))!) as CommonPostingFile;
    expect(yiyao.grams['医药']!.slice(0, 4)).toEqual([0, 4, 4, 4]);
    expect(matching('医药')).toHaveLength(1250);
  });
});

describe('findCandidates for several words', () => {
  it('intersects two common words exactly from their postings, naming both as row sources', async () => {
    const fetched: string[] = [];
    const pieces = {
      shard: async () => { throw new Error('no shard needed'); },
      idBlock: async () => { throw new Error('no id block needed'); },
      idGram: async () => { throw new Error('no id gram needed'); },
      commonPostings: async (k: number) => (fetched.push(`cp ${k}`), JSON.parse(files.get(url('commonPostings', k))!) as CommonPostingFile),
    };
    const found = await findCandidates('广州 医药', meta, pieces);
    expect(found).toEqual({ kind: 'ordinals', ordinals: matching('广州 医药'), exact: true, sources: [{ gram: '广州', ordinals: matching('广州') }, { gram: '医药', ordinals: matching('医药') }] });
    expect(fetched.sort()).toEqual([...new Set(['广州', '医药'].map((g) => `cp ${commonPostingFileOf(g, meta)}`))].sort());
    // One common word alone still reads its top file only (its count is there).
    expect(await findCandidates('医药', meta, pieces)).toEqual({ kind: 'scan', top: '医药' });
  });
});

describe('the explorer on queries of several words', () => {
  it('shows 广州 医药 from the postings and one top file, with the exact count, and no chunk', async () => {
    const expected = matching('广州 医药');
    // i ≡ 0 mod 12, but not 2 mod 7: about 357 rows; the first page runs to i = 636.
    expect(expected.slice(0, 3)).toEqual([0, 12, 24]);
    const { last, requests } = await search('广州 医药');
    expect(ordinals(last)).toEqual(expected.slice(0, PAGE));
    expect(last).toMatchObject({ offset: 0, count: expected.length, complete: false, done: true });
    expect(chunks(requests)).toEqual([]);
    // 医药's 400 top rows reach i = 1,596, further than 广州's: its top file holds the page.
    const search_ = requests.filter((u) => u.includes('/search/')).sort();
    expect(search_).toEqual([...new Set([url('searchMeta'), url('commonPostings', commonPostingFileOf('广州', meta)), url('commonPostings', commonPostingFileOf('医药', meta)), url('top', topFileOf('医药', meta))])].sort());
  });

  it('shows a posted word and a common word (天津 医药) from the posted word’s deep top rows', async () => {
    const expected = matching('天津 医药');
    // i ≡ 16 mod 28: 天津's 400 top rows reach i = 2,795 and hold 100 of them.
    expect(expected.slice(0, 3)).toEqual([16, 44, 72]);
    const { last, requests } = await search('天津 医药', 2);
    expect(pageOf(last, 2)).toEqual(expected.slice(PAGE, 2 * PAGE));
    expect(last).toMatchObject({ count: expected.length, done: true });
    expect(chunks(requests)).toEqual([]);
    expect(requests).toContain(url('top', topFileOf('天津', meta)));
  });

  it('checks a word without postings (科技) on the top rows’ names, and says "at least" when they do not hold every candidate', async () => {
    const expected = matching('天津 科技');
    // 天津 rows without 股份 (i ≡ 0 mod 5): 572 in all, 320 of them among 天津's first 400.
    expect(expected).toHaveLength(572);
    const { last, requests } = await search('天津 科技');
    expect(ordinals(last)).toEqual(expected.slice(0, last.rows.length));
    expect(last.rows.length).toBe(320);
    expect(last).toMatchObject({ offset: 0, count: null, found: 320, complete: false, done: true });
    expect(chunks(requests)).toEqual([]);
  });

  it('says nothing matches two words no name holds together (天津 广州), fetching no top file and no chunk', async () => {
    expect(matching('天津 广州')).toEqual([]);
    const { last, requests } = await search('天津 广州');
    expect(last).toMatchObject({ rows: [], count: 0, complete: true, done: true });
    expect(requests.some((u) => u.includes('/top-'))).toBe(false);
    expect(chunks(requests)).toEqual([]);
  });

  it('reads only the chunks of the page’s candidates when no top file holds them (佛山 医药 股份), with the exact count', async () => {
    const expected = matching('佛山 医药 股份');
    // i ≡ 40 mod 60 (83 rows), less the 12 of them that are 2 mod 7 (天津): 71 rows, the 50th
    // at i = 3,520, past every word's top rows (股份's reach i = 1,995).
    expect(expected).toHaveLength(71);
    expect(expected.slice(0, 3)).toEqual([40, 160, 220]);
    expect(expected[PAGE - 1]).toBe(3520);
    const { last, requests } = await search('佛山 医药 股份');
    expect(pageOf(last, 1)).toEqual(expected.slice(0, PAGE));
    expect(last).toMatchObject({ count: 71, done: true });
    // One chunk per candidate of the page, not the list up to it.
    expect(chunks(requests).sort()).toEqual([...new Set(expected.slice(0, PAGE).map((o) => url('chunk', Math.floor(o / 100))))].sort());
    expect(requests.some((u) => u.includes('/top-'))).toBe(false);
  });

  it('reads the page of a sparse intersection from the deep pages that hold its rows, not a chunk per row', async () => {
    const expected = matching('佛山 医药 股份');
    const deepMeta = JSON.parse(deepFiles.get(url('searchMeta'))!) as SearchMeta;
    expect(deepMeta.commonPostings.deepShare).toBe(1);
    // Page p ≥ 1 of 佛山 holds its rows 400p to 400p + 399, in published order.
    const foshan = matching('佛山');
    const page2 = JSON.parse(deepFiles.get(url('deepPage', deepPageFileOf('佛山', 2, deepMeta)))!) as DeepPageFile;
    const orders = page2.pages[deepPageKey('佛山', 2)]!.orderDelta;
    expect(decodeDeltas(orders)).toEqual(foshan.slice(800, 1200));
    const { last, requests } = await search('佛山 医药 股份', 1, deepFiles);
    expect(pageOf(last, 1)).toEqual(expected.slice(0, PAGE));
    expect(last).toMatchObject({ offset: 0, count: 71, done: true });
    expect(last.rows.map((r) => r.name)).toEqual(expected.slice(0, PAGE).map((o) => rows[o]!.name));
    expect(chunks(requests)).toEqual([]);
    // 佛山 and 医药 reach the end of the list; the first page's rows (up to i = 3,520) are among
    // the first 1,100 or so rows of either: its top rows and deep pages 1 and 2, no further.
    const deep = requests.filter((u) => u.includes('/dp-'));
    expect(deep.length).toBeGreaterThanOrEqual(1);
    expect(deep.length).toBeLessThanOrEqual(2);
    expect(requests.filter((u) => u.includes('/top-'))).toHaveLength(1);
  });
});
