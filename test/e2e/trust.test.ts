// Issue 14 §8 (part): the data's date on every page and download, and the objection channel
// (异议与纠错) with the public-notice period on profiles and the methodology page, from site.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixture } from '../helpers/folder.ts';
import { buildSiteOrThrow, listFiles, sampleSite } from './helpers/build.ts';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('a site.json with its date, contact, public-notice period and objection text', () => {
  let dist: string;
  beforeAll(async () => {
    const dir = copyFixture();
    writeFileSync(
      join(dir, 'site.json'),
      JSON.stringify({
        contact: 'kjj@example.gov.cn',
        data_as_of: '2024-03-01',
        notice_period: { start: '2024-03-01', end: '2024-03-15' },
        objection: { zh: '请于公示期内致函甲高新区科技局。', en: 'Write to the Alpha zone science bureau within the notice period.' },
        sample_data: false,
      }),
    );
    dist = (await buildSiteOrThrow(dir)).dist;
  });

  it('says when the data is from on every page, in both languages', () => {
    // Every page but the bilingual not-found page, which has no data to date.
    const pages = listFiles(dist).filter((f) => f.endsWith('.html') && f !== '404.html');
    expect(pages.length).toBeGreaterThan(20);
    for (const f of pages) {
      const body = text(readFileSync(join(dist, f), 'utf8'));
      expect(body, f).toContain(f.startsWith('en/') ? 'Data as of 1 March 2024' : '数据更新于 2024年3月1日');
    }
  });

  it('shows the objection channel with the period, the text and the contact on profiles and the methodology page', () => {
    const profile = listFiles(dist).find((f) => /^enterprise\/[^/]+\/index\.html$/.test(f))!;
    for (const [file, lang] of [
      [profile, 'zh'],
      [`en/${profile}`, 'en'],
      ['methodology/index.html', 'zh'],
      ['en/methodology/index.html', 'en'],
    ] as const) {
      const body = text(readFileSync(join(dist, file), 'utf8'));
      if (lang === 'zh') {
        expect(body, file).toContain('异议与纠错');
        expect(body, file).toContain('公示期：2024年3月1日 至 2024年3月15日');
        expect(body, file).toContain('请于公示期内致函甲高新区科技局。');
      } else {
        expect(body, file).toContain('Objections and corrections');
        expect(body, file).toContain('Public-notice period: 1 March 2024 to 15 March 2024');
        expect(body, file).toContain('Write to the Alpha zone science bureau within the notice period.');
      }
      expect(readFileSync(join(dist, file), 'utf8'), file).toContain('href="mailto:kjj@example.gov.cn"');
    }
  });

  it('names a share image of the page’s type on every page: a 1200 × 630 PNG of the build, described in the page’s language', () => {
    // Every page but the bilingual not-found page, which is not shared.
    const pages = listFiles(dist).filter((f) => f.endsWith('.html') && f !== '404.html');
    const meta = (html: string, property: string) => new RegExp(`<meta property="${property}" content="([^"]*)"`).exec(html)?.[1];
    const images = new Set<string>();
    for (const f of pages) {
      const html = readFileSync(join(dist, f), 'utf8');
      expect(['website', 'article'], f).toContain(meta(html, 'og:type'));
      const image = meta(html, 'og:image');
      expect(image, f).toBeDefined();
      const path = new URL(image!, 'https://example.org').pathname;
      const lang = f.startsWith('en/') ? 'en' : 'zh';
      expect(path, f).toMatch(new RegExp(`^/og/[a-z]+-${lang}\\.png$`));
      if (f.startsWith('enterprise/') || f.startsWith('en/enterprise/')) expect(path).toBe(`/og/enterprise-${lang}.png`);
      expect(meta(html, 'og:image:alt'), f).toContain(lang === 'en' ? 'Enterprise Innovation Points Portal' : '企业创新积分公示平台');
      images.add(path);
    }
    // One card per page type and language, each a real PNG of the card's size.
    expect(images.size).toBeGreaterThanOrEqual(18);
    for (const path of images) {
      const png = readFileSync(join(dist, path));
      expect(png.subarray(1, 4).toString('latin1'), path).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], path).toEqual([1200, 630]);
    }
  });

  it('dates every download', () => {
    expect(readFileSync(join(dist, 'downloads/README.txt'), 'utf8')).toContain('Data as of 2024-03-01');
    const json = JSON.parse(readFileSync(join(dist, 'downloads/public-scores.json'), 'utf8')) as { notice: string };
    expect(json.notice).toContain('数据更新于 2024-03-01');
  });
});

describe('without those fields (the sample)', () => {
  it('dates pages by the latest date in the data and still shows where to object', async () => {
    const { dist } = await sampleSite();
    const home = text(readFileSync(join(dist, 'index.html'), 'utf8'));
    expect(home).toMatch(/数据更新于 \d{4}年\d{1,2}月\d{1,2}日/);
    const methodology = text(readFileSync(join(dist, 'en/methodology/index.html'), 'utf8'));
    expect(methodology).toContain('Objections and corrections');
    expect(methodology).toContain('this site has no contact address yet');
  });
});

describe('the showcase’s risers list', () => {
  it('ranks 1–n by points gained, not by national rank', async () => {
    const { dist } = await sampleSite();
    for (const file of ['showcase/index.html', 'en/showcase/index.html']) {
      const html = readFileSync(join(dist, file), 'utf8');
      const table = html.slice(html.indexOf('id="showcase-risers"'), html.indexOf('</table>', html.indexOf('id="showcase-risers"')));
      const rows = [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].slice(1);
      const ranks = rows.map((r) => Number(text(/<td[^>]*>([\s\S]*?)<\/td>/.exec(r[1]!)![1]!).trim()));
      expect(ranks.length, file).toBe(10);
      expect(ranks[0], file).toBe(1);
      // Competition ranks in list order: each is its position, or the previous rank on a tie.
      ranks.forEach((rank, i) => expect(rank === i + 1 || rank === ranks[i - 1], `${file} row ${i + 1}`).toBe(true));
    }
  });
});

describe('showcase entries in English', () => {
  it('show their English summary on /en/ lists and as the English page description; Chinese stays on /', async () => {
    const { dist } = await sampleSite();
    const en = readFileSync(join(dist, 'en/showcase/index.html'), 'utf8');
    expect(en).toContain('The fictional start-up Shijiazhuang Lizi Pharmaceutical Technology');
    expect(readFileSync(join(dist, 'showcase/index.html'), 'utf8')).toContain('虚构的初创期企业“石家庄立紫医药科技有限公司”');
    const page = readFileSync(join(dist, 'en/showcase/shijiazhuang-lizi-pharma/index.html'), 'utf8');
    const og = /<meta property="og:description" content="([^"]*)"/.exec(page)![1]!;
    expect(og).toContain('Sample entry. The fictional start-up');
    expect(og).not.toMatch(/[\u4e00-\u9fff]/);
    const feed = readFileSync(join(dist, 'en/showcase/rss.xml'), 'utf8');
    expect(feed).toContain('<description>Sample entry. The fictional start-up Shijiazhuang Lizi');
  });
});
