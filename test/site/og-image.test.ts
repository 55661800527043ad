/**
 * Share images (issue 14 §8): which card a page gets, the card's texts and wrapping worked by
 * hand, escaping, and a real rendering with resvg and the system's CJK font (CI installs
 * fonts-wqy-microhei for the browser tests) to a 1200 × 630 PNG.
 */
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderPng } from '../../src/build/og-render.ts';
import { ogFontFile, SYSTEM_CJK_FONTS } from '../../src/build/og-font.ts';
import { OG_TYPES, ogCardSvg, ogImagePath, ogTexts, ogTypeOf, textWidthEm, wrapText, type OgFacts } from '../../src/site/og-image.ts';
import { routes } from '../../src/site/routes.ts';
import { programmeRoutes } from '../../src/site/programmes.ts';

const facts: OgFacts = { siteTitle: '甲高新区 <积分> & 公示', year: 2023, enterprises: 10643, parks: 4, asOf: '2024-05-20' };

describe('ogTypeOf', () => {
  it('gives each page type its card, by the route’s first segment', () => {
    expect(ogTypeOf(routes.home())).toBe('home');
    expect(ogTypeOf(routes.rankings())).toBe('rankings');
    expect(ogTypeOf(routes.national(2023, 3))).toBe('rankings');
    expect(ogTypeOf(routes.indicatorRanking(2023, 'rd_intensity'))).toBe('rankings');
    expect(ogTypeOf(routes.enterprise('91130100MA0000000X'))).toBe('enterprise');
    expect(ogTypeOf(routes.showcaseEntry('a'))).toBe('showcase');
    expect(ogTypeOf(routes.stageYear('growth', 2022))).toBe('stages');
    expect(ogTypeOf(routes.park('P1'))).toBe('parks');
    expect(ogTypeOf(routes.methodology())).toBe('methodology');
    expect(ogTypeOf(routes.openData())).toBe('data');
    expect(ogTypeOf(programmeRoutes.programme('lead', 2023))).toBe('programmes');
    expect(ogTypeOf(programmeRoutes.finance())).toBe('finance');
    expect(ogTypeOf(routes.compare())).toBe('compare');
    // Anything else (the not-found page) uses the home card.
    expect(ogTypeOf('/404')).toBe('home');
    expect(ogImagePath('parks', 'en')).toBe('/og/parks-en.png');
  });
});

describe('texts and wrapping', () => {
  it('states the public totals in each language', () => {
    expect(ogTexts('rankings', 'zh', facts)).toEqual({
      heading: '企业创新积分排名',
      site: '甲高新区 <积分> & 公示',
      facts: '2023 年度 · 10,643 家企业 · 4 个园区',
      asOf: '数据更新于 2024年5月20日',
    });
    expect(ogTexts('rankings', 'en', { ...facts, asOf: undefined })).toMatchObject({ facts: '2023 · 10,643 enterprises · 4 parks', asOf: '' });
    for (const type of OG_TYPES) for (const lang of ['zh', 'en'] as const) expect(ogTexts(type, lang, facts).heading).not.toMatch(/^og\./);
  });

  it('estimates widths: a Chinese character 1 em, a Latin letter 0.56 em, a space 0.3 em', () => {
    expect(textWidthEm('积分')).toBe(2);
    expect(textWidthEm('ab c')).toBeCloseTo(0.56 * 3 + 0.3, 10);
  });

  it('breaks at spaces, or between Chinese characters, and ends an overlong text with …', () => {
    // 'alpha beta' is 5 × 0.56 + 0.3 + 4 × 0.56 = 5.34 em: over 5, so beta goes to line 2.
    expect(wrapText('alpha beta gamma', 5, 3)).toEqual(['alpha', 'beta', 'gamma']);
    expect(wrapText('一二三四五六七', 3, 3)).toEqual(['一二三', '四五六', '七']);
    expect(wrapText('一二三四五六七', 3, 2)).toEqual(['一二三', '四五…']);
    expect(wrapText('short', 10, 1)).toEqual(['short']);
  });
});

describe('ogCardSvg', () => {
  it('escapes the site’s title and refers to nothing outside the document', () => {
    const svg = ogCardSvg('home', 'zh', facts);
    expect(svg).toContain('甲高新区 &lt;积分&gt; &amp; 公示');
    expect(svg).not.toContain('<积分>');
    expect(svg).not.toMatch(/href=|url\(|<image/);
    expect(svg).toContain('width="1200" height="630"');
  });
});

/** Width, height and the decoded scanlines of a PNG (8-bit RGBA, as resvg writes). */
function readPng(png: Uint8Array): { width: number; height: number; distinctRows: number } {
  const buf = Buffer.from(png);
  expect(buf.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let at = 8; at < buf.length; ) {
    const len = buf.readUInt32BE(at);
    const type = buf.subarray(at + 4, at + 8).toString('latin1');
    if (type === 'IDAT') idat.push(buf.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  // Rows that differ from the first row (the background): text and marks were drawn.
  const stride = 1 + width * 4;
  const rows = new Set<string>();
  for (let y = 0; y < height; y++) rows.add(raw.subarray(y * stride + 1, (y + 1) * stride).toString('base64'));
  return { width, height, distinctRows: rows.size };
}

describe('renderPng', () => {
  it('finds a CJK font where the system keeps it, or none', () => {
    expect(ogFontFile(undefined, [])).toBeUndefined();
    expect(ogFontFile('/my/font.ttf', [])).toBe('/my/font.ttf');
  });

  it('draws the card to a 1200 × 630 PNG with its text', async () => {
    const font = ogFontFile(undefined, SYSTEM_CJK_FONTS);
    expect(font, 'a CJK font (apt-get install fonts-wqy-microhei) is needed to draw the cards').toBeDefined();
    const zh = readPng(await renderPng(ogCardSvg('rankings', 'zh', facts), font!));
    expect(zh).toMatchObject({ width: 1200, height: 630 });
    const blank = readPng(await renderPng('<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"><rect width="1200" height="630" fill="#0b3d75"/></svg>', font!));
    expect(blank.distinctRows).toBe(1);
    // The mark, four lines of text and the bottom rule: well over a hundred distinct rows.
    expect(zh.distinctRows).toBeGreaterThan(150);
  }, 30_000);
});
