/**
 * Route paths of every page type, without language prefix or base path: pass them to
 * href(lang, path). One place, so links and getStaticPaths cannot disagree.
 */
export const routes = {
  home: () => '/',
  rankings: () => '/rankings/',
  /** National ranking of a year; page 1 has no /page/ segment. */
  national: (year: number, page = 1) => `/rankings/${year}/${page > 1 ? `page/${page}/` : ''}`,
  parkRanking: (year: number, code: string, page = 1) => `/rankings/${year}/parks/${code}/${page > 1 ? `page/${page}/` : ''}`,
  stageRanking: (year: number, stage: string, page = 1) => `/rankings/${year}/stages/${stage}/${page > 1 ? `page/${page}/` : ''}`,
  industryRanking: (year: number, slug: string, page = 1) => `/rankings/${year}/industries/${slug}/${page > 1 ? `page/${page}/` : ''}`,
  indicatorRanking: (year: number, indicator: string) => `/rankings/${year}/indicators/${indicator}/`,
  enterprise: (id: string) => `/enterprise/${id}/`,
  showcase: () => '/showcase/',
  showcaseEntry: (slug: string) => `/showcase/${slug}/`,
  showcaseFeed: () => '/showcase/rss.xml',
  stages: () => '/stages/',
  stage: (stage: string) => `/stages/${stage}/`,
  /** A stage's breakdown for an earlier year (the latest year is routes.stage). */
  stageYear: (stage: string, year: number) => `/stages/${stage}/${year}/`,
  parks: () => '/parks/',
  park: (code: string) => `/parks/${code}/`,
  /** The compare page; the firms are in its query (?ids=…). */
  compare: () => '/compare/',
  methodology: () => '/methodology/',
  openData: () => '/data/',
  /** Language-neutral download files (use withBase, not href). */
  download: (file: string) => `/downloads/${file}`,
} as const;
