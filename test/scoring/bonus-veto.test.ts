import { describe, expect, it } from 'vitest';
import { loadDataFolder } from '../../src/ingest/load.ts';
import { isPublicBonus, isPublicColumn, parseModel } from '../../src/ingest/model.ts';
import { computeBands, privacyReport, publicTableCells, publicTableColumns, publishRow, publishVetoed, residualRisks } from '../../src/publish/publish.ts';
import { vetoedCsv } from '../../src/publish/prepare.ts';
import { scoresCsvHeader, scoresCsvLine } from '../../src/publish/scores-csv.ts';
import { pointsOf, scoreDataset, sOf, type ScoredRow } from '../../src/scoring/score.ts';
import fixtureModel from '../fixtures/bonus-veto/model.json' with { type: 'json' };

// Every expectation is worked out by hand from test/fixtures/bonus-veto (see its README.md):
// scale 100; patents benchmark p = 1 (the cohort's largest value) × 60; rd_low reverse, fixed
// 0 → 100, s = (100 − x) / 100, × 40; bonus ≤ 25: 专精特新 15, awards 4 each ≤ 12 (private),
// patents 2 each ≤ 10; deduction 10 per violation ≤ 20; veto: ≥ 3 violations, or 瞪羚企业.
const loaded = await loadDataFolder('test/fixtures/bonus-veto');
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const data = scoreDataset(loaded.data.model, loaded.data.enterprises);
const { model } = data;
const byName = (name: string): ScoredRow => data.rows.find((r) => r.row.name === name)!;
const [A, B, E, F] = ['甲加分科技', '乙扣分科技', '戊归零科技', '己满分科技'].map(byName) as [ScoredRow, ScoredRow, ScoredRow, ScoredRow];
const bands = computeBands(data);
const published = (r: ScoredRow) => publishRow(model, r, bands);

describe('veto rules (一票否决)', () => {
  it('excludes the matching firm-years from scoring and ranking, naming the rules that matched', () => {
    expect(data.rows.map((r) => r.row.name)).toEqual(['己满分科技', '甲加分科技', '乙扣分科技', '戊归零科技']);
    expect(data.vetoed.map((v) => [v.row.name, v.stage, v.rules])).toEqual([
      ['丙否决科技', 'all', ['violations']], // 3 violations ≥ min 3
      ['丁否决科技', 'all', ['gazelle']], // holds 瞪羚企业
    ]);
  });
  it('leaves them out of the cohort: 4 firms, patents benchmark Q(1) = 12 (F), not D’s 20', () => {
    expect(data.cohorts).toHaveLength(1);
    expect(data.cohorts[0]!.size).toBe(4);
    expect(data.cohorts[0]!.indicators[0]).toEqual({ n: 4, q: { '1': 12 } });
    expect(data.cohorts[0]!.indicators[1]!.n).toBe(3); // rd_low: B is blank
  });
  it('publishes who and which rule, never a figure', () => {
    expect(publishVetoed(data)).toEqual([
      { year: 2024, id: '91440100MB0000003J', name: '丙否决科技', nameEn: 'C Veto Tech', park: 'gamma', industry: '新材料', stage: 'all', rules: ['violations'] },
      { year: 2024, id: '91440100MB0000004M', name: '丁否决科技', nameEn: 'D Veto Tech', park: 'gamma', industry: '新材料', stage: 'all', rules: ['gazelle'] },
    ]);
  });
  it('publishes them in vetoed.csv: who, which rules and their reasons, no figure', () => {
    expect(vetoedCsv(model, publishVetoed(data))).toBe(
      '\uFEFFyear,id,name,name_en,park,industry,stage,rules,reason_zh,reason_en\r\n' +
        '2024,91440100MB0000003J,丙否决科技,C Veto Tech,gamma,新材料,all,violations,存在 3 条及以上严重违法失信记录,Three or more serious violations on record\r\n' +
        '2024,91440100MB0000004M,丁否决科技,D Veto Tech,gamma,新材料,all,gazelle,测试：瞪羚企业另行评价,Test: gazelle firms are evaluated separately\r\n',
    );
  });
  it('lists them in the operator’s report', () => {
    const text = privacyReport(data).text;
    expect(text).toContain('Vetoed (一票否决): 2 firm-year(s)');
    expect(text).toContain('2024,91440100MB0000003J,"丙否决科技",all,violations');
  });
});

describe('reverse indicator inside a model', () => {
  it('scores lower R&D higher: 20 → s 0.8, 0 → 1, 100 → 0, blank → 0', () => {
    expect([A, F, E, B].map((r) => sOf(r, 1))).toEqual([0.8, 1, 0, 0]);
    expect(pointsOf(A, 1)).toBeCloseTo(32, 12);
  });
});

describe('bonus items (加分项): score = base + bonus − deduction', () => {
  it('A: 25 + 32 = 57 base; bonus 15 + 8 + 10 = 33 held to 25; score 82', () => {
    expect(pointsOf(A, 0)).toBeCloseTo(25, 12); // 5 / 12 × 60
    expect(A.bonus).toBe(25);
    expect(A.score).toBe(82);
  });
  it('B: 50 base; bonus 0 + 12 (awards 5 × 4 = 20 held to 12) + 10 (10 × 2 = 20 held to 10) = 22; − 10; score 62', () => {
    expect(B.bonus).toBe(22);
    expect(B.deduction).toBe(10);
    expect(B.score).toBe(62);
  });
  it('E: 5 base + 2 bonus − 20 deduction clamps to 0', () => {
    expect(E.bonus).toBe(2);
    expect(E.score).toBe(0);
  });
  it('F: 100 base (the full scale) + 25 bonus = 125: bonus goes beyond the scale', () => {
    expect(F.bonus).toBe(25);
    expect(F.score).toBe(125);
  });
  it('ranks on the score with bonus: F 1, A 2, B 3, E 4', () => {
    expect([F, A, B, E].map((r) => r.rankNational)).toEqual([1, 2, 3, 4]);
  });
  it('writes the bonus and each item’s points into the internal scores.csv', () => {
    expect(scoresCsvHeader(model).slice(-4)).toEqual(['bonus', 'specialised_bonus', 'awards_bonus', 'patents_bonus']);
    expect(scoresCsvLine(A).trim().split(',').slice(-4)).toEqual(['25', '15', '8', '10']);
  });
});

describe('bonus items at the privacy boundary', () => {
  it('publishes public items exactly (tags, the public patents column) and keeps the private awards item inside private_pts', () => {
    const a = published(A);
    expect(a.bonusPts).toEqual([15, null, 10]);
    expect(a.bonus).toBe(25); // public items 15 + 10 = 25, within the cap
    expect(a.publicPts).toBe(25);
    expect(a.privatePts).toBe(32); // 82 + 0 − 25 − 25: rd_low's 32; the awards item's 8 was cut by the cap
    const b = published(B);
    expect(b.bonusPts).toEqual([0, null, 10]);
    expect(b.bonus).toBe(10);
    expect(b.privatePts).toBe(12); // 62 + 10 − 50 − 10: the private awards item's 12
    expect(published(E).privatePts).toBeNull(); // clamped at 0
    expect(published(F).privatePts).toBe(40); // 125 − 60 − 25
  });
  it('the published parts add up: public points + private points + bonus − deduction = score', () => {
    for (const r of [A, B, F]) {
      const p = published(r);
      expect(p.publicPts + p.privatePts! + p.bonus! - p.deduction).toBeCloseTo(p.score, 9);
    }
  });
  it('counts a firm whose only private points are a private bonus item as a residual risk (B)', () => {
    expect(residualRisks(data).map((r) => [r.id, r.indicator])).toEqual([['91440100MB0000002F', 'awards (bonus)']]);
  });
  it('adds the public bonus columns to the public table, and no private item', () => {
    const columns = publicTableColumns(model);
    expect(columns.slice(-3)).toEqual(['bonus_pts', 'specialised_bonus', 'patents_bonus']);
    expect(columns).not.toContain('awards_bonus');
    expect(publicTableCells(model, 2024, published(B)).slice(-3)).toEqual([10, 0, 10]);
  });
  it('leaves rows of a model without bonus items as they were (no bonus fields)', () => {
    const { bonus: _b, ...plain } = fixtureModel;
    const parsed = parseModel(plain, 'model.json');
    if (!('model' in parsed)) throw new Error(parsed.errors.join('\n'));
    const d = scoreDataset(parsed.model, loaded.data.enterprises);
    const row = publishRow(parsed.model, d.rows[0]!, computeBands(d));
    expect('bonus' in row).toBe(false);
    expect('bonusPts' in row).toBe(false);
    expect(d.rows.map((r) => [r.row.name, r.score])).toEqual([
      ['己满分科技', 100],
      ['甲加分科技', 57],
      ['乙扣分科技', 40], // 50 − 10
      ['戊归零科技', 0], // 5 − 20 clamps to 0
    ]);
  });
});

describe('model file checks for bonus and veto', () => {
  const errorsOf = (patch: Record<string, unknown>) => {
    const r = parseModel({ ...fixtureModel, ...patch }, 'model.json');
    return 'errors' in r ? r.errors : [];
  };
  it('requires exactly one of column and tag', () => {
    expect(errorsOf({ bonus: { max: 5, items: [{ id: 'x', name: { zh: '甲', en: 'X' }, points_each: 1, max: 1 }] } })).toEqual([
      'model.json: bonus.items.0: give either "column" or "tag", not both',
    ]);
    expect(errorsOf({ veto: [{ id: 'v', reason: { zh: '甲', en: 'X' }, column: 'awards', tag: '专精特新', min: 1 }] })).toContain(
      'model.json: veto.0: give either "column" or "tag", not both',
    );
  });
  it('requires a bound on a column veto and rejects repeated ids', () => {
    expect(errorsOf({ veto: [{ id: 'v', reason: { zh: '甲', en: 'X' }, column: 'awards' }] })).toEqual(['model.json: veto.0: a column rule needs "min" or "max"']);
    const rule = { id: 'v', reason: { zh: '甲', en: 'X' }, tag: '专精特新' };
    expect(errorsOf({ veto: [rule, rule] })).toEqual(['model.json: veto: veto rule id "v" appears twice']);
  });
});

describe('public and private sources of bonus points', () => {
  const m = (patch: Record<string, unknown>) => {
    const r = parseModel({ ...fixtureModel, ...patch }, 'model.json');
    if ('errors' in r) throw new Error(r.errors.join('\n'));
    return r.model;
  };
  it('follows a declared column’s "public" flag, and a built-in column is public only when a public indicator publishes it', () => {
    const declared = m({
      columns: [
        { id: 'env_penalties', name: { zh: '环保处罚次数', en: 'Penalties' }, unit: 'count', public: true },
        { id: 'energy', name: { zh: '综合能耗', en: 'Energy' }, unit: 'number', public: false },
      ],
    });
    expect(isPublicColumn(declared, 'env_penalties')).toBe(true);
    expect(isPublicColumn(declared, 'energy')).toBe(false);
    expect(isPublicColumn(declared, 'invention_patent_apps')).toBe(true); // the public patents indicator's column
    expect(isPublicColumn(declared, 'awards')).toBe(false); // no public indicator publishes it
    expect(isPublicColumn(declared, 'rd_expense')).toBe(false); // read by the private rd_low
  });
  it('makes a designation’s bonus private when designations are not published', () => {
    const hidden = m({ privacy: { public_tags: false, min_cohort: 3 } });
    expect(hidden.bonus!.items.map((item) => isPublicBonus(hidden, item))).toEqual([false, false, true]);
  });
  it('refuses a designation outside the vocabulary in a bonus item or a veto rule', () => {
    const r = parseModel({ ...fixtureModel, veto: [{ id: 'v', reason: { zh: '甲', en: 'X' }, tag: '独角兽' }] }, 'model.json');
    expect('errors' in r && r.errors[0]).toMatch(/^model\.json: veto\.0\.tag: unknown designation "独角兽": must be one of 高新技术企业/);
  });
});
