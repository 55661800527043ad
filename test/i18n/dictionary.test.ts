import { describe, expect, it } from 'vitest';
import { zh } from '../../src/i18n/zh.ts';
import { en } from '../../src/i18n/en.ts';
import {
  href,
  splitLangPath,
  stageLabel,
  t,
  tagLabel,
  useTranslations,
  withBase,
} from '../../src/i18n/index.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('have the same keys in zh and en', () => {
    const zhKeys = Object.keys(zh).sort();
    const enKeys = Object.keys(en).sort();
    expect(enKeys.filter((k) => !zhKeys.includes(k)), 'keys only in en').toEqual([]);
    expect(zhKeys.filter((k) => !enKeys.includes(k)), 'keys only in zh').toEqual([]);
  });

  it('have no empty values', () => {
    for (const [lang, dict] of Object.entries({ zh, en })) {
      const empty = Object.entries(dict)
        .filter(([, v]) => v.trim() === '')
        .map(([k]) => k);
      expect(empty, `empty values in ${lang}`).toEqual([]);
    }
  });

  it('use the same placeholders in both languages', () => {
    const mismatched = Object.keys(zh).filter((key) => {
      const k = key as keyof typeof zh;
      return placeholders(zh[k]).join() !== placeholders(en[k]).join();
    });
    expect(mismatched).toEqual([]);
  });

  it('use dotted keys', () => {
    const bad = Object.keys(zh).filter((k) => !/^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_]+)+$/.test(k));
    expect(bad).toEqual([]);
  });
});

describe('t', () => {
  it('returns the string for the language', () => {
    expect(t('zh', 'nav.home')).toBe('首页');
    expect(t('en', 'value.notReported')).toBe('Not reported');
  });

  it('fills placeholders and formats numbers', () => {
    expect(t('zh', 'pagination.status', { n: 2, total: 1234 })).toBe('第 2 页，共 1,234 页');
    expect(t('en', 'pagination.page', { n: '3' })).toBe('Page 3');
  });

  it('throws when a placeholder has no value', () => {
    expect(() => t('zh', 'pagination.page')).toThrow(/\{n\}/);
  });

  it('binds a language with useTranslations', () => {
    const tr = useTranslations('en');
    expect(tr('stage.growth')).toBe('Growth');
  });
});

describe('links', () => {
  it('prefixes the base path and /en for English', () => {
    expect(href('zh', '/', '/')).toBe('/');
    expect(href('en', '/', '/')).toBe('/en/');
    expect(href('zh', '/rankings/2023/', '/portal/')).toBe('/portal/rankings/2023/');
    expect(href('en', '/rankings/2023/', '/portal')).toBe('/portal/en/rankings/2023/');
  });

  it('adds the trailing slash to routes but not to files, keeping hash and query', () => {
    expect(href('zh', 'parks/sjz', '/')).toBe('/parks/sjz/');
    expect(href('en', '/parks/sjz#stage', '/')).toBe('/en/parks/sjz/#stage');
    expect(href('zh', '/data/scores.csv', '/')).toBe('/data/scores.csv');
    expect(withBase('/data/scores.csv', '/x/')).toBe('/x/data/scores.csv');
  });

  it('splits a pathname back into language and route', () => {
    expect(splitLangPath('/portal/en/parks/', '/portal/')).toEqual({ lang: 'en', path: '/parks/' });
    expect(splitLangPath('/portal/', '/portal/')).toEqual({ lang: 'zh', path: '/' });
    expect(splitLangPath('/en', '/')).toEqual({ lang: 'en', path: '/' });
    expect(splitLangPath('/enterprises/x/', '/')).toEqual({ lang: 'zh', path: '/enterprises/x/' });
  });
});

describe('labels from data', () => {
  it('translates known ids and falls back for unknown ones', () => {
    expect(stageLabel('en', 'stable')).toBe('Stable');
    expect(stageLabel('zh', 'scaleup', '壮大期')).toBe('壮大期');
    expect(tagLabel('en', '瞪羚企业')).toBe('Gazelle enterprise');
    expect(tagLabel('en', '其他')).toBe('其他');
  });
});
