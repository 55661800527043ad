import { describe, expect, it } from 'vitest';
import {
  BASE_GRAM,
  EXTENDED_GRAM,
  TWICE_EXTENDED_GRAM,
  UNIGRAM,
  decodeDeltas,
  findCandidates,
  forEachGram,
  gramShard,
  idBlocksFor,
  idGramFileOf,
  idGramsOf,
  queryWords,
  intersectSorted,
  isIdQuery,
  topFileOf,
  type CommonPostingFile,
  type GramKind,
  type IdBlock,
  type IdGramFile,
  type SearchMeta,
  type SearchShard,
} from '../../src/wire/name-search.ts';
import { normaliseSearch } from '../../src/wire/ranking-data.ts';
import { ID_BLOCK_SIZE, MAX_TOP_ROWS, TOP_MIN_ROWS, buildSearchIndex, commonPostingFileCount, commonThreshold, deepPageFileCount, gramWalker, idGramFileCount, searchFileNames, shardCount, topFileCount } from '../../src/publish/search-index.ts';
import { FIRMS, YEAR, fixtureRows } from './explorer-fixture.ts';

/** The grams of a text by level, each list in order of position. */
function grams(text: string): Record<GramKind, string[]> {
  const out: Record<GramKind, string[]> = { [UNIGRAM]: [], [BASE_GRAM]: [], [EXTENDED_GRAM]: [], [TWICE_EXTENDED_GRAM]: [] };
  forEachGram(normaliseSearch(text), (g, kind) => out[kind].push(g));
  return out;
}

describe('forEachGram', () => {
  it('takes CJK bigrams and characters, and three-character windows as extended grams', () => {
    const g = grams('甲乙智能');
    expect(g[UNIGRAM]).toEqual(['甲', '乙', '智', '能']);
    expect(g[BASE_GRAM]).toEqual(['甲乙', '乙智', '智能']);
    expect(g[EXTENDED_GRAM]).toEqual(['甲乙智', '乙智能']);
    expect(g[TWICE_EXTENDED_GRAM]).toEqual([]);
  });

  it('takes Latin trigrams, and windows of four and five as extended grams', () => {
    const g = grams('Jiayi');
    expect(g[BASE_GRAM]).toEqual(['jia', 'iay', 'ayi']);
    expect(g[EXTENDED_GRAM]).toEqual(['jiay', 'iayi']);
    expect(g[TWICE_EXTENDED_GRAM]).toEqual(['jiayi']);
    expect(g[UNIGRAM]).toEqual([]);
  });

  it('has no gram in one or two Latin characters', () => {
    for (const text of ['a', 'ab', ' a ']) expect(Object.values(grams(text)).flat()).toEqual([]);
  });

  it('treats a window with a CJK character as CJK, with sub-windows only where they are grams', () => {
    const seen: [string, GramKind, string, string][] = [];
    forEachGram('ab京', (g, kind, left, right) => seen.push([g, kind, left, right]));
    // "ab" is no gram (two Latin letters), "b京" is a bigram; "ab京" extends only "b京".
    expect(seen).toEqual([
      ['ab京', EXTENDED_GRAM, '', 'b京'],
      ['b京', BASE_GRAM, '', ''],
      ['京', UNIGRAM, '', ''],
    ]);
  });

  it('counts characters outside the BMP as one', () => {
    expect(grams('𠀀科技')[BASE_GRAM]).toEqual(['𠀀科', '科技']);
  });
});

describe('gramWalker (the builder’s numeric walk)', () => {
  const TEXTS = ['北京甲乙智能科技有限公司', 'beijing jiayi intelligent technology co., ltd.', 'ab京cd 科技', '𠀀𠀁科技有限公司', 'x𠀀y', 'école ünïcode', '(集团)a1b2c3 有限公司', '甲', 'ab', ''].map(normaliseSearch);

  /** Each level's grams of a text, sorted: the walker emits level by level, forEachGram by position. */
  const byLevel = (emit: (visit: (gram: string, kind: GramKind) => void) => void) => {
    const out: string[][] = [[], [], [], []];
    emit((gram, kind) => out[kind]!.push(gram));
    return out.map((l) => l.sort());
  };

  it('walks exactly the grams of forEachGram', () => {
    const walker = gramWalker(TEXTS);
    for (const text of TEXTS) {
      const ours = byLevel((visit) => walker.walk(text, TWICE_EXTENDED_GRAM, (_k, kind, at, length) => visit(walker.gramText(at, length), kind)));
      expect(ours, text).toEqual(byLevel((visit) => forEachGram(text, (g, kind) => visit(g, kind))));
    }
  });

  it('gives equal grams equal keys and different grams different keys', () => {
    const walker = gramWalker(TEXTS);
    const keyOf = new Map<string, number | string>();
    for (const text of TEXTS) {
      walker.walk(text, TWICE_EXTENDED_GRAM, (key, _kind, at, length) => {
        const g = walker.gramText(at, length);
        if (keyOf.has(g)) expect(keyOf.get(g)).toBe(key);
        keyOf.set(g, key);
      });
    }
    expect(new Set(keyOf.values()).size).toBe(keyOf.size);
  });

  it('falls back to the grams themselves as keys when the alphabet is too large for numbers', () => {
    // 600 distinct non-CJK code points: five of them no longer pack into 46 bits.
    const many = [Array.from({ length: 600 }, (_, i) => String.fromCodePoint(0x100 + i)).join('')];
    const walker = gramWalker(many);
    const keys: (number | string)[] = [];
    walker.walk(many[0]!.slice(0, 5), TWICE_EXTENDED_GRAM, (key) => keys.push(key));
    expect(keys.every((k) => typeof k === 'string')).toBe(true);
  });
});

describe('buildSearchIndex', () => {
  const rows = fixtureRows();
  const index = buildSearchIndex(YEAR, rows, { shards: 7 });
  const shards = Array.from({ length: 7 }, (_, n) => index.shard(n));
  const posted = (gram: string): number[] | undefined => {
    const list = shards[gramShard(gram, 7)]!.grams[gram];
    return list && decodeDeltas(list);
  };
  const holding = (test: (name: string) => boolean) => rows.flatMap((r, i) => (test(normaliseSearch(r.name)) || test(normaliseSearch(r.nameEn)) ? [i] : []));

  it('posts each rare gram with the ordinals of the rows holding it, ascending and delta-encoded', () => {
    expect(posted('乙智')).toEqual(holding((n) => n.includes('乙智')));
    expect(posted('乙智')).toEqual([5, 150]);
    const raw = shards[gramShard('甲乙', 7)]!.grams['甲乙']!;
    expect(raw).toEqual([5, 1999 - 5]);
    expect(posted('jia')).toEqual(holding((n) => n.includes('jia')));
  });

  it('lists the grams of more than the threshold of rows as common instead of posting them', () => {
    expect(commonThreshold(rows.length)).toBe(1000);
    for (const gram of ['有限', '公司', '企业', '样本', 'co.', 'ltd']) {
      expect(index.meta.common).toContain(gram);
      expect(posted(gram)).toBeUndefined();
    }
    expect(index.meta.common).toEqual([...index.meta.common].sort());
  });

  it('posts an extended gram only next to a common one', () => {
    // 限公 and 公司 are common, so 限公司 is counted; it is common itself, and listed in the meta file.
    expect(index.meta.common).toContain('限公司');
    expect(posted('限公司')).toBeUndefined();
    // 能科 and 科技 are rare: 能科技 is not posted (the two bigrams narrow a query down already).
    expect(posted('能科技')).toBeUndefined();
    // 号企 (样本…号企业) is common: the filler numbers next to it are posted as extended grams.
    expect(index.meta.common).toContain('号企');
    expect(posted('九号企')).toEqual(holding((n) => n.includes('九号企')));
  });

  it('sorts normalised ids into blocks of ID_BLOCK_SIZE', () => {
    expect(index.meta.idBlocks).toHaveLength(Math.ceil(rows.length / ID_BLOCK_SIZE));
    const ids = [0, 1].flatMap((k) => index.idBlock(k).id);
    expect(ids).toEqual(rows.map((r) => normaliseSearch(r.id)).sort());
    const block = index.idBlock(0);
    block.id.forEach((id, i) => expect(normaliseSearch(rows[block.order[i]!]!.id)).toBe(id));
  });

  it('is the same every time (files are reproducible)', () => {
    const again = buildSearchIndex(YEAR, rows, { shards: 7 });
    expect(JSON.stringify(again.meta)).toBe(JSON.stringify(index.meta));
    for (let n = 0; n < 7; n++) expect(JSON.stringify(again.shard(n))).toBe(JSON.stringify(shards[n]));
  });

  it('names its files from the row count alone', () => {
    const big = 520_000;
    expect(shardCount(big)).toBeGreaterThan(1000);
    const names = searchFileNames(rows.length);
    // 2,406 rows: 20 shards of 125 rows, a top file per 32 rows, a common posting file per 400
    // rows, an id gram file per 250 rows, id blocks of 2,048.
    expect(shardCount(rows.length)).toBe(20);
    expect(topFileCount(rows.length)).toBe(76);
    expect(commonPostingFileCount(rows.length)).toBe(7);
    expect(commonPostingFileCount(big)).toBe(256);
    expect(deepPageFileCount(rows.length)).toBe(7);
    expect(deepPageFileCount(big)).toBe(1300);
    expect(idGramFileCount(rows.length)).toBe(10);
    expect(names).toEqual([
      'meta',
      ...Array.from({ length: 20 }, (_, n) => String(n)),
      ...Array.from({ length: 76 }, (_, k) => `top-${k}`),
      ...Array.from({ length: 7 }, (_, k) => `cp-${k}`),
      ...Array.from({ length: 7 }, (_, k) => `dp-${k}`),
      ...Array.from({ length: 10 }, (_, k) => `idg-${k}`),
      'id-0',
      'id-1',
    ]);
    const { meta } = buildSearchIndex(YEAR, rows);
    expect(meta.shards).toBe(20);
    // Deep top rows: 400 for a CJK gram of more than max(2 × 50, 0.2 % of 2,406) = 100 rows.
    expect(meta.top).toEqual({ files: 76, minRows: TOP_MIN_ROWS, rows: 50, deepMin: 100, deepRows: 400 });
    expect(buildSearchIndex(YEAR, rows, { topRows: 10, deepRows: 5 }).meta.top).toMatchObject({ rows: 10, deepMin: 20, deepRows: 10 });
    // A site's page size sets the top rows, up to MAX_TOP_ROWS.
    expect(buildSearchIndex(YEAR, rows, { topRows: 30 }).meta.top.rows).toBe(30);
    expect(buildSearchIndex(YEAR, rows, { topRows: 500 }).meta.top.rows).toBe(MAX_TOP_ROWS);
  });

  it('gives each gram of more than TOP_MIN_ROWS rows its first rows in its top file, and no other gram', () => {
    const small = buildSearchIndex(YEAR, rows, { shards: 7, topFiles: 5, topRows: 10, deepRows: 30 });
    const tops = Array.from({ length: 5 }, (_, k) => small.topGrams(k));
    // Top rows: 10, or 30 for a gram holding a CJK character held by more than max(2 × 10, 0.2 % of 2,406) = 20 rows.
    expect(small.meta.top).toMatchObject({ rows: 10, deepMin: 20, deepRows: 30 });
    const held = (gram: string, count: number) => Math.min(count, /[\u2e80-\uffff]/.test(gram) && count > 20 ? 30 : 10);
    // 一二 ("12" in the fillers' numbers) is held by 153 rows: its first 30, in published order.
    const yiEr = holding((n) => n.includes('一二'));
    expect(yiEr).toHaveLength(153);
    expect(tops[topFileOf('一二', small.meta)]!.find((t) => t.gram === '一二')?.ordinals).toEqual(yiEr.slice(0, 30));
    // ltd (a common Latin gram) keeps 10: deep rows are for CJK grams only.
    expect(tops[topFileOf('ltd', small.meta)]!.find((t) => t.gram === 'ltd')?.ordinals).toHaveLength(10);
    // 甲乙 is held by two rows (5 and 1999): a query for it costs two chunks at most, no top rows.
    expect(tops.flat().some((t) => t.gram === '甲乙')).toBe(false);
    // Exactly the posted grams of more than TOP_MIN_ROWS rows and the common grams of two
    // code points or more (not single characters), each in its own file, in code-unit order.
    const commonWords = small.meta.common.filter((g) => [...g].length > 1);
    expect(commonWords).toContain('公司');
    const expected = [...shards.flatMap((sh) => Object.entries(sh.grams).filter(([, d]) => d.length > TOP_MIN_ROWS).map(([g]) => g)), ...commonWords].sort();
    expect(tops.flat().map((t) => t.gram).sort()).toEqual(expected);
    tops.forEach((list, k) => {
      expect(list.map((t) => t.gram)).toEqual(list.map((t) => t.gram).sort());
      for (const t of list) {
        expect(topFileOf(t.gram, small.meta)).toBe(k);
        if (commonWords.includes(t.gram)) {
          // A common gram: its first rows and how many rows hold it.
          const all = holding((n) => n.includes(t.gram));
          expect(t.ordinals, t.gram).toEqual(all.slice(0, held(t.gram, all.length)));
          expect(t.count, t.gram).toBe(all.length);
        } else {
          const all = posted(t.gram)!;
          expect(t.ordinals).toEqual(all.slice(0, held(t.gram, all.length)));
          expect(t.count).toBeUndefined();
        }
      }
    });
    // 公司 is in every name: its count is every row.
    expect(tops[topFileOf('公司', small.meta)]!.find((t) => t.gram === '公司')?.count).toBe(rows.length);
  });

  it('posts every six-character window of the ids, and lists those of more than the threshold of rows as common', () => {
    const { meta } = index;
    // The fillers' ids are 915000100… + four digits: their first windows are common.
    for (const g of ['915000', '150001', '500010']) expect(meta.idGrams.common).toContain(g);
    expect(meta.idGrams.common).toEqual([...meta.idGrams.common].sort());
    const files = Array.from({ length: meta.idGrams.files }, (_, k) => index.idGram(k));
    const postedId = (g: string) => {
      const list = files[idGramFileOf(g, meta)]!.grams[g];
      return list && decodeDeltas(list);
    };
    const idOf = (i: number) => normaliseSearch(rows[i]!.id);
    // 91440300ma03ijkl3z (ordinal 777): each of its 13 windows is posted with the rows whose ids hold it.
    expect(idGramsOf(idOf(777))).toHaveLength(13);
    for (const g of idGramsOf(idOf(777))) expect(postedId(g), g).toEqual(rows.flatMap((_, i) => (idOf(i).includes(g) ? [i] : [])));
    expect(postedId('ma03ij')).toEqual([777]);
    // 440300 is held by that firm only.
    expect(postedId('440300')).toEqual([777]);
    expect(postedId('915000')).toBeUndefined();
    // Every window of every id is posted or common, and only in its own file.
    for (let i = 0; i < rows.length; i += 97) for (const g of idGramsOf(idOf(i))) expect(meta.idGrams.common.includes(g) || postedId(g)!.includes(i), g).toBe(true);
    files.forEach((f, k) => Object.keys(f.grams).forEach((g) => expect(idGramFileOf(g, meta)).toBe(k)));
  });
});

describe('findCandidates', () => {
  const rows = fixtureRows();
  const index = buildSearchIndex(YEAR, rows, { shards: 7 });
  /** The index's pieces, with a log of what was fetched. */
  const pieces = () => {
    const fetched: string[] = [];
    return {
      fetched,
      shard: async (n: number): Promise<SearchShard> => (fetched.push(`shard ${n}`), JSON.parse(JSON.stringify(index.shard(n))) as SearchShard),
      idBlock: async (k: number): Promise<IdBlock> => (fetched.push(`id ${k}`), JSON.parse(JSON.stringify(index.idBlock(k))) as IdBlock),
      idGram: async (k: number): Promise<IdGramFile> => (fetched.push(`idg ${k}`), JSON.parse(JSON.stringify(index.idGram(k))) as IdGramFile),
      commonPostings: async (k: number): Promise<CommonPostingFile> => (fetched.push(`cp ${k}`), JSON.parse(JSON.stringify(index.commonPostings(k))) as CommonPostingFile),
    };
  };
  const meta: SearchMeta = JSON.parse(JSON.stringify(index.meta)) as SearchMeta;

  it('answers a two-character query exactly from one shard', async () => {
    const p = pieces();
    expect(await findCandidates('甲乙', meta, p)).toEqual({ kind: 'ordinals', ordinals: [5, 1999], exact: true });
    expect(p.fetched).toEqual([`shard ${gramShard('甲乙', 7)}`]);
  });

  it('names the top file for a query that is a posted gram of more than a few rows', async () => {
    const yiEr = rows.flatMap((r, i) => (r.name.includes('一二') ? [i] : []));
    const p = pieces();
    expect(await findCandidates('一二', meta, p)).toEqual({ kind: 'ordinals', ordinals: yiEr, exact: true, top: '一二' });
    expect(p.fetched).toEqual([`shard ${gramShard('一二', 7)}`]);
    // Not for a query the index answers with a superset: 一二三 is not posted (一二 and 二三 are rare).
    expect(await findCandidates('一二三', meta, pieces())).toMatchObject({ kind: 'ordinals', exact: false });
    expect(await findCandidates('一二三', meta, pieces())).not.toHaveProperty('top');
  });

  it('intersects the grams of a longer query: a superset to check', async () => {
    const found = await findCandidates('乙智能', meta, pieces());
    // 上海乙智慧联智能 holds 乙智 and 智能 but not 乙智能.
    expect(found).toEqual({ kind: 'ordinals', ordinals: [5, 150], exact: false });
  });

  it('skips common grams while others remain, and checks every row when none does', async () => {
    expect(await findCandidates('甲乙数据服务有限公司', meta, pieces())).toMatchObject({ kind: 'ordinals', ordinals: [1999] });
    expect(await findCandidates('有限公司', meta, pieces())).toEqual({ kind: 'scan' });
  });

  it('names the top file of a query that is itself a common gram, and fetches nothing for it', async () => {
    const p = pieces();
    expect(await findCandidates('公司', meta, p)).toEqual({ kind: 'scan', top: '公司' });
    expect(await findCandidates('限公司', meta, p)).toEqual({ kind: 'scan', top: '限公司' });
    expect(await findCandidates('ltd', meta, p)).toEqual({ kind: 'scan', top: 'ltd' });
    expect(p.fetched).toEqual([]);
  });

  it('requires every word of a query: the intersection of each word’s candidates', async () => {
    expect(queryWords('北京  智能 北京')).toEqual(['北京', '智能']);
    // 甲乙 is held by rows 5 and 1999, 数据 by 1999 only, 北京 by 5, 智能 by 5 and 150.
    const p = pieces();
    expect(await findCandidates('甲乙 数据', meta, p)).toEqual({ kind: 'ordinals', ordinals: [1999], exact: true });
    expect(p.fetched.sort()).toEqual([...new Set(['甲乙', '数据'].map((g) => `shard ${gramShard(g, 7)}`))].sort());
    expect(await findCandidates('智能 北京', meta, pieces())).toEqual({ kind: 'ordinals', ordinals: [5], exact: true });
    // Words in either name: 深圳 in the Chinese, bingding in the English.
    expect(await findCandidates('深圳 bingding', meta, pieces())).toMatchObject({ kind: 'ordinals', ordinals: [777] });
    expect(await findCandidates('甲乙 戊己', meta, pieces())).toMatchObject({ kind: 'ordinals', ordinals: [] });
    // A common word narrows nothing: the other word's candidates, to be checked.
    expect(await findCandidates('有限公司 甲乙', meta, pieces())).toEqual({ kind: 'ordinals', ordinals: [5, 1999], exact: false });
    // A too-short word is checked on the other words' candidates.
    expect(await findCandidates('有 甲乙', meta, pieces())).toEqual({ kind: 'ordinals', ordinals: [5, 1999], exact: false });
    // Only common words: every row is checked; only too-short words: nothing to look up.
    expect(await findCandidates('有限公司 样本', meta, pieces())).toEqual({ kind: 'scan' });
    expect(await findCandidates('有 ab', meta, pieces())).toEqual({ kind: 'tooShort' });
    // An id word and a name word.
    expect(await findCandidates(`${FIRMS[777]!.id.slice(0, 8)} 深圳`, meta, pieces())).toMatchObject({ kind: 'ordinals', ordinals: [777] });
  });

  it('finds any part of an id from six characters through the id grams', async () => {
    const p = pieces();
    // The middle of 91440300MA03IJKL3Z: its first and last windows, then a check of the ids.
    expect(await findCandidates('ma03ijkl', meta, p)).toEqual({ kind: 'ordinals', ordinals: [777], exact: false });
    expect(p.fetched.sort()).toEqual([...new Set(['ma03ij', '03ijkl'].map((g) => `idg ${idGramFileOf(g, meta)}`))].sort());
    // Six characters: one window, exact.
    expect(await findCandidates('MA03IJ', meta, pieces())).toEqual({ kind: 'ordinals', ordinals: [777], exact: true });
    // The end of a filler's id (k = 2399: 9150 00102399 F9).
    const filler = rows.findIndex((r) => r.id === '915000102399F9');
    expect(await findCandidates('102399f9', meta, pieces())).toMatchObject({ kind: 'ordinals', ordinals: [filler] });
    // A window every filler shares is common: every row is checked.
    expect(await findCandidates('915000', meta, pieces())).toEqual({ kind: 'scan' });
    // Five characters or fewer: by prefix only.
    expect(await findCandidates('a03ij', meta, pieces())).toEqual({ kind: 'ordinals', ordinals: [], exact: true });
  });

  it('looks up the longest posted grams, in one round: the meta file says which are posted', async () => {
    // amp, mpl, ple and ampl, mple are common (the fillers' "Sample"); plex, lex and the
    // five-letter mplex (next to the common mple) are posted.
    for (const gram of ['amp', 'mpl', 'ple', 'ampl', 'mple', 'ample']) expect(meta.common).toContain(gram);
    const p = pieces();
    expect(await findCandidates('amplex', meta, p)).toEqual({ kind: 'ordinals', ordinals: [2350], exact: false });
    expect(p.fetched.sort()).toEqual(['mplex', 'plex', 'lex'].map((g) => `shard ${gramShard(g, 7)}`).sort());
  });

  it('asks for more than one character or two letters', async () => {
    for (const q of ['ab', '有', ' ']) expect((await findCandidates(q, meta, pieces())).kind, q).toBe(q === ' ' ? 'ordinals' : 'tooShort');
    // A rare character alone is posted.
    expect(await findCandidates('戊', meta, pieces())).toEqual({ kind: 'ordinals', ordinals: [2300], exact: true });
  });

  it('looks an id up by prefix in its id block, and only there', async () => {
    const p = pieces();
    const id = FIRMS[777]!.id;
    expect(isIdQuery(normaliseSearch(id))).toBe(true);
    // Below six characters (from six on, any part of an id matches: the id grams).
    const prefix = id.slice(0, 5).toLowerCase();
    expect(await findCandidates(prefix, meta, p)).toEqual({ kind: 'ordinals', ordinals: [777], exact: true });
    expect(p.fetched).toEqual([`id ${idBlocksFor(prefix, meta.idBlocks)[0]}`]);
    // A prefix falling in more than two blocks is too short to look up.
    expect(await findCandidates('91', { ...meta, idBlocks: ['910', '912', '914'] }, pieces())).toEqual({ kind: 'tooShort' });
  });
});

describe('helpers', () => {
  it('intersects ascending lists and decodes deltas', () => {
    expect(intersectSorted([[1, 3, 5, 7], [3, 4, 5], [0, 3, 5, 9]])).toEqual([3, 5]);
    expect(intersectSorted([[1, 2], []])).toEqual([]);
    expect(decodeDeltas([4, 1, 10])).toEqual([4, 5, 15]);
  });

  it('hashes a gram to the same shard everywhere', () => {
    expect(gramShard('科技', 1)).toBe(0);
    expect(gramShard('科技', 97)).toBe(gramShard('科技', 97));
    expect(new Set(['甲乙', '乙智', 'jia', 'iay', '号企'].map((g) => gramShard(g, 7))).size).toBeGreaterThan(1);
  });

  it('finds the id blocks a prefix may fall in', () => {
    const firsts = ['911', '913', '915'];
    expect(idBlocksFor('912', firsts)).toEqual([0]);
    expect(idBlocksFor('913', firsts)).toEqual([1]);
    expect(idBlocksFor('91', firsts)).toEqual([0, 1, 2]);
    expect(idBlocksFor('92', firsts)).toEqual([2]);
    expect(idBlocksFor('9', firsts)).toEqual([0, 1, 2]);
  });
});
