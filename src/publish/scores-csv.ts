import { centsCell, csvLine, numberCell, textCell, UTF8_BOM } from '../core/csv-write.ts';
import type { Model } from '../ingest/model.ts';
import { roundHalfAway } from '../core/round.ts';
import type { ScoredRow } from '../scoring/score.ts';

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
    // Models with bonus items (加分项) only: the bonus added (after the caps), then each item's points.
    ...(model.bonus ? ['bonus', ...model.bonus.items.map((b) => `${b.id}_bonus`)] : []),
  ];
}

/** One scores.csv line for a scored row; points and subtotals rounded half away from zero to cents. */
export function scoresCsvLine(r: ScoredRow): string {
  const cells = [
    String(r.row.year),
    textCell(r.row.id),
    textCell(r.row.name),
    textCell(r.row.park),
    textCell(r.stage),
    centsCell(r.score),
    String(r.rankNational),
    String(r.rankPark),
    String(r.rankStage),
    centsCell(r.scoreChange),
    numberCell(r.rankChange),
  ];
  const { width, points, categoryCount, categories } = r.figures;
  for (let at = r.slot * categoryCount, end = at + categoryCount; at < end; at++) cells.push(centsCell(categories[at]!));
  cells.push(centsCell(r.deduction));
  for (let at = r.slot * width, end = at + width; at < end; at++) cells.push(centsCell(roundHalfAway(points[at]!)));
  const { bonusWidth, bonus } = r.figures;
  if (bonusWidth > 0) {
    cells.push(centsCell(roundHalfAway(r.bonus)));
    for (let at = r.slot * bonusWidth, end = at + bonusWidth; at < end; at++) cells.push(centsCell(roundHalfAway(bonus[at]!)));
  }
  return csvLine(cells);
}

/** The scores.csv header line, with BOM. */
export function scoresCsvHead(model: Model): string {
  return UTF8_BOM + csvLine(scoresCsvHeader(model));
}

/** scores.csv for the given rows (already in published order), with BOM. */
export function* scoresCsvChunks(model: Model, rows: Iterable<ScoredRow>): Generator<string> {
  yield scoresCsvHead(model);
  yield* scoresCsvBodyChunks(rows);
}

/** The data lines of scores.csv for the given rows, a few thousand lines per chunk. */
export function* scoresCsvBodyChunks(rows: Iterable<ScoredRow>): Generator<string> {
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
