/**
 * The one vocabulary (src/core/vocabulary.ts): every entry has words in both dictionaries,
 * slugs are unique and URL-safe, and the bundled sample data and reference model use exactly
 * the vocabulary's columns, industries, tags, stages, categories and indicators.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  ENTERPRISE_COLUMNS,
  INDICATORS,
  INDUSTRIES,
  PARK_COLUMNS,
  STAGES,
  TAG_KEYS,
  TAGS,
  UNCLASSIFIED_INDUSTRY,
  industryBySlug,
  industryEntry,
  industrySlug,
} from '../../src/core/vocabulary.ts';
import { DICTIONARIES, industryLabel, isTranslationKey, stageLabel, tagLabel } from '../../src/i18n/index.ts';
import referenceModel from '../../data/model.json' with { type: 'json' };

const entries: { what: string; key: string }[] = [
  ...TAGS.map((tag) => ({ what: `tag ${tag}`, key: TAG_KEYS[tag] })),
  ...INDUSTRIES.map((i) => ({ what: `industry ${i.name}`, key: i.key })),
  { what: 'the blank industry', key: UNCLASSIFIED_INDUSTRY.key },
  ...STAGES.map((s) => ({ what: `stage ${s.id}`, key: s.key })),
  ...CATEGORIES.map((c) => ({ what: `category ${c.id}`, key: c.key })),
  ...INDICATORS.map((i) => ({ what: `indicator ${i.id}`, key: i.key })),
];

/** The data rows of a CSV file of the sample data folder. */
function readCsv(file: string): { fields: string[]; rows: Record<string, string>[] } {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(`data/${file}`, 'utf8').replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  });
  return { fields: parsed.meta.fields ?? [], rows: parsed.data };
}

describe('vocabulary', () => {
  it.each(entries)('$what has a Chinese and an English label', ({ key }) => {
    expect(isTranslationKey(key)).toBe(true);
    if (!isTranslationKey(key)) return;
    expect(DICTIONARIES.zh[key].trim()).not.toBe('');
    expect(DICTIONARIES.en[key].trim()).not.toBe('');
    // An English label is English: no Han characters left untranslated.
    expect(DICTIONARIES.en[key]).not.toMatch(/\p{Script=Han}/u);
  });

  it('names each industry and tag in Chinese as the data writes it, and translates it on /en/', () => {
    for (const i of INDUSTRIES) {
      expect(industryLabel('zh', i.name)).toBe(i.name);
      expect(industryLabel('en', i.name)).not.toBe(i.name);
    }
    for (const tag of TAGS) {
      expect(tagLabel('zh', tag)).toBe(tag);
      expect(tagLabel('en', tag)).not.toBe(tag);
    }
    expect(industryLabel('en', '数字创意')).toBe('Digital creative industries');
    expect(industryLabel('en', ' 节能环保 ')).toBe('Energy saving and environmental protection');
    expect(industryLabel('en', '')).toBe('Unclassified');
    // Unknown names are shown as written; names of Object.prototype are not keys.
    expect(industryLabel('en', '汽车')).toBe('汽车');
    expect(tagLabel('en', 'constructor')).toBe('constructor');
  });

  it('gives every industry a unique, URL-safe slug', () => {
    const slugs = [...INDUSTRIES.map((i) => i.slug), UNCLASSIFIED_INDUSTRY.slug];
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z][a-z0-9-]*$/);
    const keys = INDUSTRIES.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const i of INDUSTRIES) {
      expect(industrySlug(i.name)).toBe(i.slug);
      expect(industryBySlug(i.slug)).toBe(i);
    }
    expect(industrySlug('')).toBe('unclassified');
  });

  it('keys an unknown industry by the hex of its UTF-8 bytes, at most 16 of them', () => {
    // 汽车 = E6 B1 BD E8 BD A6 in UTF-8.
    expect(industrySlug('汽车')).toBe('i-e6b1bde8bda6');
    // 11 characters × 3 bytes = 33 bytes; the key keeps the first 16 (32 hex digits).
    expect(industrySlug('一二三四五六七八九十百')).toBe('i-e4b880e4ba8ce4b889e59b9be4ba94e5');
    expect(industryEntry('汽车')).toBeUndefined();
  });

  it('is what the sample data folder uses', () => {
    const parks = readCsv('parks.csv');
    expect(parks.fields).toEqual([...PARK_COLUMNS]);
    const enterprises = readCsv('enterprises.csv');
    expect(enterprises.fields).toEqual([...ENTERPRISE_COLUMNS]);
    const industries = new Set(enterprises.rows.map((r) => r['industry']!));
    const tags = new Set(enterprises.rows.flatMap((r) => r['tags']!.split(';').filter((t) => t !== '')));
    for (const industry of industries) expect(industryEntry(industry), industry).toBeDefined();
    for (const tag of tags) expect(TAGS as readonly string[]).toContain(tag);
    // The sample covers the whole vocabulary (so /en/ shows every industry translated).
    expect([...industries].sort()).toEqual(INDUSTRIES.map((i) => i.name).sort());
    expect([...tags].sort()).toEqual([...TAGS].sort());
  });

  it('is what the reference model names, and its English stage names are the dictionary’s', () => {
    expect(referenceModel.stages.map((s) => s.id)).toEqual(STAGES.map((s) => s.id));
    expect(referenceModel.categories.map((c) => c.id)).toEqual(CATEGORIES.map((c) => c.id));
    expect(referenceModel.indicators.map((i) => i.id)).toEqual(INDICATORS.map((i) => i.id));
    for (const s of referenceModel.stages) {
      expect(stageLabel('en', s.id)).toBe(s.name.en);
      expect(stageLabel('zh', s.id)).toBe(s.name.zh);
    }
    expect(stageLabel('en', 'stable')).toBe('Stable');
  });
});
