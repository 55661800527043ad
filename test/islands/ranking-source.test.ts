// The explorer's loader and query engine on the files the endpoints publish (explorerFiles:
// the real encoder and index builder), read through a fake same-origin fetch that logs every
// request, so each test says both what the reader sees and which pieces were fetched.
import { describe, expect, it } from 'vitest';
import { gramShard, topFileOf, type SearchMeta } from '../../src/wire/name-search.ts';
import { NO_FILTER_KEYS, normaliseSearch, sortRows, type FilterKeys, type RankableRow, type RankingTablesOfYear, type SortDirection, type SortKey } from '../../src/wire/ranking-data.ts';
import { SMALL_YEAR_ROWS, YearPieces, covers, prefetchSearch, runExplorer, sortClass, type ExplorerResult } from '../../src/components/islands/ranking-source.ts';
import { FIRMS, TABLES, URLS, YEAR, fixtureFiles, fixtureRows, urlOf } from './explorer-fixture.ts';

const rows = fixtureRows();
const SHARDS = 7;
const files = fixtureFiles(rows, { shards: SHARDS });
const searchMeta = JSON.parse(files.get(urlOf('searchMeta'))!) as SearchMeta;
const PAGE = 50;

const collator = new Intl.Collator('zh-CN', { numeric: true });
const sortContext = (tables: RankingTablesOfYear) => ({ nameOf: (r: { name: string }) => r.name, parkLabels: tables.parks, collator });

/** Runs one request on fresh pieces (or `pieces`); returns every report, the last one and the URLs fetched. */
async function run(
  request: { keys?: Partial<FilterKeys>; sort?: { key: SortKey; dir: SortDirection }; page?: number },
  given?: { pieces: YearPieces; requests: string[] },
): Promise<{ reports: ExplorerResult[]; last: ExplorerResult; requests: string[]; pieces: YearPieces }> {
  const { pieces, requests } = given ?? freshPieces();
  const page = request.page ?? 1;
  const reports: ExplorerResult[] = [];
  const before = requests.length;
  await runExplorer(
    pieces,
    { keys: { ...NO_FILTER_KEYS, ...request.keys }, sort: request.sort ?? { key: 'rank', dir: 'asc' }, from: (page - 1) * PAGE, to: page * PAGE, sortContext },
    (r) => reports.push(r),
    () => false,
  );
  return { reports, last: reports.at(-1)!, requests: requests.slice(before), pieces };
}

function freshPieces(seed: ConstructorParameters<typeof YearPieces>[3] = null): { pieces: YearPieces; requests: string[] } {
  const requests: string[] = [];
  const fetchJson = async (url: string) => {
    requests.push(url);
    const text = files.get(url);
    if (text === undefined) throw new Error(`404 ${url}`);
    return JSON.parse(text) as unknown;
  };
  return { pieces: new YearPieces(YEAR, URLS, fetchJson, seed), requests };
}

/** Pieces of the fixture built with top rows no deeper than a page (deepRows 50), as the index had before deep top rows. */
const shallowFiles = fixtureFiles(rows, { shards: SHARDS, deepRows: PAGE });
function shallowPieces(): { pieces: YearPieces; requests: string[] } {
  const requests: string[] = [];
  return { pieces: new YearPieces(YEAR, URLS, async (url) => (requests.push(url), JSON.parse(shallowFiles.get(url)!) as unknown)), requests };
}

/** Ordinals of the rows a query matches, by definition (a name holds it, or the id starts with it). */
const matching = (query: string, also: (r: RankableRow) => boolean = () => true) => {
  const q = normaliseSearch(query);
  return rows.flatMap((r, i) => ((normaliseSearch(r.name).includes(q) || normaliseSearch(r.nameEn).includes(q) || normaliseSearch(r.id).startsWith(q)) && also(r) ? [i] : []));
};
const ordinals = (r: ExplorerResult) => r.rows.map((x) => x.order);
const chunkRequests = (requests: string[]) => requests.filter((u) => /\/rankings-data\/\d+\/\d+\.json$/.test(u));
const chunkOf = (ordinal: number) => urlOf('chunk', Math.floor(ordinal / 100));

describe('the fixture', () => {
  it('is a year searched through its index, with the firms where the tests expect them', () => {
    expect(rows.length).toBeGreaterThan(SMALL_YEAR_ROWS);
    for (const [ordinal, firm] of Object.entries(FIRMS)) expect(rows[Number(ordinal)]!.id).toBe(firm.id);
  });
});

describe('search through the index', () => {
  it('finds part of a Chinese name from its middle, fetching only the index and the chunk holding it', async () => {
    const { last, requests } = await run({ keys: { query: '智能科技' } });
    expect(ordinals(last)).toEqual([5]);
    expect(last).toMatchObject({ count: 1, complete: true, done: true });
    expect(requests.filter((u) => !u.includes('/search/'))).toEqual([urlOf('meta'), chunkOf(5)]);
    expect(requests).toContain(urlOf('searchMeta'));
  });

  it('finds part of an English name in any case and width', async () => {
    for (const query of ['INTELLIGENT tech', 'ｉｎｔｅｌｌｉｇｅｎｔ', 'Intelligent Technology Co']) {
      expect(ordinals((await run({ keys: { query } })).last), query).toEqual([5]);
    }
    expect(ordinals((await run({ keys: { query: 'jiayi' } })).last)).toEqual(matching('jiayi'));
    expect(matching('jiayi')).toEqual([5, 1999]);
  });

  it('drops a candidate whose names hold the query’s grams but not the query', async () => {
    // 上海乙智慧联智能 (ordinal 150) holds 乙智 and 智能, so the index offers it; its name does not hold 乙智能.
    const { reports, last, requests } = await run({ keys: { query: '乙智能' } });
    expect(ordinals(last)).toEqual([5]);
    expect(last.count).toBe(1);
    expect(chunkRequests(requests)).toEqual([chunkOf(5), chunkOf(150)]);
    // Two chunks read at once and quickly: one report, not one per chunk (each re-renders the table).
    expect(reports).toHaveLength(1);
  });

  it('answers a query whose grams live in different shards', async () => {
    const query = '甲乙智能科技';
    const shardsOfGrams = new Set(['甲乙', '乙智', '智能', '能科', '科技'].map((g) => gramShard(g, SHARDS)));
    expect(shardsOfGrams.size).toBeGreaterThan(1);
    const { last, requests } = await run({ keys: { query } });
    expect(ordinals(last)).toEqual([5]);
    expect(requests.filter((u) => /\/search\/\d+\/\d+\.json$/.test(u)).length).toBeGreaterThan(1);
  });

  it('says plainly when nothing matches, without fetching any chunk', async () => {
    const { last, requests } = await run({ keys: { query: '不存在的企业名' } });
    expect(last).toMatchObject({ rows: [], count: 0, complete: true, done: true, tooShort: false });
    expect(chunkRequests(requests)).toEqual([]);
  });

  it('finds a firm by its exact id, in any case, from its id grams and one chunk', async () => {
    const id = FIRMS[777]!.id;
    const idGrams = [...new Set([id.slice(0, 6), id.slice(-6)].map((g) => urlOf('idGram', gramShard(g.toLowerCase(), searchMeta.idGrams.files))))];
    for (const query of [id, id.toLowerCase()]) {
      const { last, requests } = await run({ keys: { query } });
      expect(ordinals(last)).toEqual([777]);
      expect(chunkRequests(requests)).toEqual([chunkOf(777)]);
      expect(requests.filter((u) => u.includes('/search/')).sort()).toEqual([urlOf('searchMeta'), ...idGrams].sort());
    }
    // A prefix shorter than six characters: its id block.
    const short = await run({ keys: { query: id.slice(0, 5) } });
    expect(short.requests.filter((u) => u.includes('/search/'))).toEqual([urlOf('searchMeta'), urlOf('idBlock', 0)]);
  });

  it('asks for a longer query instead of loading rows for one or two letters', async () => {
    const { last, requests } = await run({ keys: { query: 'ab' } });
    expect(last).toMatchObject({ tooShort: true, rows: [], count: null });
    expect(chunkRequests(requests)).toEqual([]);
  });

  it('checks the chunks in rank order for a query made of common grams only, until its page is there', async () => {
    const { last, requests } = await run({ keys: { query: '有限公司' } });
    // Every row holds 有限公司: the first chunk holds the first page; the count is "at least".
    expect(ordinals(last)).toEqual(matching('有限公司').slice(0, 100));
    expect(last).toMatchObject({ count: null, complete: false, done: true });
    expect(chunkRequests(requests)).toEqual([urlOf('chunk', 0)]);
    // Two common words, each in every filler's name: still only as many chunks as the page needs.
    const both = await run({ keys: { query: '有限公司 样本' }, page: 3 });
    expect(ordinals(both.last).slice(2 * PAGE, 3 * PAGE)).toEqual(matching('有限公司', (r) => r.name.includes('样本')).slice(2 * PAGE, 3 * PAGE));
    expect(chunkRequests(both.requests).length).toBeLessThanOrEqual(2);
  });

  it('shows the first page of a query that is a common gram from its top file, with its count, without a chunk', async () => {
    const { last, requests } = await run({ keys: { query: '公司' } });
    expect(ordinals(last)).toEqual(matching('公司').slice(0, PAGE));
    expect(last).toMatchObject({ count: rows.length, done: true });
    expect(chunkRequests(requests)).toEqual([]);
    expect(requests.filter((u) => u.includes('/search/'))).toEqual([urlOf('searchMeta'), urlOf('top', topFileOf('公司', searchMeta))]);
  });

  it('requires every word of a query', async () => {
    const { last, requests } = await run({ keys: { query: '北京 智能' } });
    expect(ordinals(last)).toEqual([5]);
    expect(last.count).toBe(1);
    expect(chunkRequests(requests)).toEqual([chunkOf(5)]);
    expect(ordinals((await run({ keys: { query: 'jiayi 杭州' } })).last)).toEqual([1999]);
  });

  it('finds any part of a credit code from six characters', async () => {
    const { last, requests } = await run({ keys: { query: 'ma03ijkl' } });
    expect(ordinals(last)).toEqual([777]);
    expect(chunkRequests(requests)).toEqual([chunkOf(777)]);
    expect(requests.filter((u) => u.includes('/search/')).every((u) => u.endsWith('meta.json') || /idg-\d+\.json$/.test(u))).toBe(true);
  });

  it('shows the first page of a query that is a posted gram from its top file, without a chunk', async () => {
    // 一二 ("12" in the fillers' numbers) is one gram held by many rows: the index knows the count exactly.
    const expected = matching('一二');
    expect(expected.length).toBeGreaterThan(2 * PAGE);
    const { last, requests } = await run({ keys: { query: '一二' } });
    expect(ordinals(last)).toEqual(expected.slice(0, PAGE));
    expect(last).toMatchObject({ offset: 0, count: expected.length, complete: false, done: true });
    expect(last.rows.map((r) => r.name)).toEqual(expected.slice(0, PAGE).map((o) => rows[o]!.name));
    expect(chunkRequests(requests)).toEqual([]);
    expect(requests.filter((u) => u.includes('/search/')).sort()).toEqual([urlOf('searchMeta'), urlOf('shard', gramShard('一二', SHARDS)), urlOf('top', topFileOf('一二', searchMeta))].sort());
  });

  it('shows later pages from the top file too while it holds them: a CJK gram of many rows has deep top rows', async () => {
    // 一二 is held by 153 rows, more than the fixture's deepMin (100): all 153 are in its top file.
    const expected = matching('一二');
    expect(expected).toHaveLength(153);
    expect(searchMeta.top).toMatchObject({ rows: 50, deepMin: 100, deepRows: 400 });
    for (const page of [2, 4]) {
      const { last, requests } = await run({ keys: { query: '一二' }, page });
      expect(ordinals(last)).toEqual(expected.slice((page - 1) * PAGE, page * PAGE));
      expect(last).toMatchObject({ offset: (page - 1) * PAGE, count: 153, complete: page === 4, done: true });
      expect(chunkRequests(requests)).toEqual([]);
      expect(requests).toContain(urlOf('top', topFileOf('一二', searchMeta)));
    }
  });

  it('reads the chunks instead of the top file for a page past its top rows, a filter or reverse order', async () => {
    const expected = matching('一二');
    // Top rows no deeper than a page: page 2 lies past them.
    const next = await run({ keys: { query: '一二' }, page: 2 }, shallowPieces());
    expect(ordinals(next.last).slice(PAGE, 2 * PAGE)).toEqual(expected.slice(PAGE, 2 * PAGE));
    expect(next.requests.some((u) => u.includes('/top-'))).toBe(false);
    const stable = await run({ keys: { query: '一二', stage: 'stable' } });
    expect(ordinals(stable.last)).toEqual(matching('一二', (r) => r.stage === 'stable').slice(0, stable.last.rows.length));
    expect(stable.requests.some((u) => u.includes('/top-'))).toBe(false);
    const reverse = await run({ keys: { query: '一二' }, sort: { key: 'rank', dir: 'desc' } });
    const byRankDown = [...expected].sort((a, b) => rows[b]!.rankNational - rows[a]!.rankNational || a - b);
    expect(ordinals(reverse.last).slice(0, PAGE)).toEqual(byRankDown.slice(0, PAGE));
    expect(reverse.requests.some((u) => u.includes('/top-'))).toBe(false);
  });

  it('reads the chunks when the page is longer than a gram’s top rows (a site whose page is larger than MAX_TOP_ROWS)', async () => {
    const shortTops = fixtureFiles(rows, { shards: SHARDS, topRows: 20, deepRows: 20 });
    const requests: string[] = [];
    const pieces = new YearPieces(YEAR, URLS, async (url) => (requests.push(url), JSON.parse(shortTops.get(url)!) as unknown));
    const { last } = await run({ keys: { query: '一二' } }, { pieces, requests });
    expect(ordinals(last).slice(0, PAGE)).toEqual(matching('一二').slice(0, PAGE));
    expect(requests.some((u) => u.includes('/top-'))).toBe(false);
    expect(chunkRequests(requests).length).toBeGreaterThan(0);
  });

  it('does not trust a top file that does not hold the gram’s first rows: it reads the chunks', async () => {
    const url = urlOf('top', topFileOf('一二', searchMeta));
    const good = files.get(url)!;
    const file = JSON.parse(good) as { grams: Record<string, { orderDelta: number[] }> };
    file.grams['一二']!.orderDelta[1]! += 1;
    files.set(url, JSON.stringify(file));
    try {
      const { last, requests } = await run({ keys: { query: '一二' } });
      expect(ordinals(last).slice(0, PAGE)).toEqual(matching('一二').slice(0, PAGE));
      expect(chunkRequests(requests).length).toBeGreaterThan(0);
    } finally {
      files.set(url, good);
    }
  });

  it('reads only the chunks a page of candidates needs past the top rows, and reads on for the next page', async () => {
    // 一二 is one gram: the index knows the count; page 2 lies past its top rows (of a page only).
    const expected = matching('一二');
    const shallow = shallowPieces();
    const first = await run({ keys: { query: '一二' }, page: 2 }, shallow);
    expect(first.last).toMatchObject({ count: expected.length, complete: false, done: true });
    expect(ordinals(first.last)).toEqual(expected.slice(0, first.last.rows.length));
    expect(first.last.rows.length).toBeGreaterThanOrEqual(2 * PAGE);
    const read = chunkRequests(first.requests).length;
    expect(read).toBeLessThan(new Set(expected.map((o) => Math.floor(o / 100))).size);
    // The next page the first read does not hold reads on from the chunks already in memory.
    const next = Math.floor(first.last.rows.length / PAGE) + 1;
    expect(covers(first.last, (next - 1) * PAGE, next * PAGE)).toBe(false);
    const second = await run({ keys: { query: '一二' }, page: next }, shallow);
    expect(ordinals(second.last).slice((next - 1) * PAGE, next * PAGE)).toEqual(expected.slice((next - 1) * PAGE, next * PAGE));
    expect(chunkRequests(second.requests).length).toBeGreaterThan(0);
    expect(chunkRequests(second.requests).every((u) => !first.requests.includes(u))).toBe(true);
  });

  it('requests a query’s first shards at once when the meta files are here, and the search reuses them', async () => {
    const given = freshPieces();
    await given.pieces.meta();
    await given.pieces.searchMeta();
    given.requests.length = 0;
    prefetchSearch(given.pieces, '甲乙智能');
    const early = [...given.requests];
    expect(early.length).toBeGreaterThan(0);
    expect(early.every((u) => /\/search\/\d+\/\d+\.json$/.test(u))).toBe(true);
    const { last, requests } = await run({ keys: { query: '甲乙智能' } }, given);
    expect(ordinals(last)).toEqual([5]);
    expect(requests.filter((u) => early.includes(u))).toEqual([]);
  });

  it('searches a small year by checking its rows, without the index', async () => {
    const small = rows.slice(0, 300);
    const smallFiles = fixtureFiles(small);
    const requests: string[] = [];
    const pieces = new YearPieces(YEAR, URLS, async (url) => (requests.push(url), JSON.parse(smallFiles.get(url)!) as unknown));
    const { last } = await run({ keys: { query: '乙智能' } }, { pieces, requests });
    expect(ordinals(last)).toEqual([5]);
    expect(requests.some((u) => u.includes('/search/'))).toBe(false);
  });
});

describe('the list without a search', () => {
  it('fetches only the chunk holding the page, in rank order', async () => {
    const { last, requests } = await run({ page: 3 });
    expect(requests).toEqual([urlOf('meta'), urlOf('chunk', 1)]);
    expect(last).toMatchObject({ offset: 100, count: rows.length, done: true });
    expect(last.rows.map((r) => r.id)).toEqual(rows.slice(100, 150).map((r) => r.id));
  });

  it('shows the server-rendered first page without fetching anything', async () => {
    const given = freshPieces({ tables: { ...TABLES, parks: [...TABLES.parks], stages: [...TABLES.stages], tagNames: [...TABLES.tagNames], industries: [] }, rows: [], total: rows.length });
    // An empty seed does not hold page 1, so the chunk is fetched; a full one answers at once.
    expect((await run({}, given)).requests).toEqual([urlOf('meta'), urlOf('chunk', 0)]);
    const seeded = freshPieces({ tables: (await given.pieces.meta()) as RankingTablesOfYear, rows: await given.pieces.chunk(0), total: rows.length });
    const { last, requests } = await run({}, seeded);
    expect(requests).toEqual([]);
    expect(last).toMatchObject({ count: rows.length, offset: 0 });
    expect(last.rows).toHaveLength(PAGE);
  });

  it('fetches a park’s own file for a park filter, and filters and sorts its rows there', async () => {
    const { last, requests } = await run({ keys: { park: 'gamma', query: '天津' } });
    expect(requests).toEqual([urlOf('meta'), urlOf('park', 'gamma')]);
    expect(ordinals(last)).toEqual([2300]);
    const all = await run({ keys: { park: 'gamma' } });
    expect(ordinals(all.last)).toEqual(rows.flatMap((r, i) => (r.park === 'gamma' ? [i] : [])));
  });

  it('reads every chunk in rank order for another filter, showing the first rows before the count', async () => {
    const expected = rows.flatMap((r, i) => (r.stage === 'stable' ? [i] : []));
    const { reports, last, requests } = await run({ keys: { stage: 'stable' } });
    expect(chunkRequests(requests)).toHaveLength(Math.ceil(rows.length / 100));
    // Reported as soon as the chunk holding the page's last row is read.
    const early = reports.find((r) => !r.done && r.rows.length >= PAGE);
    expect(early?.progress?.loaded).toBe(Math.floor(expected[PAGE - 1]! / 100) + 1);
    expect(ordinals(early!).slice(0, PAGE)).toEqual(expected.slice(0, PAGE));
    expect(last).toMatchObject({ count: expected.length, complete: true, done: true });
    expect(ordinals(last)).toEqual(expected);
  });

  it('reads the whole list before a sort by another column', async () => {
    const { reports, last } = await run({ keys: { tag: '专精特新' }, sort: { key: 'name', dir: 'asc' } });
    expect(reports.filter((r) => !r.done).every((r) => r.rows.length === 0)).toBe(true);
    const { pieces } = freshPieces();
    const all = (await Promise.all(Array.from({ length: Math.ceil(rows.length / 100) }, (_, n) => pieces.chunk(n)))).flat();
    const expected = sortRows(all.filter((r) => r.tags & 2), 'name', 'asc', sortContext(await pieces.meta()));
    expect(last.rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
  });

  it('reads from the end of the list for the lowest scores first, keeping ties in id order', async () => {
    const { last, requests } = await run({ sort: { key: 'score', dir: 'asc' } });
    expect(last.count).toBe(rows.length);
    const lowest = [...rows.keys()].sort((a, b) => rows[a]!.score - rows[b]!.score || rows[a]!.rankNational - rows[b]!.rankNational || a - b);
    expect(ordinals(last).slice(0, PAGE)).toEqual(lowest.slice(0, PAGE));
    expect(chunkRequests(requests).length).toBeLessThanOrEqual(2);
  });

  it('classifies sorts by how they relate to published order', () => {
    expect(sortClass({ key: 'rank', dir: 'asc' })).toBe('asc');
    expect(sortClass({ key: 'score', dir: 'desc' })).toBe('asc');
    expect(sortClass({ key: 'rank', dir: 'desc' })).toBe('desc');
    expect(sortClass({ key: 'score', dir: 'asc' })).toBe('desc');
    expect(sortClass({ key: 'change', dir: 'desc' })).toBe('whole');
  });
});

describe('YearPieces', () => {
  it('fetches each piece once, and again after a failure', async () => {
    let fail = true;
    const requests: string[] = [];
    const pieces = new YearPieces(YEAR, URLS, async (url) => {
      requests.push(url);
      if (fail) throw new Error('offline');
      return JSON.parse(files.get(url)!) as unknown;
    });
    await expect(pieces.meta()).rejects.toThrow('offline');
    fail = false;
    await pieces.meta();
    await pieces.meta();
    await Promise.all([pieces.chunk(3), pieces.chunk(3)]);
    expect(requests).toEqual([urlOf('meta'), urlOf('meta'), urlOf('chunk', 3)]);
  });
});
