/**
 * `programmes.json` in the data folder (optional): the programmes a park runs on the scores —
 * tiered lists (榜单), cultivation pools (培育库) and score-linked finance (积分贷, whitelists) —
 * declared as data: a name, a kind, the years and a rule over published quantities only
 * (scoring-model.md §7). Membership is computed by src/site/programmes.ts from the published
 * rows; this module only reads and validates the file, with every problem located
 * (`data/programmes.json: programmes[2].rule.stage_top_percent: …`).
 */
import { z } from 'zod';
import { TAGS } from '../core/vocabulary.ts';
import type { Model } from './model.ts';

/** The file's name inside a data folder. */
export const PROGRAMMES_FILE = 'programmes.json';

/** 榜单 (a published list), 培育库 (a cultivation pool), a finance product or whitelist. */
export const PROGRAMME_KINDS = ['list', 'pool', 'finance'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

const localized = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();

/** A calendar date written YYYY-MM-DD that exists (no 2024-02-30). */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD (e.g. "2024-03-15")')
  .refine((d) => {
    const date = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === d;
  }, 'is not a calendar date');

const period = z
  .object({ start: isoDate, end: isoDate })
  .strict()
  .refine((p) => p.start <= p.end, 'start must not be after end');

const percent = z.number().min(0, 'must be a percentage from 0 to 100').max(100, 'must be a percentage from 0 to 100');
const rankLimit = z.number().int('must be a whole number (a rank)').min(1, 'must be a rank of at least 1');
const tag = z.enum(TAGS, { error: `must be one of the designations ${TAGS.join(', ')}` });

const indicatorCondition = z
  .object({
    id: z.string().min(1),
    min_value: z.number().optional().describe('the reported value is at least this'),
    min_s: z.number().min(0).max(1).optional().describe('the normalised value s (0–1) is at least this'),
    min_points: z.number().min(0).optional().describe('the indicator’s points are at least this'),
  })
  .strict()
  .refine((c) => c.min_value !== undefined || c.min_s !== undefined || c.min_points !== undefined, 'needs min_value, min_s or min_points');

/** The keys a rule may use. Every condition given must hold (they are joined by "and"). */
export const RULE_KEYS = [
  'stages',
  'stage_top_percent',
  'min_score',
  'max_score',
  'max_rank_national',
  'max_rank_park',
  'max_rank_stage',
  'tags_any',
  'tags_all',
  'parks',
  'industries',
  'min_years',
  'min_score_change',
  'indicators',
] as const;

const ruleSchema = z
  .object({
    stages: z.array(z.string().min(1)).min(1).optional().describe('stage ids: only enterprises of these stages'),
    stage_top_percent: z
      .tuple([percent, percent])
      .refine(([from, to]) => from < to, 'must be [from, to] with from below to (e.g. [0, 5] for the top 5 %, [5, 10] for 5–10 %)')
      .optional()
      .describe('position in the year × stage cohort by score: the share of the stage strictly higher, in percent, in [from, to)'),
    min_score: z.number().min(0).optional().describe('score at least this'),
    max_score: z.number().min(0).optional().describe('score at most this'),
    max_rank_national: rankLimit.optional(),
    max_rank_park: rankLimit.optional(),
    max_rank_stage: rankLimit.optional(),
    tags_any: z.array(tag).min(1).optional().describe('holds at least one of these designations'),
    tags_all: z.array(tag).min(1).optional().describe('holds every one of these designations'),
    parks: z.array(z.string().min(1)).min(1).optional().describe('park codes'),
    industries: z.array(z.string().min(1)).min(1).optional().describe('industries as written in enterprises.csv'),
    min_years: z.number().int().min(1).optional().describe('scored in at least this many evaluation years up to the year'),
    min_score_change: z.number().optional().describe('score change on the previous year at least this (no previous year: not a member)'),
    indicators: z.array(indicatorCondition).min(1).optional().describe('conditions on public indicators'),
  })
  .strict()
  .refine((r) => Object.keys(r).length > 0, 'needs at least one condition (an empty rule would take in every enterprise)');

const programmeSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens (it becomes the URL, e.g. "leading-list")'),
    kind: z.enum(PROGRAMME_KINDS, { error: 'must be "list" (榜单), "pool" (培育库) or "finance" (a loan product or whitelist)' }),
    name: localized,
    description: localized,
    years: z.array(z.number().int()).min(1).optional().describe('evaluation years it applies to; absent: every year of the data'),
    rule: ruleSchema,
    notice: z
      .record(z.string().regex(/^\d{4}$/, 'must be keyed by evaluation year ("2023")'), period)
      .optional()
      .describe('list kinds: the 公示期 (public-notice period) of each year’s list, keyed by evaluation year'),
    score_bands: z
      .array(z.number().min(0))
      .min(1)
      .refine((b) => b.every((x, i) => i === 0 || x > b[i - 1]!), 'must increase')
      .optional()
      .describe('lower bounds of the score bands members are counted in (e.g. a loan’s rate tiers); default ten equal bands of the scale'),
  })
  .strict();

const fileSchema = z.object({ programmes: z.array(programmeSchema) }).strict();

export type ProgrammeRule = z.infer<typeof ruleSchema>;
export type IndicatorCondition = z.infer<typeof indicatorCondition>;
export type NoticePeriod = z.infer<typeof period>;

/** A validated programme; `years` resolved (ascending, every data year when the file gave none). */
export interface Programme {
  id: string;
  kind: ProgrammeKind;
  name: { zh: string; en: string };
  description: { zh: string; en: string };
  years: number[];
  rule: ProgrammeRule;
  /** 公示期 per evaluation year ("2023"), list kinds only. */
  notice: Record<string, NoticePeriod>;
  scoreBands: number[] | null;
}

/** What the file is checked against: the model (stages, indicators, privacy), park codes and the data's years. */
export interface ProgrammeContext {
  model: Model | null;
  parks: ReadonlySet<string>;
  years: readonly number[];
}

/** A zod issue path as written in messages: programmes[2].rule.stage_top_percent. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out || '(top level)';
}

/** Raw enterprises.csv columns that are confidential (scoring-model.md §7), for the hint on a rule key naming one. */
const CONFIDENTIAL_COLUMNS = [
  'revenue',
  'rd_expense',
  'net_profit',
  'net_assets',
  'employees',
  'st_staff',
  'postgrad_staff',
  'tech_contract_value',
  'high_tech_revenue',
  'rd_tax_deduction',
  'vc_investment',
  'private_pts',
];

const privacyReason = 'membership would reveal it (scoring-model.md §7: it is not published); rules may use only published quantities';

/**
 * Parses and validates programmes.json's text. Returns the programmes, or every problem as
 * `${file}: path: message`.
 * Long: the schema check, then each cross-field rule (years, ids, notice periods, privacy)
 * in the order README's programmes section documents them, each adding its located errors.
 */
export function parseProgrammes(text: string, file: string, ctx: ProgrammeContext): { programmes: Programme[]; errors: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { programmes: [], errors: [`${file}:1: is not valid JSON: ${(e as Error).message}`] };
  }
  const errors: string[] = [];
  const at = (path: readonly PropertyKey[], message: string) => errors.push(`${file}: ${formatPath(path)}: ${message}`);
  const privateIds = new Set(ctx.model?.indicators.filter((i) => !i.public).map((i) => i.id) ?? []);
  const r = fileSchema.safeParse(json);
  if (!r.success) {
    // A rule of unknown keys only is also "empty": its unknown keys say enough.
    const withUnknownKeys = new Set(r.error.issues.filter((i) => i.code === 'unrecognized_keys').map((i) => formatPath(i.path)));
    for (const issue of r.error.issues) {
      if (issue.code === 'custom' && withUnknownKeys.has(formatPath(issue.path))) continue;
      const inRule = issue.path.length === 3 && issue.path[2] === 'rule';
      if (issue.code === 'unrecognized_keys' && inRule) {
        for (const key of issue.keys) {
          const confidential = [...privateIds, ...CONFIDENTIAL_COLUMNS].find((name) => key.includes(name));
          if (confidential) at([...issue.path, key], `uses the confidential quantity "${confidential}": ${privacyReason}`);
          else at([...issue.path, key], `is not a rule condition; a rule may use ${RULE_KEYS.join(', ')}`);
        }
      } else at(issue.path, issue.message);
    }
    return { programmes: [], errors };
  }

  const model = ctx.model;
  const stageIds = model ? new Set(model.stages.map((s) => s.id)) : null;
  const seen = new Set<string>();
  const programmes: Programme[] = [];
  r.data.programmes.forEach((p, i) => {
    const here = ['programmes', i];
    if (seen.has(p.id)) at([...here, 'id'], `"${p.id}" is used by an earlier programme; ids must be unique`);
    seen.add(p.id);
    const years = p.years ? [...new Set(p.years)].sort((a, b) => a - b) : [...ctx.years];
    for (const y of p.years ?? []) {
      if (!ctx.years.includes(y)) at([...here, 'years'], `${y} has no enterprise data (the data's years: ${ctx.years.join(', ')})`);
    }
    const rule = p.rule;
    const inRule = [...here, 'rule'];
    if (stageIds) {
      rule.stages?.forEach((s, k) => {
        if (!stageIds.has(s)) at([...inRule, 'stages', k], `"${s}" is not a stage of the model (${[...stageIds].join(', ')})`);
      });
    }
    rule.parks?.forEach((code, k) => {
      if (!ctx.parks.has(code)) at([...inRule, 'parks', k], `"${code}" is not a park code of parks.csv`);
    });
    if (rule.min_score !== undefined && rule.max_score !== undefined && rule.min_score > rule.max_score) {
      at([...inRule, 'max_score'], `must not be below min_score (${rule.min_score})`);
    }
    if (model && !model.privacy.public_tags) {
      for (const key of ['tags_any', 'tags_all'] as const) {
        if (rule[key]) at([...inRule, key], `the model does not publish designations (privacy.public_tags is false): ${privacyReason}`);
      }
    }
    if (model) {
      rule.indicators?.forEach((c, k) => {
        const ind = model.indicators.find((x) => x.id === c.id);
        if (!ind) at([...inRule, 'indicators', k, 'id'], `"${c.id}" is not an indicator of the model`);
        else if (!ind.public) {
          at(
            [...inRule, 'indicators', k, 'id'],
            `"${c.id}" (${ind.name.zh}) is a private indicator: ${privacyReason}; public indicators: ${model.indicators
              .filter((x) => x.public)
              .map((x) => x.id)
              .join(', ')}`,
          );
        }
      });
      if (p.score_bands && p.score_bands[p.score_bands.length - 1]! >= model.scale) {
        at([...here, 'score_bands'], `must stay below the model's scale (${model.scale})`);
      }
    }
    if (p.notice && Object.keys(p.notice).length > 0) {
      if (p.kind !== 'list') at([...here, 'notice'], `only lists (kind "list") have a 公示期; this programme is a ${p.kind}`);
      for (const key of Object.keys(p.notice)) {
        if (!years.includes(Number(key))) at([...here, 'notice', key], `${key} is not one of the programme's years (${years.join(', ')})`);
      }
    }
    programmes.push({
      id: p.id,
      kind: p.kind,
      name: p.name,
      description: p.description,
      years,
      rule,
      notice: p.notice ?? {},
      scoreBands: p.score_bands ?? null,
    });
  });
  return errors.length ? { programmes: [], errors } : { programmes, errors };
}

/**
 * The hook of load.ts: parses the file's bytes (null when the folder has none: no programmes)
 * and adds its problems to `errors`.
 */
export function readProgrammes(
  bytes: Uint8Array | null,
  file: string,
  model: Model | null,
  parks: ReadonlySet<string>,
  rows: readonly { year: number }[],
  errors: string[],
): Programme[] {
  if (!bytes) return [];
  const years = new Set<number>();
  for (const r of rows) years.add(r.year);
  const ctx: ProgrammeContext = { model, parks, years: [...years].sort((a, b) => a - b) };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    errors.push(`${file}:1: is not UTF-8 text`);
    return [];
  }
  const r = parseProgrammes(text, file, ctx);
  errors.push(...r.errors);
  return r.programmes;
}
