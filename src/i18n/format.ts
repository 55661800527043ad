/**
 * Locale-aware number, money and change formatting for the portal.
 *
 * Pure and deterministic: numbers are formatted by hand (no Intl, no dependence on the
 * machine's ICU data or default locale), so two builds anywhere produce the same bytes.
 * zh-CN and en-GB share the separators used here: "," for thousands, "." for decimals.
 * Rounding is half away from zero on the decimal value, with the scorer's own function
 * (src/core/round.ts), so 1.005 shows as "1.01".
 */
import type { Lang } from './lang.ts';
import { zh } from './zh.ts';
import { en } from './en.ts';
import { roundHalfAway } from '../core/round.ts';

const MISSING = '—';
/** The mark of an unchanged rank in a change cell. */
export const SAME_MARK = '=';

const LABELS = { zh, en } as const;

type LabelKey = keyof typeof zh;

function label(lang: Lang, key: LabelKey, n: string): string {
  return LABELS[lang][key].replace('{n}', n);
}

interface Separators {
  group: string;
  decimal: string;
}

const SEPARATORS: Record<Lang, Separators> = {
  zh: { group: ',', decimal: '.' },
  en: { group: ',', decimal: '.' },
};

/** Rounds half away from zero to `digits` decimals, never to -0: the scorer's rule and function. */
export const roundHalfAwayFromZero: (n: number, digits: number) => number = roundHalfAway;

/** Multiplies by 10^k exactly on the decimal representation: unit changes of money (万元 → 亿元). */
function shiftDecimal(n: number, k: number): number {
  const [mantissa, exponent = '0'] = String(n).split('e');
  return Number(`${mantissa}e${Number(exponent) + k}`);
}

function groupThousands(integer: string, group: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, group);
}

/**
 * Formats with thousands separators. With `digits`, exactly that many decimals; without,
 * at most two decimals with trailing zeros dropped (1234.5 → "1,234.5", 3 → "3").
 * Non-finite input gives "—".
 */
export function formatNumber(lang: Lang, n: number, digits?: number): string {
  if (!Number.isFinite(n)) return MISSING;
  const { group, decimal } = SEPARATORS[lang];
  const places = digits ?? 2;
  const rounded = roundHalfAwayFromZero(n, places);
  // Called for nearly every number of every page: plain string work, a regular expression only
  // for thousands.
  const text = Math.abs(rounded).toFixed(places);
  const dot = places > 0 ? text.length - places - 1 : text.length;
  let integer = text.slice(0, dot);
  let fraction = places > 0 ? text.slice(dot + 1) : '';
  if (digits === undefined) {
    let end = fraction.length;
    while (end > 0 && fraction.charCodeAt(end - 1) === 48) end--;
    fraction = fraction.slice(0, end);
  }
  if (integer.length > 3) integer = groupThousands(integer, group);
  const sign = rounded < 0 ? '-' : '';
  return sign + integer + (fraction ? decimal + fraction : '');
}

/** A score on the 1000-point scale: always two decimals ("1,000.00", "512.30"). */
export function formatScore(lang: Lang, n: number): string {
  return formatNumber(lang, n, 2);
}

/** A value already in percent (12.5 → "12.5%"), with `digits` decimals. */
export function formatPercent(lang: Lang, percent: number, digits = 1): string {
  if (!Number.isFinite(percent)) return MISSING;
  return `${formatNumber(lang, percent, digits)}%`;
}

/** A fraction of one shown as a percentage (0.125 → "12.5%"), e.g. a normalised value s. */
export function formatShare(lang: Lang, fraction: number, digits = 1): string {
  if (!Number.isFinite(fraction)) return MISSING;
  return formatPercent(lang, fraction * 100, digits);
}

/**
 * Money given in 万元. `fixed` gives two decimals on the 亿元 / m / bn scale (tables);
 * otherwise decimals are trimmed (reported figures: "5 亿元" rather than "5.00 亿元").
 */
function moneyFromWan(lang: Lang, wan: number, fixed: boolean): string {
  if (!Number.isFinite(wan)) return MISSING;
  const digits = fixed ? 2 : undefined;
  const size = Math.abs(wan);
  if (lang === 'zh') {
    // 1 亿 = 10,000 万
    if (size >= 10_000) return `${formatNumber(lang, shiftDecimal(wan, -4), digits)} 亿元`;
    return `${formatNumber(lang, wan)} 万元`;
  }
  // 1 万元 = CNY 10,000, so CNY m = 万元 / 100 and CNY bn = 万元 / 100,000.
  if (size >= 100_000) return `CNY ${formatNumber(lang, shiftDecimal(wan, -5), digits)} bn`;
  if (size >= 100) return `CNY ${formatNumber(lang, shiftDecimal(wan, -2), digits)} m`;
  return `CNY ${formatNumber(lang, shiftDecimal(wan, 4), 0)}`;
}

/**
 * An amount in 万元 (the dataset's money unit) for display.
 * zh: "1,234.5 万元" below 10,000 万元, "12.35 亿元" from there.
 * en: "CNY 50,000" below CNY 1 m, "CNY 12.35 m", "CNY 1.24 bn" from CNY 1 bn.
 */
export function formatMoneyWan(lang: Lang, wan: number): string {
  return moneyFromWan(lang, wan, true);
}

/** Units used in achievements.csv, with their English singular and plural. */
const COUNT_UNITS_EN: Record<string, [singular: string, plural: string]> = {
  家: ['firm', 'firms'],
  项: ['indicator', 'indicators'],
  笔: ['loan', 'loans'],
  场: ['event', 'events'],
  个: ['item', 'items'],
  人: ['person', 'people'],
};

/**
 * A reported achievement figure with its unit as written in achievements.csv
 * (家, 万元, 亿元, %, 项, 笔, 场). Money is converted to the reader's scale
 * (zh 万元/亿元, en CNY m/bn); counts get English nouns. Unknown units are appended as is.
 */
export function formatReportedValue(lang: Lang, value: number, unit: string): string {
  if (!Number.isFinite(value)) return MISSING;
  const u = unit.trim();
  if (u === '万元') return moneyFromWan(lang, value, false);
  if (u === '亿元') return moneyFromWan(lang, shiftDecimal(value, 4), false);
  if (u === '%') return `${formatNumber(lang, value)}%`;
  const number = formatNumber(lang, value);
  if (u === '') return number;
  if (lang === 'en') {
    const nouns = COUNT_UNITS_EN[u];
    if (nouns) return `${number} ${value === 1 ? nouns[0] : nouns[1]}`;
  }
  return `${number} ${u}`;
}

/** How a change reads: an arrow or sign for the table, a sentence for screen readers. */
export interface ChangeDisplay {
  /** Short text for a table cell: "↑12", "↓3", "+4.50", "—". */
  text: string;
  /** Full phrase: "上升 12 位", "up 12 places", "无上年数据". */
  label: string;
  /** up = better (higher score or a smaller rank number). none = no previous year. */
  direction: 'up' | 'down' | 'same' | 'none';
}

/**
 * A year-over-year rank change, where change = current rank − previous rank,
 * so a negative change means the enterprise moved up. Blank (null) means no previous year.
 */
export function formatRankChange(lang: Lang, change: number | null | undefined): ChangeDisplay {
  // Distinct marks: "新"/"new" for no previous year, "=" for an unchanged rank (both were "—").
  if (change === null || change === undefined || !Number.isFinite(change)) {
    return { text: LABELS[lang]['change.newMark'], label: LABELS[lang]['change.none'], direction: 'none' };
  }
  if (change === 0) {
    return { text: SAME_MARK, label: LABELS[lang]['change.rankSame'], direction: 'same' };
  }
  const places = formatNumber(lang, Math.abs(change), 0);
  const one = Math.abs(change) === 1;
  if (change < 0) {
    const phrase = one ? LABELS[lang]['change.rankUpOne'] : label(lang, 'change.rankUp', places);
    return { text: `↑${places}`, label: phrase, direction: 'up' };
  }
  const phrase = one ? LABELS[lang]['change.rankDownOne'] : label(lang, 'change.rankDown', places);
  return { text: `↓${places}`, label: phrase, direction: 'down' };
}

/** A year-over-year score change (current − previous), two decimals with a sign. */
export function formatScoreChange(lang: Lang, change: number | null | undefined): ChangeDisplay {
  if (change === null || change === undefined || !Number.isFinite(change)) {
    return { text: LABELS[lang]['change.newMark'], label: LABELS[lang]['change.none'], direction: 'none' };
  }
  const rounded = roundHalfAwayFromZero(change, 2);
  const size = formatScore(lang, Math.abs(rounded));
  if (rounded === 0) {
    return { text: formatScore(lang, 0), label: LABELS[lang]['change.scoreSame'], direction: 'same' };
  }
  if (rounded > 0) {
    return { text: `+${size}`, label: label(lang, 'change.scoreUp', size), direction: 'up' };
  }
  return { text: `-${size}`, label: label(lang, 'change.scoreDown', size), direction: 'down' };
}

/** A rank position: "第 3 名" / "No. 3". */
export function formatRank(lang: Lang, rank: number): string {
  return label(lang, 'rank.ordinal', formatNumber(lang, rank, 0));
}

const MONTHS_EN = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/**
 * A date of the form "YYYY" or "YYYY-MM" (achievements' as_of): "2023年7月" / "July 2023".
 * Anything else is returned unchanged.
 */
export function formatYearMonth(lang: Lang, asOf: string): string {
  const match = /^(\d{4})(?:-(\d{2}))?$/.exec(asOf.trim());
  if (!match) return asOf;
  const year = match[1] ?? '';
  const month = match[2] === undefined ? undefined : Number(match[2]);
  if (month === undefined) return lang === 'zh' ? `${year}年` : year;
  if (month < 1 || month > 12) return asOf;
  return lang === 'zh' ? `${year}年${month}月` : `${MONTHS_EN[month - 1]} ${year}`;
}

/** A date written YYYY-MM-DD for readers: "2023年12月31日" / "31 December 2023". Anything else is returned unchanged. */
export function formatDate(lang: Lang, iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!match) return iso;
  const [year, month, day] = [match[1]!, Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return iso;
  return lang === 'zh' ? `${year}年${month}月${day}日` : `${day} ${MONTHS_EN[month - 1]} ${year}`;
}
