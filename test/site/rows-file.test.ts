import { describe, expect, it } from 'vitest';
import { createRowInterner } from '../../src/site/intern.ts';
import { parseRowsFile } from '../../src/site/rows-file.ts';
import { publishedRow } from './fixture.ts';

/** A rows file as output.ts writes it: "[", one row per line separated by ",", "]". */
const rowsFile = (rows: object[]) => Buffer.from(`[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`, 'utf8');

const a = publishedRow({ id: 'A1', park: 'p1' });
const b = publishedRow({ id: 'B2', park: 'p2', name: '乙"park":"p1"公司' }); // the key's text inside a name
const c = publishedRow({ id: 'C3', park: 'p1', tags: [] });

describe('parseRowsFile', () => {
  it('keeps every row, in file order, when no filter is given, and counts them nationally and per park', () => {
    const parsed = parseRowsFile(rowsFile([a, b, c]), null);
    expect(parsed.rows).toEqual([a, b, c]);
    expect(parsed.national).toBe(3);
    expect([...parsed.parks]).toEqual([
      ['p1', 2],
      ['p2', 1],
    ]);
  });

  it('keeps only owned rows but counts every row, reading a skipped row’s park from its text', () => {
    const asked: string[] = [];
    const parsed = parseRowsFile(rowsFile([a, b, c]), (id) => (asked.push(id), id === 'C3'));
    expect(parsed.rows.map((r) => r.id)).toEqual(['C3']);
    expect(asked).toEqual(['A1', 'B2', 'C3']);
    expect(parsed.national).toBe(3);
    // B2's name holds "park":"p1" escaped; its park key says p2.
    expect(parsed.parks.get('p1')).toBe(2);
    expect(parsed.parks.get('p2')).toBe(1);
  });

  it('parses a row whose line does not start with its id before asking whether it is kept', () => {
    const { id, name, ...rest } = publishedRow({ id: 'D4', park: 'p3' });
    const reordered = { name, id, ...rest }; // "id" is not the first key
    const parsed = parseRowsFile(rowsFile([reordered, a]), (x) => x === 'D4');
    expect(parsed.rows.map((r) => r.id)).toEqual(['D4']);
    expect([...parsed.parks]).toEqual([
      ['p3', 1],
      ['p1', 1],
    ]);
  });

  it('reads an empty year', () => {
    expect(parseRowsFile(Buffer.from('[\n]\n'), null)).toEqual({ rows: [], national: 0, parks: new Map() });
  });
});

describe('createRowInterner', () => {
  it('makes equal strings and tag lists of different rows the same objects, and leaves values unchanged', () => {
    const share = createRowInterner();
    const [x, y] = parseRowsFile(rowsFile([a, publishedRow({ id: 'E5' })]), null, share).rows;
    expect(x).toEqual(a);
    expect(y!.tags).toBe(x!.tags); // the same array, not a copy
    const z = share(publishedRow({ id: 'F6', tags: ['专精特新'] }));
    expect(z.tags).not.toBe(x!.tags);
    expect(z.tags).toEqual(['专精特新']);
  });
});
