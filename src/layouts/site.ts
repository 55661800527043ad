/**
 * The site identity the layout shows (header, footer, <title>, Open Graph). The data folder's
 * site.json supplies it (src/ingest/site-config.ts); any object of this shape works, and
 * DEFAULT_SITE is used when a page passes none.
 */
import { t, type Lang } from '../i18n/index.ts';

/** A text in both languages. */
export interface Localized {
  zh: string;
  en: string;
}

export interface SiteIdentity {
  title: Localized;
  publisher: Localized;
  /** E-mail address or postal contact; blank hides the footer entry. */
  contact: string;
  licence: Localized;
  /** Whether enterprise data is synthetic sample data (notice on every page); defaults to true. */
  sample_data?: boolean | undefined;
  /** When the data was published or last updated (YYYY-MM-DD), shown in the footer. */
  data_as_of?: string | undefined;
  /** The footer's note on the scoring model (a park's own model); absent: the reference model's note. */
  model_note?: Localized | undefined;
}

/** Both languages of a dictionary entry. */
function both(key: Parameters<typeof t>[1]): Localized {
  return { zh: t('zh', key), en: t('en', key) };
}

/** The identity used when the data folder names none. */
export const DEFAULT_SITE: SiteIdentity = {
  title: both('site.title'),
  publisher: both('site.publisher'),
  contact: '',
  licence: both('site.licence'),
  sample_data: true,
};

/** The text for a language. */
export function localized(text: Localized, lang: Lang): string {
  return text[lang];
}
