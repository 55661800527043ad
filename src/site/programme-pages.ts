/**
 * The programme pages' data: programmes.json's programmes (portal.ts) and their membership,
 * computed by src/site/programmes.ts from the published rows. Membership of one enterprise-year
 * reads only its own row, its stage cohort's size and its own timeline, so a build process that
 * renders only profiles (shard.ts) gives the same badges as the one that renders the lists.
 */
import { ACHIEVEMENT_METRICS } from '../ingest/achievement-metrics.ts';
import {
  achievements,
  cohortFor,
  enterpriseTimeline,
  indicatorIndex,
  model,
  paginate,
  parks,
  programmes,
  rowsForYear,
  site,
  years,
  type Achievement,
  type EnterpriseYear,
} from './portal.ts';
import {
  defaultScoreBands,
  isMember,
  membersOf,
  membershipChanges,
  noticeState,
  programmeRoutes,
  rankMembers,
  scoreBandCounts,
  type MembershipContext,
  type NoticeState,
  type Programme,
  type ScoreBandCount,
} from './programmes.ts';

export { programmes, programmeRoutes };
export type { Programme };

/** Membership's view of the portal's data. */
export const membershipContext: MembershipContext = {
  stageSize: (year, stage) => cohortFor(year, stage)?.size ?? 0,
  yearsScored: (id, year) => enterpriseTimeline(id).filter((t) => t.year <= year).length,
  indicatorIndex,
};

/** The programme with this id (throws on an unknown one: the paths come from the data). */
export function programmeById(id: string): Programme {
  const p = programmes.find((x) => x.id === id);
  if (!p) throw new Error(`unknown programme ${id}`);
  return p;
}

const memberCache = new Map<string, EnterpriseYear[]>();
/** A programme's members in a year, in published order (score, then id). Only in the process that builds the lists. */
export function members(p: Programme, year: number): EnterpriseYear[] {
  const key = `${p.id}|${year}`;
  let list = memberCache.get(key);
  if (!list) memberCache.set(key, (list = membersOf(p, year, rowsForYear(year), membershipContext)));
  return list;
}

/** The previous year the programme ran in, when it is the evaluation year just before (else null: no comparison). */
export function previousYearOf(p: Programme, year: number): number | null {
  return p.years.includes(year - 1) && years.includes(year - 1) ? year - 1 : null;
}

/** Entries and exits against the previous year (null in a programme's first year). Exits show their previous-year row. */
export function changesOf(p: Programme, year: number): { previous: number; entered: EnterpriseYear[]; exited: EnterpriseYear[] } | null {
  const previous = previousYearOf(p, year);
  if (previous === null) return null;
  return { previous, ...membershipChanges(members(p, previous), members(p, year)) };
}

/** The 公示期 of a programme's year and where it stands on the data's date (data_as_of). */
export function noticeOf(p: Programme, year: number): { start: string; end: string; state: NoticeState; asOf: string } | null {
  const period = p.notice[String(year)];
  if (!period) return null;
  const asOf = site.data_as_of ?? `${years[years.length - 1]}-12-31`;
  return { ...period, state: noticeState(period, asOf), asOf };
}

/** One programme-year page set: the programme, the year, its ranked members split into pages. */
export interface ProgrammePage {
  programme: Programme;
  year: number;
  page: number;
  pages: number;
  total: number;
  rows: { row: EnterpriseYear; rank: number }[];
}

/** Every programme page (each programme, each year, each page of members). */
export function programmePages(): ProgrammePage[] {
  return programmes.flatMap((programme) =>
    programme.years.flatMap((year) => {
      const ranked = rankMembers(members(programme, year));
      const chunks = paginate(ranked);
      return chunks.map((rows, i) => ({ programme, year, page: i + 1, pages: chunks.length, total: ranked.length, rows }));
    }),
  );
}

/**
 * The page routes the programmes add to the site (the sitemap's list), without language prefix:
 * the index and the finance page always (the navigation links to them), then every programme page.
 */
export function programmeSitePaths(): string[] {
  return [programmeRoutes.index(), ...programmePages().map((p) => programmeRoutes.programme(p.programme.id, p.year, p.page)), programmeRoutes.finance()];
}

/** The programmes an enterprise belongs to in each year it was scored, newest year first (no empty years). */
export function programmesOfEnterprise(id: string): { year: number; programmes: Programme[] }[] {
  if (programmes.length === 0) return [];
  const out: { year: number; programmes: Programme[] }[] = [];
  for (const { year, row } of [...enterpriseTimeline(id)].reverse()) {
    const list = programmes.filter((p) => isMember(p, row, year, membershipContext));
    if (list.length) out.push({ year, programmes: list });
  }
  return out;
}

/** One item of the feed of programme changes: a programme-year with its size and changes. */
export interface ProgrammeChange {
  programme: Programme;
  year: number;
  total: number;
  previous: number | null;
  entered: EnterpriseYear[];
  exited: EnterpriseYear[];
  /** The item's date: the 公示期's start when the year has one, else the data's date (data_as_of). */
  date: string;
}

/** Every programme-year, newest year first, then in file order: what the feed lists. */
export function programmeChanges(): ProgrammeChange[] {
  const out: ProgrammeChange[] = [];
  for (const year of [...years].reverse()) {
    for (const programme of programmes) {
      if (!programme.years.includes(year)) continue;
      const changes = changesOf(programme, year);
      const notice = noticeOf(programme, year);
      out.push({
        programme,
        year,
        total: members(programme, year).length,
        previous: changes?.previous ?? null,
        entered: changes?.entered ?? [],
        exited: changes?.exited ?? [],
        date: notice?.start ?? site.data_as_of ?? `${year + 1}-01-01`,
      });
    }
  }
  return out;
}

// --- 科技金融 (finance) ---

/** The achievements.csv metrics the finance page gathers: loans, credit, subsidies, risk pools, guarantees, fiscal support. */
export const FINANCE_METRICS = [
  'credit_granted',
  'enterprises_credited',
  'loans_disbursed',
  'loans_count',
  'bank_loans',
  'min_interest_rate',
  'interest_subsidy',
  'interest_subsidy_enterprises',
  'risk_pool',
  'guarantee_capital',
  'matchmaking_events',
  'fiscal_support',
  'fiscal_support_enterprises',
  'social_capital_leveraged',
].filter((m) => m in ACHIEVEMENT_METRICS);

/** Each park's reported finance figures, parks in parks.csv order, metrics in FINANCE_METRICS order; parks without any left out. */
export function financeParks(): { code: string; items: Achievement[] }[] {
  return parks
    .map((p) => ({
      code: p.code,
      items: achievements
        .filter((a) => a.park === p.code && FINANCE_METRICS.includes(a.metric))
        .sort((a, b) => FINANCE_METRICS.indexOf(a.metric) - FINANCE_METRICS.indexOf(b.metric)),
    }))
    .filter((p) => p.items.length > 0);
}

/** A finance programme's members in a year counted by score band (its score_bands, else ten equal bands of the scale). */
export function financeBands(p: Programme, year: number): ScoreBandCount[] {
  return scoreBandCounts(
    members(p, year).map((r) => r.score),
    p.scoreBands ?? defaultScoreBands(model.scale),
  );
}
