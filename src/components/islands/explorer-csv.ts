/**
 * The ranking explorer's "Export CSV": the current filtered and sorted list, every row of it,
 * as a spreadsheet file. Only the published fields an explorer row holds (the same ones its
 * pieces publish: id, names, park, stage, industry, designations when public, score, national
 * rank and the changes on last year). UTF-8 with BOM and formula-safe text cells, written by
 * the same cell functions as the site's downloads (src/core/csv-write.ts). Pure and unit-tested.
 */
import { csvLine, numberCell, textCell, UTF8_BOM } from '../../core/csv-write.ts';
import { fillTemplate, type ExplorerRow, type FilterKeys, type RankingTablesOfYear } from '../../wire/ranking-data.ts';

/** Column headings, from the dictionaries. `tags` is absent when designations are not published. */
export interface CsvHeadings {
  rank: string;
  id: string;
  name: string;
  nameEn: string;
  park: string;
  stage: string;
  industry: string;
  tags?: string;
  score: string;
  rankChange: string;
  scoreChange: string;
}

/** Display labels by key (park code, stage id, industry name, designation); a missing label shows the key. */
export interface CsvLabels {
  park: ReadonlyMap<string, string>;
  stage: ReadonlyMap<string, string>;
  industry: ReadonlyMap<string, string>;
  tag: ReadonlyMap<string, string>;
}

/** The CSV text (with BOM) of `rows`, in the given order, against the year's `tables`. */
export function explorerCsv(rows: readonly ExplorerRow[], tables: RankingTablesOfYear, headings: CsvHeadings, labels: CsvLabels): string {
  const label = (map: ReadonlyMap<string, string>, key: string | undefined) => (key === undefined ? '' : (map.get(key) ?? key));
  const withTags = headings.tags !== undefined;
  const header = [headings.rank, headings.id, headings.name, headings.nameEn, headings.park, headings.stage, headings.industry];
  if (withTags) header.push(headings.tags!);
  header.push(headings.score, headings.rankChange, headings.scoreChange);
  const lines = [UTF8_BOM + csvLine(header.map(textCell))];
  for (const r of rows) {
    const cells = [
      numberCell(r.rank),
      textCell(r.id),
      textCell(r.name),
      textCell(r.nameEn),
      textCell(label(labels.park, tables.parks[r.park])),
      textCell(label(labels.stage, tables.stages[r.stage])),
      textCell(label(labels.industry, tables.industries[r.industry])),
    ];
    if (withTags) cells.push(textCell(tables.tagNames.filter((_, b) => (r.tags & (1 << b)) !== 0).map((t) => label(labels.tag, t)).join('; ')));
    cells.push(numberCell(r.score), numberCell(r.rankChange), numberCell(r.scoreChange));
    lines.push(csvLine(cells));
  }
  return lines.join('');
}

/**
 * The download's file name: `base` (a dictionary template with `{year}`) and the chosen
 * filters' labels, joined by "-", with characters file systems refuse replaced by "_".
 */
export function csvFileName(base: string, year: number, keys: FilterKeys, labels: CsvLabels): string {
  const parts = [fillTemplate(base, { year: String(year) })];
  if (keys.park !== null) parts.push(labels.park.get(keys.park) ?? keys.park);
  if (keys.stage !== null) parts.push(labels.stage.get(keys.stage) ?? keys.stage);
  if (keys.industry !== null) parts.push(labels.industry.get(keys.industry) ?? keys.industry);
  if (keys.tag !== null) parts.push(labels.tag.get(keys.tag) ?? keys.tag);
  const query = keys.query.trim();
  if (query !== '') parts.push(query);
  const name = parts
    .join('-')
    // Control characters, path separators and what Windows refuses; spaces become "_" too.
    .replace(/[\u0000-\u001f\u007f\\/:*?"<>|\s]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 150);
  return `${name || 'ranking'}.csv`;
}
