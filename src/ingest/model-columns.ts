import type { Model } from './model.ts';

/**
 * What a model reads from enterprises.* (dataset.md, "Columns the model uses"): each column
 * it needs, with the parts of the model that read it, in the words the validation report
 * prints. A column no part reads is optional in the file.
 */
export function modelColumnUses(model: Pick<Model, 'indicators' | 'deduction' | 'stages'> & Partial<Pick<Model, 'bonus' | 'veto'>>): Map<string, string[]> {
  const uses = new Map<string, string[]>();
  const use = (column: string, by: string) => {
    const list = uses.get(column);
    if (!list) uses.set(column, [by]);
    else if (!list.includes(by)) list.push(by);
  };
  for (const ind of model.indicators) {
    const v = ind.value;
    const by = `indicator ${ind.id}`;
    if (v.kind === 'column') use(v.column, by);
    else if (v.kind === 'ratio') {
      use(v.numerator, by);
      use(v.denominator, by);
    } else {
      use(v.current, by);
      use(v.previous, by);
    }
  }
  use(model.deduction.column, 'deduction');
  for (const stage of model.stages) {
    if (stage.rule.revenue) use('revenue', `stage ${stage.id}`);
    if (stage.rule.age) use('founded', `stage ${stage.id}`);
  }
  for (const item of model.bonus?.items ?? []) use(item.column ?? 'tags', `bonus ${item.id}`);
  for (const rule of model.veto ?? []) use(rule.column ?? 'tags', `veto ${rule.id}`);
  return uses;
}
