/**
 * Small pure helpers of the showcase column: dates for RSS, an entry's
 * headline in a language, and XML escaping for the feeds.
 */
import type { ShowcaseEntry } from '../../site/portal.ts';
import type { Lang } from '../../i18n/index.ts';

const DAYS_RFC = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS_RFC = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * An RFC 822 date for RSS from a YYYY-MM-DD publication date, at midnight China Standard
 * Time (the entries are dated in China): "Mon, 20 May 2024 00:00:00 +0800".
 */
export function rfc822Date(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = String(d.getUTCDate()).padStart(2, '0');
  return `${DAYS_RFC[d.getUTCDay()]}, ${day} ${MONTHS_RFC[d.getUTCMonth()]} ${d.getUTCFullYear()} 00:00:00 +0800`;
}

/** The headline in a language, and the language it is actually written in (English pages fall back to Chinese). */
export function entryTitle(lang: Lang, entry: ShowcaseEntry): { text: string; lang: Lang } {
  return lang === 'en' && entry.titleEn ? { text: entry.titleEn, lang: 'en' } : { text: entry.title, lang: 'zh' };
}

/**
 * The summary in a language, and the language it is written in: in English summary_en, else
 * the English body's first paragraph, else the Chinese summary; null when there is none.
 */
export function entrySummary(lang: Lang, entry: ShowcaseEntry): { text: string; lang: Lang } | null {
  if (lang === 'en' && entry.summaryEn) return { text: entry.summaryEn, lang: 'en' };
  if (lang === 'en' && entry.excerptEn) return { text: entry.excerptEn, lang: 'en' };
  return entry.summary ? { text: entry.summary, lang: 'zh' } : null;
}

