import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../src/ingest/site-config.ts';

const folderWith = (json: unknown) => {
  const dir = mkdtempSync(join(tmpdir(), 'portal-site-'));
  writeFileSync(join(dir, 'site.json'), JSON.stringify(json));
  return dir;
};

describe('site.json: data as of, public-notice period, objections', () => {
  it('accepts calendar dates, a period and a text in both languages', () => {
    const site = loadSiteConfig(
      folderWith({
        data_as_of: '2024-03-01',
        notice_period: { start: '2024-03-01', end: '2024-03-15' },
        objection: { zh: '请致函科技局。', en: 'Write to the science bureau.' },
      }),
    );
    expect(site.data_as_of).toBe('2024-03-01');
    expect(site.notice_period).toEqual({ start: '2024-03-01', end: '2024-03-15' });
    expect(site.objection?.en).toBe('Write to the science bureau.');
  });

  it('leaves them out by default', () => {
    const site = loadSiteConfig(folderWith({}));
    expect([site.data_as_of, site.notice_period, site.objection]).toEqual([undefined, undefined, undefined]);
  });

  it('refuses a date that is not a calendar date, and a period that ends before it starts, with the field named', () => {
    const dir = folderWith({ data_as_of: '2024-02-30', notice_period: { start: '2024-03-15', end: '2024-03-01' } });
    expect(() => loadSiteConfig(dir)).toThrow(/site\.json: data_as_of: is not a calendar date/);
    expect(() => loadSiteConfig(dir)).toThrow(/site\.json: notice_period: start must not be after end/);
    expect(() => loadSiteConfig(folderWith({ data_as_of: '1.3.2024' }))).toThrow(/data_as_of: must be a date written YYYY-MM-DD/);
  });
});
