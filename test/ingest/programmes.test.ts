// programmes.json: read from real files (a copy of the hand fixture with the file added, through
// loadDataFolder), validated with located errors, and rules over private quantities refused.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataFolder } from '../../src/ingest/load.ts';
import { formatPath, parseProgrammes } from '../../src/ingest/programmes.ts';
import { copyFixture } from '../helpers/folder.ts';

/** The hand fixture (parks alpha and beta; years 2022 and 2023; the reference model) with this programmes.json. */
async function load(json: unknown) {
  const dir = copyFixture();
  writeFileSync(join(dir, 'programmes.json'), typeof json === 'string' ? json : JSON.stringify(json, null, 2));
  return { dir, result: await loadDataFolder(dir) };
}

const programme = (over: Record<string, unknown> = {}) => ({
  id: 'leading',
  kind: 'list',
  name: { zh: '领跑榜', en: 'Leaders' },
  description: { zh: '前 5%', en: 'Top 5 %' },
  rule: { stage_top_percent: [0, 5] },
  ...over,
});

/** The errors of a folder whose programmes.json is `json`, with the folder's path cut to "data/". */
async function errorsOf(json: unknown): Promise<string[]> {
  const { dir, result } = await load(json);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors.map((e) => e.replace(dir, 'data'));
}

describe('programmes.json in a data folder', () => {
  it('is optional: a folder without one has no programmes', async () => {
    const r = await loadDataFolder(copyFixture());
    expect(r.ok && r.data.programmes).toEqual([]);
  });

  it('loads every kind, resolves absent years to the data’s years and records the file among the inputs', async () => {
    const { result } = await load({
      programmes: [
        programme({ notice: { '2023': { start: '2024-05-13', end: '2024-05-24' } } }),
        programme({ id: 'pool', kind: 'pool', years: [2023], rule: { parks: ['alpha'], stages: ['startup', 'growth'], min_score: 300, tags_any: ['高新技术企业'] } }),
        programme({
          id: 'loan',
          kind: 'finance',
          years: [2023, 2022, 2023],
          rule: { min_years: 2, max_rank_national: 500, indicators: [{ id: 'invention_patent_apps', min_value: 1 }] },
          score_bands: [400, 500],
        }),
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [list, pool, loan] = result.data.programmes;
    expect(list!.years).toEqual([2022, 2023]);
    expect(list!.notice).toEqual({ '2023': { start: '2024-05-13', end: '2024-05-24' } });
    expect(pool!.years).toEqual([2023]);
    expect(pool!.rule).toEqual({ parks: ['alpha'], stages: ['startup', 'growth'], min_score: 300, tags_any: ['高新技术企业'] });
    expect(loan!.years).toEqual([2022, 2023]);
    expect(loan!.scoreBands).toEqual([400, 500]);
    expect(list!.scoreBands).toBeNull();
    expect(result.data.inputs.map((i) => i.name)).toContain('programmes.json');
  });

  it('locates shape errors by path: a band written backwards, an unknown kind, a missing name', async () => {
    const errors = await errorsOf({
      programmes: [programme(), programme({ id: 'b', kind: 'ranking' }), programme({ id: 'c', rule: { stage_top_percent: [10, 5] } }), { ...programme({ id: 'd' }), name: undefined }],
    });
    expect(errors).toContain('data/programmes.json: programmes[1].kind: must be "list" (榜单), "pool" (培育库) or "finance" (a loan product or whitelist)');
    expect(errors.some((e) => e.startsWith('data/programmes.json: programmes[2].rule.stage_top_percent: must be [from, to] with from below to'))).toBe(true);
    expect(errors.some((e) => e.startsWith('data/programmes.json: programmes[3].name: '))).toBe(true);
    expect(errors).toHaveLength(3);
  });

  it('refuses a percentage outside 0–100, a rank of 0, an empty rule and a bad id', async () => {
    const errors = await errorsOf({
      programmes: [
        programme({ rule: { stage_top_percent: [0, 120] } }),
        programme({ id: 'b', rule: { max_rank_park: 0 } }),
        programme({ id: 'c', rule: {} }),
        programme({ id: 'Leading List' }),
      ],
    });
    expect(errors).toEqual([
      'data/programmes.json: programmes[0].rule.stage_top_percent[1]: must be a percentage from 0 to 100',
      'data/programmes.json: programmes[1].rule.max_rank_park: must be a rank of at least 1',
      'data/programmes.json: programmes[2].rule: needs at least one condition (an empty rule would take in every enterprise)',
      'data/programmes.json: programmes[3].id: must be lower-case letters, digits and single hyphens (it becomes the URL, e.g. "leading-list")',
    ]);
  });

  it('refuses a rule over a private indicator, because membership would reveal it', async () => {
    const errors = await errorsOf({ programmes: [programme({ rule: { indicators: [{ id: 'rd_intensity', min_s: 0.5 }] } })] });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^data\/programmes\.json: programmes\[0\]\.rule\.indicators\[0\]\.id: "rd_intensity" \(.+\) is a private indicator: membership would reveal it/);
    expect(errors[0]).toContain('public indicators: invention_patent_apps');
  });

  it('refuses a rule key naming a confidential figure with the reason, and other unknown keys with the allowed ones', async () => {
    const errors = await errorsOf({ programmes: [programme({ rule: { min_revenue: 1000, min_rank: 3 } })] });
    expect(errors).toEqual([
      'data/programmes.json: programmes[0].rule.min_revenue: uses the confidential quantity "revenue": membership would reveal it (scoring-model.md §7: it is not published); rules may use only published quantities',
      expect.stringMatching(/^data\/programmes\.json: programmes\[0\]\.rule\.min_rank: is not a rule condition; a rule may use stages, stage_top_percent, /),
    ]);
  });

  it('checks names against the data: stages, parks, indicators, years, duplicate ids', async () => {
    const errors = await errorsOf({
      programmes: [
        programme({ years: [2021, 2023], rule: { stages: ['mature'], parks: ['gamma'], indicators: [{ id: 'patents', min_value: 1 }] } }),
        programme({ kind: 'pool' }),
      ],
    });
    expect(errors).toEqual([
      'data/programmes.json: programmes[0].years: 2021 has no enterprise data (the data\'s years: 2022, 2023)',
      'data/programmes.json: programmes[0].rule.stages[0]: "mature" is not a stage of the model (startup, growth, stable)',
      'data/programmes.json: programmes[0].rule.parks[0]: "gamma" is not a park code of parks.csv',
      'data/programmes.json: programmes[0].rule.indicators[0].id: "patents" is not an indicator of the model',
      'data/programmes.json: programmes[1].id: "leading" is used by an earlier programme; ids must be unique',
    ]);
  });

  it('gives a 公示期 to lists only, for their own years, with calendar dates in order', async () => {
    const errors = await errorsOf({
      programmes: [
        programme({ kind: 'pool', notice: { '2023': { start: '2024-05-01', end: '2024-05-10' } } }),
        programme({ id: 'b', years: [2023], notice: { '2022': { start: '2023-05-01', end: '2023-05-10' } } }),
        programme({ id: 'c', notice: { '2023': { start: '2024-05-10', end: '2024-05-01' } } }),
        programme({ id: 'd', notice: { '2023': { start: '2024-02-30', end: '2024-03-01' } } }),
      ],
    });
    expect(errors).toEqual([
      'data/programmes.json: programmes[2].notice.2023: start must not be after end',
      'data/programmes.json: programmes[3].notice.2023.start: is not a calendar date',
    ]);
    // Shape errors stop the file before the checks against the data; once fixed, those follow.
    const later = await errorsOf({
      programmes: [
        programme({ kind: 'pool', notice: { '2023': { start: '2024-05-01', end: '2024-05-10' } } }),
        programme({ id: 'b', years: [2023], notice: { '2022': { start: '2023-05-01', end: '2023-05-10' } } }),
      ],
    });
    expect(later).toEqual([
      'data/programmes.json: programmes[0].notice: only lists (kind "list") have a 公示期; this programme is a pool',
      'data/programmes.json: programmes[1].notice.2022: 2022 is not one of the programme\'s years (2023)',
    ]);
  });

  it('reports a file that is not JSON on its first line', async () => {
    expect((await errorsOf('{"programmes": ['))[0]).toMatch(/^data\/programmes\.json:1: is not valid JSON: /);
  });
});

describe('parseProgrammes without a model', () => {
  it('still checks shape and parks', async () => {
    const r = parseProgrammes(JSON.stringify({ programmes: [programme({ rule: { parks: ['x'] } })] }), 'p.json', { model: null, parks: new Set(['a']), years: [2023] });
    expect(r.errors).toEqual(['p.json: programmes[0].rule.parks[0]: "x" is not a park code of parks.csv']);
  });

  it('writes paths as a reader would: programmes[2].rule.stage_top_percent', async () => {
    expect(formatPath(['programmes', 2, 'rule', 'stage_top_percent'])).toBe('programmes[2].rule.stage_top_percent');
    expect(formatPath([])).toBe('(top level)');
  });
});
