import { csvLine, numberCell, textCell, UTF8_BOM } from './csv-write.ts';
import type { Model } from './model.ts';
import { roundHalfAway } from './round.ts';
import type { ScoredRow } from './score.ts';

/** The columns of scores.csv in contract order (outputs.md). */
export function scoresCsvHeader(model: Model): string[] {
  return [
    'year',
    'id',
    'name',
    'park',
    'stage',
    'score',
    'rank_national',
    'rank_park',
    'rank_stage',
    'score_change',
    'rank_change',
    ...model.categories.map((c) => c.id),
    'deduction',
    ...model.indicators.map((i) => `${i.id}_pts`),
  ];
}

/** One scores.csv line for a scored row; points and subtotals rounded half away from zero to cents. */
export function scoresCsvLine(r: ScoredRow): string {
  const cells = [
    numberCell(r.row.year),
    textCell(r.row.id),
    textCell(r.row.name),
    textCell(r.row.park),
    textCell(r.stage),
    numberCell(r.score),
    numberCell(r.rankNational),
    numberCell(r.rankPark),
    numberCell(r.rankStage),
    numberCell(r.scoreChange),
    numberCell(r.rankChange),
    ...r.categories.map(numberCell),
    numberCell(r.deduction),
  ];
  for (const p of r.points) cells.push(numberCell(roundHalfAway(p)));
  return csvLine(cells);
}

/** scores.csv for the given rows (already in published order), with BOM. */
export function* scoresCsvChunks(model: Model, rows: Iterable<ScoredRow>): Generator<string> {
  yield UTF8_BOM + csvLine(scoresCsvHeader(model));
  let buf = '';
  let n = 0;
  for (const r of rows) {
    buf += scoresCsvLine(r);
    if (++n % 5000 === 0) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}
