import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadDataFolder } from '../../src/ingest/load.ts';
import { scoreDataset } from '../../src/scoring/score.ts';
import { copyFixture, editFile, setCell } from '../helpers/folder.ts';

/** Loads a folder and returns its error messages with the temporary folder's path removed. */
async function errorsOf(dir: string): Promise<string[]> {
  const r = await loadDataFolder(dir);
  return r.ok ? [] : r.errors.map((e) => e.split(dir + '/').join(''));
}

function withCell(file: string, line: number, column: string, value: string): Promise<string[]> {
  const dir = copyFixture();
  setCell(dir, file, line, column, value);
  return errorsOf(dir);
}

describe('the hand fixture', () => {
  it('is valid', async () => expect(await errorsOf(copyFixture())).toEqual([]));
});

describe('enterprises.csv cell rules', () => {
  it.each([
    ['id', '91130100MA00000013', 'enterprises.csv:2: column "id": is not a valid 统一社会信用代码: wrong characters or check digit (GB 32100-2015) (got "91130100MA00000013")'],
    ['id', '9113010', 'enterprises.csv:2: column "id": must be an 18-character 统一社会信用代码 (this one has 7) (got "9113010")'],
    ['name', '', 'enterprises.csv:2: column "name": must not be blank (got "")'],
    ['name', '名'.repeat(101), `enterprises.csv:2: column "name": is longer than 100 characters (got "${'名'.repeat(77)}...")`],
    ['park', 'gamma', 'enterprises.csv:2: column "park": is not a code in parks.csv (got "gamma")'],
    ['year', '1999', 'enterprises.csv:2: column "year": must be a whole number from 2000 to 2100 (got "1999")'],
    ['founded', '2021-02-30', 'enterprises.csv:2: column "founded": is not a real calendar date (got "2021-02-30")'],
    ['founded', '2021/5/1', 'enterprises.csv:2: column "founded": must be a date written YYYY-MM-DD, e.g. 2015-03-07 (got "2021/5/1")'],
    ['tags', '高新技术企业;独角兽', 'enterprises.csv:2: column "tags": has an unknown designation "独角兽"; allowed: 高新技术企业, 科技型中小企业, 专精特新, 瞪羚企业, 上市企业 separated by ; (got "高新技术企业;独角兽")'],
    ['rd_expense', 'abc', 'enterprises.csv:2: column "rd_expense": is not a number (got "abc")'],
    ['rd_expense', '-5', 'enterprises.csv:2: column "rd_expense": must not be negative (money in 万元, ≥ 0) (got "-5")'],
    ['revenue', '12%', 'enterprises.csv:2: column "revenue": is not a plain number: give the number only, without unit or % sign (got "12%")'],
    ['employees', '2.5', 'enterprises.csv:2: column "employees": must be a whole number (a count) (got "2.5")'],
    ['pct_apps', '-1', 'enterprises.csv:2: column "pct_apps": must not be negative (a count, ≥ 0) (got "-1")'],
    ['awards', 'two', 'enterprises.csv:2: column "awards": is not a whole number (got "two")'],
  ])('%s = %j is refused with a located message', async (column, value, message) => {
    expect(await withCell('enterprises.csv', 2, column, value)).toEqual([message]);
  });

  it('allows negative net profit and net assets', async () => {
    const dir = copyFixture();
    setCell(dir, 'enterprises.csv', 2, 'net_profit', '-12.5');
    setCell(dir, 'enterprises.csv', 2, 'net_assets', '-3');
    expect(await errorsOf(dir)).toEqual([]);
  });
  it('refuses a founding date after the evaluation year', async () => {
    expect(await withCell('enterprises.csv', 2, 'founded', '2024-01-01')).toEqual([
      'enterprises.csv:2: column "founded": is after the evaluation year 2023 (got "2024-01-01")',
      'enterprises.csv:10: column "founded": differs from the founding date 2024-01-01 given for the same id on line 2 (got "2021-05-01")',
    ]);
  });
  it('refuses staff above employees and high-tech revenue above revenue', async () => {
    const dir = copyFixture();
    setCell(dir, 'enterprises.csv', 2, 'st_staff', '11');
    setCell(dir, 'enterprises.csv', 2, 'postgrad_staff', '12');
    setCell(dir, 'enterprises.csv', 2, 'high_tech_revenue', '1000.01');
    expect(await errorsOf(dir)).toEqual([
      'enterprises.csv:2: column "st_staff": must not exceed employees (10) (got "11")',
      'enterprises.csv:2: column "postgrad_staff": must not exceed employees (10) (got "12")',
      'enterprises.csv:2: column "high_tech_revenue": must not exceed revenue (1000) (got "1000.01")',
    ]);
  });
  it('refuses a duplicate (id, year) and a founding date that changes between years', async () => {
    const dir = copyFixture();
    setCell(dir, 'enterprises.csv', 10, 'year', '2023');
    setCell(dir, 'enterprises.csv', 11, 'founded', '2015-03-16');
    expect(await errorsOf(dir)).toEqual([
      'enterprises.csv:10: column "id": the same id and year 2023 already appear on line 2 (got "91130100MA00000012")',
      'enterprises.csv:11: column "founded": differs from the founding date 2015-03-15 given for the same id on line 5 (got "2015-03-16")',
    ]);
  });
  it('collects every problem of a file before stopping', async () => {
    const dir = copyFixture();
    setCell(dir, 'enterprises.csv', 3, 'year', 'x');
    setCell(dir, 'enterprises.csv', 7, 'platforms', '1.5');
    setCell(dir, 'parks.csv', 3, 'level', 'city');
    expect(await errorsOf(dir)).toEqual([
      'parks.csv:3: column "level": must be "national" or "provincial" (国家级 or 省级) (got "city")',
      'enterprises.csv:3: column "year": must be a whole number from 2000 to 2100 (got "x")',
      'enterprises.csv:7: column "platforms": must be a whole number (a count) (got "1.5")',
    ]);
  });
  it('caps the list at 200 per file and counts the rest', async () => {
    const dir = copyFixture();
    const row = '91130100MA00000013,甲,,alpha,2023,2021-05-01,,' + ',,'.repeat(10);
    editFile(dir, 'enterprises.csv', (t) => t.trimEnd() + '\n' + Array(250).fill(row).join('\n') + '\n');
    const errors = await errorsOf(dir);
    expect(errors).toHaveLength(201);
    expect(errors[200]).toBe('enterprises.csv: … and 50 more problems in this file');
  });
});

describe('file structure', () => {
  it('refuses a misspelt and a missing column', async () => {
    const dir = copyFixture();
    editFile(dir, 'enterprises.csv', (t) => t.replace('pct_apps', 'PCT_apps'));
    expect(await errorsOf(dir)).toEqual([
      'enterprises.csv:1: column "PCT_apps": is not a column of enterprises.csv; did you mean "pct_apps"? (got "PCT_apps")',
      'enterprises.csv:1: column "pct_apps": required column is missing from the header (read by indicator pct_apps)',
    ]);
  });
  it('accepts columns in any order', async () => {
    const dir = copyFixture();
    editFile(dir, 'parks.csv', (t) =>
      t
        .trim()
        .split('\n')
        .map((l) => {
          const c = l.split(',');
          return [c[1], c[0], ...c.slice(2)].join(',');
        })
        .join('\n'),
    );
    expect(await errorsOf(dir)).toEqual([]);
  });
  it('reports a row with too many cells', async () => {
    const dir = copyFixture();
    editFile(dir, 'parks.csv', (t) => t.replace('provincial,,', 'provincial,,,'));
    expect(await errorsOf(dir)).toEqual(['parks.csv:3: has 9 cells but the header has 8 (an unquoted comma in a cell?)']);
  });
  it('reports an unterminated quote at the line it opens', async () => {
    const dir = copyFixture();
    editFile(dir, 'enterprises.csv', (t) => t.replace('丙智能有限公司', '"丙智能有限公司'));
    expect(await errorsOf(dir)).toEqual([
      'enterprises.csv:4: a quoted cell is never closed: a double quote (") opens it and no closing quote follows',
    ]);
  });
  it('refuses an empty file, a binary file, UTF-16 and a missing file', async () => {
    const dir = copyFixture();
    writeFileSync(join(dir, 'parks.csv'), '');
    writeFileSync(join(dir, 'enterprises.csv'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]));
    expect(await errorsOf(dir)).toEqual([
      'parks.csv:1: the file is empty; it needs at least a header line',
      'enterprises.csv:1: this is not a text file: it holds a NUL byte at byte 5 (an .xlsx or other binary file saved as .csv?)',
    ]);
    writeFileSync(join(dir, 'parks.csv'), Buffer.from('\uFEFFcode', 'utf16le'));
    writeFileSync(join(dir, 'enterprises.csv'), '\n\n');
    expect(await errorsOf(dir)).toEqual([
      'parks.csv:1: the file is UTF-16 ("Unicode text"); save it as "CSV UTF-8" or as CSV in GBK',
      'enterprises.csv:1: the file has no header line (it is empty or blank)',
    ]);
    const missing = copyFixture();
    expect((await errorsOf(join(missing, 'nope'))).map((e) => e.replace(missing, ''))).toEqual([
      'parks.csv:1: the file is missing; a data folder needs parks.csv and enterprises.csv (or .xlsx workbooks)',
      'enterprises.csv:1: the file is missing; a data folder needs parks.csv and enterprises.csv (or .xlsx workbooks)',
    ]);
  });
  it('refuses GBK bytes behind a UTF-8 byte-order mark, naming the line', async () => {
    const dir = copyFixture();
    const text = iconv.encode(readFileSync(join(dir, 'enterprises.csv'), 'utf8'), 'gbk');
    writeFileSync(join(dir, 'enterprises.csv'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text]));
    const errors = await errorsOf(dir);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^enterprises\.csv:2: the file starts with a UTF-8 byte-order mark but is not valid UTF-8 \(byte \d+\)/);
  });
});

describe('encodings', () => {
  it('scores a GBK (GB18030) copy exactly like the UTF-8 original, and UTF-8 with BOM too', async () => {
    const utf8 = await loadDataFolder('test/fixtures/hand');
    const gbk = copyFixture();
    for (const f of ['parks.csv', 'enterprises.csv']) {
      writeFileSync(join(gbk, f), iconv.encode(readFileSync(join('test/fixtures/hand', f), 'utf8'), 'gbk'));
    }
    const bom = copyFixture();
    editFile(bom, 'enterprises.csv', (t) => '\uFEFF' + t.replace(/\n/g, '\r\n'));
    const [a, b, c] = [utf8, await loadDataFolder(gbk), await loadDataFolder(bom)];
    if (!a.ok || !b.ok || !c.ok) throw new Error('expected all three to load');
    const scores = (d: typeof a) => scoreDataset(d.data.model, d.data.enterprises).rows.map((r) => [r.row.name, r.score]);
    expect(scores(b)).toEqual(scores(a));
    expect(scores(c)).toEqual(scores(a));
    expect(b.data.parks[0]!.name).toBe('甲高新区');
  });
});

describe('parks.csv and achievements.csv', () => {
  it('refuses a duplicate park code and a code unfit for URLs', async () => {
    const dir = copyFixture();
    setCell(dir, 'parks.csv', 3, 'code', 'alpha');
    expect(await errorsOf(dir)).toEqual(['parks.csv:3: column "code": duplicate park code, already used on line 2 (got "alpha")']);
    expect(await withCell('parks.csv', 2, 'code', 'Alpha Zone')).toContain(
      'parks.csv:2: column "code": must be 2–40 characters of lower-case a-z, digits 0-9 and - (got "Alpha Zone")',
    );
  });
  it('validates achievements: known metric, park and date', async () => {
    const dir = copyFixture();
    writeFileSync(
      join(dir, 'achievements.csv'),
      'park,metric,value,unit,as_of,note,source\nalpha,enterprises_evaluated,2000,家,2023,,科技日报 2023\ngamma,enterprises_evaluated,1,家,2023-13,,\n',
    );
    expect(await errorsOf(dir)).toEqual([
      'achievements.csv:3: column "as_of": has a month outside 01–12 (got "2023-13")',
      'achievements.csv:3: column "source": must not be blank (got "")',
      'achievements.csv:3: column "park": is not a code in parks.csv (got "gamma")',
    ]);
  });
});

