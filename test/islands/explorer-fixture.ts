// A hand-built year for the explorer's tests: a few firms with names chosen to exercise the
// search, padded with plain firms so the year is big enough to be searched through the index
// (more than SMALL_YEAR_ROWS rows) and so that "有限", "公司" and the like are common grams.
// The files are the ones the endpoints publish (explorerFiles: the real encoder and index
// builder), kept as JSON text for a fake fetch.
import { fillTemplate, type RankableRow, type RankingTables } from '../../src/wire/ranking-data.ts';
import { EXPLORER_PATHS, explorerFiles } from '../../src/publish/explorer-files.ts';
import type { SearchIndexOptions } from '../../src/publish/search-index.ts';

export const YEAR = 2024;
export const TABLES: RankingTables = { parks: ['alpha', 'beta', 'gamma'], stages: ['startup', 'growth', 'stable'], tagNames: ['高新技术企业', '专精特新'] };
/** Filler firms: enough for the index and for common grams (COMMON_MIN_ROWS is 1,000). */
export const FILLERS = 2400;

/** The firms the tests look for, by the ordinal (place in the national list) they get. */
export const FIRMS: Record<number, Partial<RankableRow> & { id: string; name: string }> = {
  5: { id: '91110000MA01ABCD1X', name: '北京甲乙智能科技有限公司', nameEn: 'Beijing Jiayi Intelligent Technology Co., Ltd.', park: 'beta', stage: 'stable' },
  // Holds 乙智 and 智能, but not 乙智能: a candidate for "乙智能" that only the name check removes.
  150: { id: '91310000MA02EFGH2Y', name: '上海乙智慧联智能装备有限公司', nameEn: 'Shanghai Yizhihui Smart Equipment Co., Ltd.', park: 'gamma' },
  777: { id: '91440300MA03IJKL3Z', name: '深圳丙丁生物医药股份有限公司', nameEn: 'Shenzhen Bingding Biomedicine Co., Ltd.', stage: 'startup' },
  1999: { id: '91330100MA04MNOP4A', name: '杭州甲乙数据服务有限公司', nameEn: 'Hangzhou Jiayi Data Services Co., Ltd.' },
  2300: { id: '91120000MA05QRST5B', name: '天津戊己新材料有限公司', nameEn: '', park: 'gamma', stage: 'growth' },
  // "Samplex": its trigrams and four-letter windows are as common as the fillers' "Sample"; five-letter windows pin it down.
  2350: { id: '91210000MA06UVWX6C', name: '大连庚辛精密仪器有限公司', nameEn: 'Dalian Samplex Instruments Co., Ltd.', park: 'alpha', stage: 'growth' },
};

const PARKS = ['alpha', 'beta', 'gamma'];
const STAGES = ['startup', 'growth', 'stable'];
/** Filler names: a number in Chinese digits, so they share only common grams with the firms above. */
const DIGITS = '〇一二三四五六七八九';
const chineseNumber = (k: number) => [...String(k)].map((d) => DIGITS[Number(d)]).join('');

/** The year's rows in published order (rank, then id); every 7th pair ties on score. */
export function fixtureRows(): RankableRow[] {
  const total = FILLERS + Object.keys(FIRMS).length;
  const rows: RankableRow[] = [];
  let filler = 0;
  for (let i = 0; i < total; i++) {
    const firm = FIRMS[i];
    const k = firm ? i : filler++;
    const score = 900 - Math.floor(i / 2) * 0.25 - (i % 7 === 1 ? 0 : (i % 2) * 0.1);
    rows.push({
      id: firm?.id ?? `9150${String(100000 + k).padStart(8, '0')}F${String(k % 10)}`,
      name: firm?.name ?? `样本${chineseNumber(k)}号企业有限公司`,
      nameEn: firm?.nameEn ?? (k % 3 === 0 ? '' : `Sample No. ${k} Enterprise Co., Ltd.`),
      park: firm?.park ?? PARKS[k % 3]!,
      industry: ['新材料', '生物医药', '高端装备'][k % 3]!,
      tags: k % 5 === 0 ? ['专精特新'] : [],
      stage: firm?.stage ?? STAGES[(k >> 1) % 3]!,
      score,
      rankNational: 0,
      rankChange: k % 4 === 0 ? null : (k % 11) - 5,
      scoreChange: k % 4 === 0 ? null : ((k % 13) - 6) * 1.5,
    });
  }
  // Published order: score descending (competition ranks), then id.
  rows.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  rows.forEach((r, i) => (r.rankNational = i > 0 && r.score === rows[i - 1]!.score ? rows[i - 1]!.rankNational : i + 1));
  return rows;
}

/** URL templates as the hub page gives them, under a base path. */
export const URLS = Object.fromEntries(Object.entries(EXPLORER_PATHS).map(([k, p]) => [k, `/base${p}`])) as Record<keyof typeof EXPLORER_PATHS, string>;

/** Every file of the year, path (with base) → JSON text, as the endpoints write them. */
export function fixtureFiles(rows: readonly RankableRow[], options: SearchIndexOptions = {}): Map<string, string> {
  const files = new Map<string, string>();
  for (const [path, data] of explorerFiles(YEAR, rows, TABLES, options)) files.set(`/base${path}`, JSON.stringify(data));
  return files;
}

/** The URL of one file of the fixture year. */
export const urlOf = (kind: keyof typeof EXPLORER_PATHS, n: number | string = '') => `/base${fillTemplate(EXPLORER_PATHS[kind], { year: String(YEAR), n: String(n), code: String(n) })}`;
