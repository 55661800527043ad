import { describe, expect, it } from 'vitest';
import { describeDownload, formatBytes, openDataView, orderDownloads } from '../../src/site/open-data-view.ts';

const digest = (file: string, bytes = 100) => ({ file, bytes, sha256: 'ab'.repeat(32) });

describe('orderDownloads', () => {
  it('puts the all-years tables first, then the years newest first (CSV before JSON), the rest by name, SHA256SUMS last', () => {
    const files = ['SHA256SUMS', 'parks.csv', 'public-scores-2022.json', 'model.json', 'public-scores.json', 'public-scores-2023.csv', 'public-scores-2022.csv', 'public-scores.csv', 'public-scores-2023.json', 'README.txt'];
    expect(orderDownloads(files.map((f) => digest(f))).map((d) => d.file)).toEqual([
      'public-scores.csv',
      'public-scores.json',
      'public-scores-2023.csv',
      'public-scores-2023.json',
      'public-scores-2022.csv',
      'public-scores-2022.json',
      'README.txt', // 'R' sorts before lower case
      'model.json',
      'parks.csv',
      'SHA256SUMS',
    ]);
  });
});

describe('formatBytes', () => {
  it('counts bytes below 1 KB, KB to one decimal below 1 MB, MB to two decimals (1 KB = 1,024 B)', () => {
    expect(formatBytes('en', 845)).toBe('845 B');
    expect(formatBytes('en', 1023)).toBe('1,023 B');
    expect(formatBytes('en', 1024)).toBe('1.0 KB');
    expect(formatBytes('en', 12_697)).toBe('12.4 KB'); // 12.399…
    expect(formatBytes('en', 5_379_194)).toBe('5.13 MB'); // 5.1300…
  });
});

describe('describeDownload', () => {
  it('says what a known file holds, a year’s table with its year, and — for anything else', () => {
    expect(describeDownload('en', 'public-scores-2021.json')).toBe('Public scores table, 2021 (JSON)');
    expect(describeDownload('en', 'parks.csv')).toBe('The pilot parks');
    expect(describeDownload('en', 'SHA256SUMS')).toBe('SHA-256 checksums of the files above');
    expect(describeDownload('en', 'toString')).toBe('—');
    expect(describeDownload('en', 'other.zip')).toBe('—');
  });
});

describe('openDataView', () => {
  it('lists the downloads in order with descriptions and sizes, their total, and the inputs in file order', () => {
    const view = openDataView('en', [digest('parks.csv', 400), digest('public-scores.csv', 2048)], [digest('enterprises.csv', 1536), digest('a.csv', 10)]);
    expect(view.title).toBe('Open data');
    expect(view.files.map((f) => [f.file, f.size])).toEqual([
      ['public-scores.csv', '2.0 KB'],
      ['parks.csv', '400 B'],
    ]);
    expect(view.files[1]!.description).toBe('The pilot parks');
    expect(view.totalSize).toBe('2.4 KB'); // 2,448 B
    expect(view.inputs.map((f) => [f.file, f.size])).toEqual([
      ['enterprises.csv', '1.5 KB'],
      ['a.csv', '10 B'],
    ]);
  });
});
