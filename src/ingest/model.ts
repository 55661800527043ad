import { z } from 'zod';

import { COLUMN_ALIASES, ENTERPRISE_COLUMNS, NUMERIC_COLUMNS, TAGS } from '../core/vocabulary.ts';

/** Raw numeric columns of enterprises.csv that a model may reference: the vocabulary's. */
export { NUMERIC_COLUMNS, type NumericColumn } from '../core/vocabulary.ts';

const localized = z
  .object({
    zh: z.string().min(1).describe('Chinese text'),
    en: z.string().min(1).describe('English text'),
  })
  .describe('A text in both site languages');

const identifier = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'must be lower-case letters, digits and _ (e.g. "rd_expense")');

/** A raw column a model reads: a numeric column of enterprises.csv, or one the model declares in `columns` (checked below). */
const column = z.string().describe('a numeric column of enterprises.csv or a column declared in "columns"');

/** A raw column the model declares (dataset.md, "Columns the model declares"). */
const declaredColumnSchema = z
  .object({
    id: identifier.describe('the column id; a header may give it, its name.zh or an alias'),
    name: localized,
    unit: z
      .enum(['wan_yuan', 'count', 'percent', 'number'])
      .describe('wan_yuan: money in 万元; count: a whole number; percent: percentage points (12.5 = 12.5 %); number: any decimal'),
    public: z.boolean().describe('false: only private indicators may read it, so its figures are never published (scoring-model.md §7)'),
    min: z.number().nullable().optional().describe('inclusive lower bound; default 0 for wan_yuan and count, none otherwise; null: none'),
    max: z.number().optional().describe('inclusive upper bound'),
    aliases: z.array(z.string().min(1)).optional().describe('more header names for the column'),
  })
  .strict();

const bound = z
  .object({
    min: z.number().optional().describe('inclusive lower bound'),
    max: z.number().optional().describe('inclusive upper bound'),
  })
  .strict();

const stageSchema = z
  .object({
    id: identifier.describe('stable key used in URLs and scores.csv'),
    name: localized,
    description: localized.optional().describe('the rule in words, shown on the methodology page'),
    rule: z
      .object({
        age: bound.optional().describe('age = evaluation year − founding year, in whole years'),
        revenue: bound.optional().describe('营业收入 in 万元; a row with blank revenue never matches a revenue bound'),
      })
      .strict()
      .describe('all bounds given must hold; an empty rule matches every row'),
  })
  .strict();

const valueSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('column'), column }).strict(),
  z
    .object({
      kind: z.literal('ratio'),
      numerator: column,
      denominator: column,
      nonpositive_denominator: z
        .enum(['blank', 'unbounded_if_positive'])
        .describe('denominator ≤ 0: blank, or unbounded when numerator > 0 and 0 otherwise'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('growth'),
      current: column,
      previous: column,
      without_base: z
        .enum(['impute_median', 'full'])
        .optional()
        .describe(
          'previous ≤ 0 and current > 0 (无基数): "impute_median" (reference model 1.1) scores s = the median s of the cohort’s computable growth values, 0 when there are none; "full" (model 1.0) counts the value as unbounded, s = 1. Absent means "full", whatever the model’s version, so a model file written for 1.0 keeps its results; the reference model states "impute_median"',
        ),
    })
    .strict(),
]);

const methodSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('benchmark'),
      p: z.number().min(0).max(1),
      zero_benchmark: z
        .enum(['positive_values', 'full'])
        .optional()
        .describe(
          'when the cohort’s Q(p) ≤ 0 (a sparse indicator): "positive_values" (reference model 1.1) takes Q(p) of the cohort’s positive values as the benchmark; "full" (model 1.0) gives s = 1 to every positive value. Absent means "full", whatever the model’s version, so a model file written for 1.0 keeps its results; the reference model states "positive_values"',
        ),
    })
    .strict(),
  z
    .object({ kind: z.literal('range'), lo: z.number().min(0).max(1), hi: z.number().min(0).max(1) })
    .strict()
    .refine((m) => m.lo < m.hi, 'lo must be below hi'),
  z
    .object({ kind: z.literal('fixed'), lo: z.number(), hi: z.number() })
    .strict()
    .refine((m) => m.lo < m.hi, 'lo must be below hi'),
  z
    .object({
      kind: z.literal('steps'),
      steps: z
        .array(z.object({ at: z.number(), s: z.number().min(0).max(1) }).strict())
        .min(1)
        .refine((steps) => steps.every((step, i) => i === 0 || step.at > steps[i - 1]!.at), 'thresholds must increase'),
    })
    .strict(),
]);

const indicatorSchema = z
  .object({
    id: identifier,
    name: localized,
    category: identifier,
    unit: z.enum(['wan_yuan', 'percent', 'count']).describe('how the raw value is measured'),
    value: valueSchema,
    method: methodSchema,
    weights: z.record(z.string(), z.number().min(0)).describe('points available per stage id'),
    public: z.boolean().describe('whether the raw value may be published'),
    direction: z
      .enum(['higher', 'lower'])
      .optional()
      .describe(
        '"lower" for a reverse indicator (逆向指标): lower values score higher (benchmark: s = B ÷ x with B = Q(p), p ≤ 0.5; range: s = (H − x) ÷ (H − L); fixed: s = (hi − x) ÷ (hi − lo); steps: the s of the first threshold ≥ x). Absent means "higher"',
      ),
  })
  .strict();

/** A bonus item (加分项): points beyond the scale from a column or a designation (tag). */
const bonusItemSchema = z
  .object({
    id: identifier,
    name: localized,
    column: column.optional().describe('points = points_each × the column’s value (blank: 0)'),
    tag: z.string().min(1).optional().describe('points = points_each when the enterprise holds this designation'),
    points_each: z.number().min(0),
    max: z.number().min(0).describe('the most this item can add'),
  })
  .strict()
  .refine((b) => (b.column === undefined) !== (b.tag === undefined), 'give either "column" or "tag", not both');

/** A veto rule (一票否决): a column condition or a designation that excludes a firm-year from the rankings. */
const vetoRuleSchema = z
  .object({
    id: identifier,
    reason: localized.describe('published in words on the firm’s profile; never the figure behind it'),
    column: column.optional(),
    min: z.number().optional().describe('vetoed when the column’s value ≥ min (a blank value never vetoes)'),
    max: z.number().optional().describe('vetoed when the column’s value ≤ max'),
    tag: z.string().min(1).optional().describe('vetoed when the enterprise holds this designation'),
  })
  .strict()
  .refine((v) => (v.column === undefined) !== (v.tag === undefined), 'give either "column" or "tag", not both')
  .refine((v) => v.column === undefined || v.min !== undefined || v.max !== undefined, 'a column rule needs "min" or "max"')
  .refine((v) => v.tag === undefined || (v.min === undefined && v.max === undefined), 'a tag rule takes no "min" or "max"');

const modelSchemaBase = z
  .object({
    id: z.string().min(1),
    version: z.string().min(1),
    name: localized,
    note: localized.describe('what the model is and where its weights come from'),
    scale: z.number().positive().describe('the maximum score; every stage’s weights sum to it'),
    stages: z.array(stageSchema).min(1),
    categories: z.array(z.object({ id: identifier, name: localized }).strict()).min(1),
    indicators: z.array(indicatorSchema).min(1),
    columns: z
      .array(declaredColumnSchema)
      .optional()
      .describe('raw columns of enterprises.* beyond the built-in ones, for local indicators; absent: none'),
    deduction: z
      .object({
        column,
        points_each: z.number().min(0),
        max: z.number().min(0),
        name: localized,
      })
      .strict(),
    bonus: z
      .object({
        max: z.number().min(0).describe('the most all bonus items together can add'),
        items: z.array(bonusItemSchema).min(1),
      })
      .strict()
      .optional()
      .describe('bonus items (加分项): score = base points + bonus − deduction; absent: none'),
    veto: z.array(vetoRuleSchema).optional().describe('veto rules (一票否决): a matching firm-year is not scored or ranked; absent: none'),
    sheets: z
      .object({
        parks: z.string().min(1).optional(),
        enterprises: z.string().min(1).optional(),
        achievements: z.string().min(1).optional(),
      })
      .strict()
      .optional()
      .describe('the sheet of parks.xlsx, enterprises.xlsx and achievements.xlsx that holds each table (e.g. {"enterprises": "企业数据"}); absent: the first visible sheet'),
    privacy: z
      .object({
        public_tags: z.boolean().describe('whether designations (tags) are published'),
        min_cohort: z
          .number()
          .int()
          .min(1)
          .default(30)
          .describe('cohort quartiles of private indicators are published only for cohorts with at least this many reported values (scoring-model.md §7)'),
        min_cohort_for_benchmarks: z
          .number()
          .int()
          .min(1)
          .optional()
          .describe('model 1.0: ignored since 1.1 (benchmark values of private indicators are never published); accepted so 1.0 files still load'),
      })
      .strict(),
  })
  .strict();

/** The scoring model file (data/model.json or a replacement in the data folder). */
export const modelSchema = modelSchemaBase.superRefine((model, ctx) => {
    const stageIds = model.stages.map((s) => s.id);
    const catIds = new Set(model.categories.map((c) => c.id));
    const dupe = (ids: string[]) => ids.find((id, i) => ids.indexOf(id) !== i);
    const dupStage = dupe(stageIds);
    if (dupStage) ctx.addIssue({ code: 'custom', path: ['stages'], message: `stage id "${dupStage}" appears twice` });
    const dupInd = dupe(model.indicators.map((i) => i.id));
    if (dupInd) ctx.addIssue({ code: 'custom', path: ['indicators'], message: `indicator id "${dupInd}" appears twice` });
    checkColumns(model, ctx);
    const last = model.stages[model.stages.length - 1];
    if (last && (last.rule.age || last.rule.revenue)) {
      ctx.addIssue({
        code: 'custom',
        path: ['stages', model.stages.length - 1, 'rule'],
        message: 'the last stage must be a catch-all with an empty rule, so every enterprise gets a stage',
      });
    }
    model.indicators.forEach((ind, i) => {
      if (ind.direction === 'lower' && ind.method.kind === 'benchmark' && ind.method.p > 0.5) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', i, 'method', 'p'],
          message: 'a reverse indicator’s benchmark is a low value: p must be at most 0.5 (e.g. 0.05, the level of the best 5 %)',
        });
      }
      if (!catIds.has(ind.category)) {
        ctx.addIssue({ code: 'custom', path: ['indicators', i, 'category'], message: `unknown category "${ind.category}"` });
      }
      for (const stage of stageIds) {
        if (ind.weights[stage] === undefined) {
          ctx.addIssue({ code: 'custom', path: ['indicators', i, 'weights'], message: `no weight for stage "${stage}"` });
        }
      }
      for (const key of Object.keys(ind.weights)) {
        if (!stageIds.includes(key)) {
          ctx.addIssue({ code: 'custom', path: ['indicators', i, 'weights', key], message: `unknown stage "${key}"` });
        }
      }
    });
    const dupBonus = dupe(model.bonus?.items.map((b) => b.id) ?? []);
    if (dupBonus) ctx.addIssue({ code: 'custom', path: ['bonus', 'items'], message: `bonus item id "${dupBonus}" appears twice` });
    const dupVeto = dupe(model.veto?.map((v) => v.id) ?? []);
    if (dupVeto) ctx.addIssue({ code: 'custom', path: ['veto'], message: `veto rule id "${dupVeto}" appears twice` });
    // A designation nobody can hold would silently never match: name one of the vocabulary's.
    const checkTag = (tag: string | undefined, path: (string | number)[]) => {
      if (tag !== undefined && !(TAGS as readonly string[]).includes(tag)) {
        ctx.addIssue({ code: 'custom', path, message: `unknown designation "${tag}": must be one of ${TAGS.join(', ')}` });
      }
    };
    model.bonus?.items.forEach((b, i) => checkTag(b.tag, ['bonus', 'items', i, 'tag']));
    model.veto?.forEach((v, i) => checkTag(v.tag, ['veto', i, 'tag']));
    for (const stage of stageIds) {
      const sum = model.indicators.reduce((acc, ind) => acc + (ind.weights[stage] ?? 0), 0);
      if (Math.abs(sum - model.scale) > 1e-9) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators'],
          message: `weights for stage "${stage}" sum to ${sum}, not to the scale ${model.scale}`,
        });
      }
    }
  });

/** A column declared in model.json's `columns`. */
export type DeclaredColumn = z.infer<typeof declaredColumnSchema>;

/** Normalised as headers are compared (src/ingest/headers.ts): NFKC, no white space. */
const headerKey = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

/**
 * The rules of declared columns and column references (dataset.md, "Columns the model
 * declares"): ids new and unique, names unique among all columns' names, every reference a
 * built-in numeric or a declared column, and a private declared column read by private
 * indicators only.
 */
function checkColumns(model: z.infer<typeof modelSchemaBase>, ctx: z.RefinementCtx): void {
  const declared = model.columns ?? [];
  const builtIn = new Set<string>(ENTERPRISE_COLUMNS);
  const names = new Map<string, string>();
  for (const [id, aliases] of Object.entries(COLUMN_ALIASES.enterprises)) for (const a of [id, ...aliases]) names.set(headerKey(a), id);
  const declaredIds = new Map<string, DeclaredColumn>();
  declared.forEach((c, i) => {
    if (builtIn.has(c.id)) {
      ctx.addIssue({ code: 'custom', path: ['columns', i, 'id'], message: `"${c.id}" is a built-in column of enterprises.csv; declare only new columns` });
      return;
    }
    if (declaredIds.has(c.id)) {
      ctx.addIssue({ code: 'custom', path: ['columns', i, 'id'], message: `column id "${c.id}" appears twice` });
      return;
    }
    declaredIds.set(c.id, c);
    if (c.unit === 'count' && c.min != null && (c.min < 0 || !Number.isInteger(c.min))) {
      ctx.addIssue({ code: 'custom', path: ['columns', i, 'min'], message: 'a count column’s min must be a whole number ≥ 0' });
    }
    if (c.max !== undefined && c.min != null && c.max < c.min) ctx.addIssue({ code: 'custom', path: ['columns', i, 'max'], message: 'max must not be below min' });
    for (const name of [c.name.zh, ...(c.aliases ?? [])]) {
      const other = names.get(headerKey(name));
      if (other !== undefined && other !== c.id) {
        ctx.addIssue({ code: 'custom', path: ['columns', i], message: `the header name “${name}” already names the column ${other}` });
      } else names.set(headerKey(name), c.id);
    }
    names.set(headerKey(c.id), c.id);
  });
  const numeric = new Set<string>(NUMERIC_COLUMNS);
  const known = (id: string) => numeric.has(id) || declaredIds.has(id);
  const check = (id: string | undefined, path: (string | number)[]) => {
    if (id !== undefined && !known(id)) {
      ctx.addIssue({ code: 'custom', path, message: `must be one of the numeric columns of enterprises.csv or a column declared in "columns" (got ${JSON.stringify(id)})` });
    }
  };
  model.indicators.forEach((ind, i) => {
    const v = ind.value;
    const refs: [string, string][] =
      v.kind === 'column' ? [['column', v.column]] : v.kind === 'ratio' ? [['numerator', v.numerator], ['denominator', v.denominator]] : [['current', v.current], ['previous', v.previous]];
    for (const [key, id] of refs) {
      check(id, ['indicators', i, 'value', key]);
      const d = declaredIds.get(id);
      if (d && !d.public && ind.public) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', i, 'public'],
          message: `reads the private column ${id} ("public": false), so it must be private too ("public": false): its value, s and points would publish the column's figures`,
        });
      }
    }
  });
  check(model.deduction.column, ['deduction', 'column']);
  model.bonus?.items.forEach((b, i) => check(b.column, ['bonus', 'items', i, 'column']));
  model.veto?.forEach((v, i) => check(v.column, ['veto', i, 'column']));
}

export type Model = z.infer<typeof modelSchema>;
export type Indicator = Model['indicators'][number];
export type Stage = Model['stages'][number];

export type BonusItem = NonNullable<Model['bonus']>['items'][number];
export type VetoRule = NonNullable<Model['veto']>[number];

/**
 * Whether a raw column's figures may be published (scoring-model.md §7): a declared column
 * when the model says so (`public`); a built-in column when a public indicator publishes it as
 * its own value (the reference model's counts of patents, platforms, awards, standards and
 * graduates). Every other column is confidential.
 */
export function isPublicColumn(model: Pick<Model, 'indicators' | 'columns'>, column: string): boolean {
  const declared = model.columns?.find((c) => c.id === column);
  if (declared) return declared.public;
  return model.indicators.some((ind) => ind.public && ind.value.kind === 'column' && ind.value.column === column);
}

/**
 * Whether a bonus item's points may be published exactly: one from a designation when
 * designations are published, or from a public column. Points from a confidential column
 * reveal it (points_each × value), so they are treated like a private indicator's points.
 */
export function isPublicBonus(model: Pick<Model, 'indicators' | 'columns' | 'privacy'>, item: BonusItem): boolean {
  return item.tag !== undefined ? model.privacy.public_tags : isPublicColumn(model, item.column!);
}

/** Each indicator's category as an index into model.categories, in indicator order. */
export function indicatorCategoryIndexes(model: Pick<Model, 'indicators' | 'categories'>): number[] {
  return model.indicators.map((ind) => model.categories.findIndex((c) => c.id === ind.category));
}

/** Validates a parsed model file; returns the model or located error messages. */
export function parseModel(json: unknown, file: string): { model: Model } | { errors: string[] } {
  const result = modelSchema.safeParse(json);
  if (result.success) return { model: result.data };
  return {
    errors: result.error.issues.map((issue) => {
      const where = issue.path.length ? issue.path.join('.') : '(top level)';
      return `${file}: ${where}: ${issue.message}`;
    }),
  };
}
