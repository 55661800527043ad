import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import Histogram from '../../src/components/charts/Histogram.astro';
import BandStrip from '../../src/components/charts/BandStrip.astro';
import LineChart from '../../src/components/charts/LineChart.astro';
import BarChart from '../../src/components/charts/BarChart.astro';
import Base from '../../src/layouts/Base.astro';
import Pagination from '../../src/components/Pagination.astro';
import Breadcrumbs from '../../src/components/Breadcrumbs.astro';
import DataTable from '../../src/components/DataTable.astro';

let container: AstroContainer;
let siteContainer: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
  siteContainer = await AstroContainer.create({ astroConfig: { site: 'https://portal.example.org' } });
});

/** Dev rendering annotates elements with their source; tests read the markup without it. */
const clean = (html: string) => html.replace(/ data-astro-source-(file|loc)="[^"]*"/g, '');

/** Every id attribute in the markup. */
const ids = (html: string) => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);

/** Checks the accessible SVG and the data table every chart must have. */
function expectAccessibleChart(html: string, id: string, title: string) {
  expect(html).toContain(`<figure class="chart" id="${id}">`);
  expect(html).toMatch(
    new RegExp(`<svg [^>]*role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc"`),
  );
  expect(html).toContain(`<title id="${id}-title">${title}</title>`);
  expect(html).toMatch(new RegExp(`<desc id="${id}-desc">[^<]+</desc>`));
  expect(html).toMatch(/<details class="chart-data"><summary>[^<]+<\/summary>/);
  expect(html).toContain(`<caption id="${id}-table-caption">`);
  expect(html).toContain('<th scope="col"');
  expect(html).toContain('<th scope="row"');
  const all = ids(html);
  expect(new Set(all).size).toBe(all.length);
  expect(all.every((x) => x?.startsWith(id))).toBe(true);
  expect(html).not.toMatch(/\son[a-z]+=/);
  expect(html).not.toContain('<script');
}

describe('Histogram', () => {
  it('renders bars, ticks, axis titles, markers and the counts table', async () => {
    const html = clean(
      await container.renderToString(Histogram, {
        props: {
          id: 'dist',
          lang: 'zh',
          values: [10, 20, 60, 999, 1000],
          title: '积分分布',
          description: '2023 年全部企业积分分布',
          highlight: 60,
          markers: [{ value: 512.3, label: '中位数' }],
          format: 'score',
          width: 640,
        },
      }),
    );
    expectAccessibleChart(html, 'dist', '积分分布');
    // Only non-empty bins are drawn: 0–50, 50–100 (highlighted), 950–1000.
    expect(html.match(/<rect /g)).toHaveLength(3);
    expect(html).toContain('<text x="624" y="294">1,000</text>');
    expect(html).toContain('积分（分）');
    expect(html).toContain('企业数（家）');
    expect(html).toContain('中位数 512.30');
    expect(html).toContain('<tr class="is-highlighted"><th scope="row">50–100</th><td class="num">1</td></tr>');
    expect(html).toContain('<th scope="row">合计</th><td class="num">5</td>');
    expect(html).toContain('<li>中位数：512.30</li>');
  });

  it('speaks English when asked', async () => {
    const html = clean(
      await container.renderToString(Histogram, {
        props: { id: 'd2', lang: 'en', values: [1], title: 'Scores', description: 'All scores' },
      }),
    );
    expect(html).toContain('<summary>Data table</summary>');
    expect(html).toContain('Score (points)');
  });
});

describe('BandStrip', () => {
  it('marks one band per row, draws equal cells whatever the band, and lists the bands in a table', async () => {
    const html = clean(
      await container.renderToString(BandStrip, {
        props: {
          id: 'band-strip',
          lang: 'zh',
          title: '各项指标在同阶段中的位置',
          description: '本企业在同阶段企业中的位置',
          columns: ['前 10%', '前 10%–25%', '前 25%–50%', '后 50%', '未填报'],
          labelHeader: '指标',
          bandHeader: '同阶段位置',
          rows: [
            { key: 'category-tech', label: '技术创新指标', column: 1, group: true },
            { key: 'rd_expense', label: '研发费用金额 *', column: 0 },
            { key: 'pct_apps', label: 'PCT 专利申请量', column: 4 },
          ],
        },
      }),
    );
    expectAccessibleChart(html, 'band-strip', '各项指标在同阶段中的位置');
    // The empty cells are one tile repeated over the grid; each row marks its band with one cell
    // of the tile's cell size (no geometry encodes a value).
    expect(html).toMatch(/<pattern id="band-strip-cells" patternUnits="userSpaceOnUse"[^>]*><rect x="0" y="3" width="([\d.]+)" height="20"/);
    const cell = /<pattern id="band-strip-cells"[^>]*><rect x="0" y="3" width="([\d.]+)"/.exec(html)![1];
    const active = [...html.matchAll(/<rect class="band-cell" x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="20"/g)];
    expect(active).toHaveLength(3);
    expect(new Set(active.map((r) => r[2]))).toEqual(new Set([cell]));
    expect(active.map((r) => Number(r[1]))).toEqual([382, 302, 622]);
    expect(html).toMatch(/<th scope="row"><strong>技术创新指标<\/strong><\/th><td>前 10%–25%<\/td>/);
    expect(html).toMatch(/<th scope="row">研发费用金额 \*<\/th><td>前 10%<\/td>/);
    expect(html).toMatch(/<th scope="row">PCT 专利申请量<\/th><td>未填报<\/td>/);
  });
});

describe('LineChart', () => {
  it('renders ranks over years with rank 1 at the top and a years table', async () => {
    const html = clean(
      await container.renderToString(LineChart, {
        props: {
          id: 'rank-trend',
          lang: 'en',
          invertY: true,
          series: [{ key: 'rank', label: 'National rank', points: [{ x: 2021, y: 5 }, { x: 2022, y: 3 }, { x: 2023, y: null }] }],
          title: 'National rank by year',
          description: 'Rank 5 in 2021, 3 in 2022, no data for 2023',
        },
      }),
    );
    expectAccessibleChart(html, 'rank-trend', 'National rank by year');
    expect(html).toContain('<text x="48" y="20" dominant-baseline="middle">1</text>');
    expect(html).toMatch(/<th scope="row">2023<\/th><td class="num">—<\/td>/);
    expect(html).toMatch(/<th scope="row">2022<\/th><td class="num">3<\/td>/);
    expect(html).not.toContain('chart-legend');
  });
});

describe('BarChart', () => {
  it('renders category bars with their maximum and a table', async () => {
    const html = clean(
      await container.renderToString(BarChart, {
        props: {
          id: 'categories',
          lang: 'zh',
          title: '分类得分',
          description: '三类指标的得分与满分',
          bars: [
            { key: 'tech', label: '技术创新指标', value: 412.3, max: 550 },
            { key: 'ops', label: '成长经营指标', value: 200, max: 330 },
            { key: 'aux', label: '辅助指标', value: null, max: 170 },
          ],
        },
      }),
    );
    expectAccessibleChart(html, 'categories', '分类得分');
    expect(html).toContain('412.30 / 550');
    expect(html).toContain('未填报 / 170');
    expect(html).toMatch(/<th scope="row">技术创新指标<\/th><td class="num">412.30<\/td><td class="num">550<\/td>/);
  });

  it('renders stacked bars with a legend and totals', async () => {
    const html = clean(
      await container.renderToString(BarChart, {
        props: {
          id: 'stages',
          lang: 'en',
          title: 'Enterprises by stage',
          description: 'Enterprises in each park by development stage',
          labelHeader: 'Park',
          stacked: {
            keys: [
              { key: 'startup', label: 'Start-up' },
              { key: 'growth', label: 'Growth' },
              { key: 'stable', label: 'Mature' },
            ],
            rows: [
              { key: 'a', label: 'Park A', values: { startup: 2, growth: 3, stable: 5 } },
              { key: 'b', label: 'Park B', values: { startup: 1200 } },
            ],
          },
        },
      }),
    );
    expectAccessibleChart(html, 'stages', 'Enterprises by stage');
    expect(html).toContain('<ul class="chart-legend" aria-label="Legend">');
    expect(html).toMatch(
      /<th scope="row">Park A<\/th><td class="num">2<\/td><td class="num">3<\/td><td class="num">5<\/td><td class="num">10<\/td>/,
    );
    expect(html).toContain('<td class="num">1,200</td>');
  });
});

describe('DataTable', () => {
  it('wraps the table in a focusable region labelled by its caption', async () => {
    const html = clean(
      await container.renderToString(DataTable, {
        props: { id: 'rank-table', caption: '2023 年排名' },
        slots: { default: '<tbody><tr><td>1</td></tr></tbody>' },
      }),
    );
    expect(html).toContain(
      '<section class="table-scroll" tabindex="0" aria-labelledby="rank-table-caption">',
    );
    expect(html).toContain('<caption id="rank-table-caption">2023 年排名</caption>');
    expect(html).toContain('<tbody><tr><td>1</td></tr></tbody>');
  });
});

describe('Pagination', () => {
  it('links neighbours and pages with Astro paginate() paths', async () => {
    const html = clean(
      await container.renderToString(Pagination, {
        props: { lang: 'zh', current: 5, total: 20, path: '/rankings/2023/' },
      }),
    );
    expect(html).toContain('<nav class="pagination" aria-label="分页">');
    expect(html).toContain('第 5 页，共 20 页');
    expect(html).toContain('<a href="/rankings/2023/4/" rel="prev">上一页</a>');
    expect(html).toContain('<a href="/rankings/2023/6/" rel="next">下一页</a>');
    expect(html).toContain('<a href="/rankings/2023/" aria-label="第 1 页">1</a>');
    expect(html).toContain('<a href="/rankings/2023/5/" aria-current="page" aria-label="第 5 页">5</a>');
    // 1 2 3 4 [5] 6 7 … 20
    expect(html.match(/…/g)).toHaveLength(1);
  });

  it('prefixes /en and renders nothing for a single page', async () => {
    const en = clean(
      await container.renderToString(Pagination, { props: { lang: 'en', current: 1, total: 2, path: '/parks/' } }),
    );
    expect(en).toContain('<span class="is-disabled">Previous</span>');
    expect(en).toContain('<a href="/en/parks/2/" rel="next">Next</a>');
    const single = await container.renderToString(Pagination, {
      props: { lang: 'en', current: 1, total: 1, path: '/parks/' },
    });
    expect(single.trim()).toBe('');
  });
});

describe('Breadcrumbs', () => {
  it('links ancestors and marks the current page', async () => {
    const html = clean(
      await container.renderToString(Breadcrumbs, {
        props: {
          lang: 'en',
          items: [
            { label: 'Home', path: '/' },
            { label: 'Parks', path: '/parks/' },
            { label: 'Shijiazhuang' },
          ],
        },
      }),
    );
    expect(html).toContain('<nav class="breadcrumbs" aria-label="Breadcrumb">');
    expect(html).toContain('<a href="/en/parks/">Parks</a>');
    expect(html).toContain('<span aria-current="page">Shijiazhuang</span>');
  });
});

describe('Base layout', () => {
  const props = {
    lang: 'zh' as const,
    title: '2023 年排名',
    description: '2023 年企业创新积分排名',
    path: '/rankings/2023/',
  };

  it('renders the document head for the language', async () => {
    const html = clean(
      await container.renderToString(Base, { props, partial: false, slots: { default: '<h1>排名</h1>' } }),
    );
    expect(html).toMatch(/^<!DOCTYPE html><html lang="zh-CN">/i);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<title>2023 年排名 | 企业创新积分公示平台</title>');
    expect(html).toContain('<meta name="description" content="2023 年企业创新积分排名">');
    expect(html).toContain('<meta property="og:type" content="website">');
    expect(html).toContain('<meta property="og:locale" content="zh_CN">');
    expect(html).toContain('<link rel="alternate" hreflang="en" href="/en/rankings/2023/">');
    expect(html).not.toContain('noindex');
  });

  it('renders the skip link, navigation, switcher, main and footer', async () => {
    const html = clean(
      await container.renderToString(Base, { props, partial: false, slots: { default: '<h1>排名</h1>' } }),
    );
    expect(html).toContain('<a class="skip-link" href="#main">跳到正文</a>');
    expect(html).toContain('<a href="/rankings/" aria-current="page">排名</a>');
    expect(html).toContain('<a href="/">首页</a>');
    expect(html).toContain('<a href="/en/rankings/2023/" hreflang="en" lang="en">English</a>');
    expect(html).toContain('<main id="main" tabindex="-1" class="container"><h1>排名</h1></main>');
    expect(html).toContain('本站企业数据为合成的示例数据，不代表任何真实企业');
    expect(html).toContain('role="note"');
    expect(html).not.toMatch(/https?:\/\/(?!portal\.example\.org|www\.w3\.org)/);
  });

  it('uses absolute URLs when the site is configured, and the given identity', async () => {
    const html = clean(
      await siteContainer.renderToString(Base, {
        props: {
          ...props,
          lang: 'en',
          title: 'Rankings 2023',
          ogType: 'article',
          noindex: true,
          site: {
            title: { zh: '某市创新积分', en: 'City Innovation Points' },
            publisher: { zh: '某市科技局', en: 'City Science Bureau' },
            contact: 'points@example.gov.cn',
            licence: { zh: 'CC BY 4.0', en: 'CC BY 4.0' },
            sample_data: false,
          },
        },
      }),
    );
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toContain('<title>Rankings 2023 | City Innovation Points</title>');
    expect(html).toContain('<link rel="canonical" href="https://portal.example.org/en/rankings/2023/">');
    expect(html).toContain('<meta property="og:url" content="https://portal.example.org/en/rankings/2023/">');
    expect(html).toContain('<link rel="alternate" hreflang="zh-CN" href="https://portal.example.org/rankings/2023/">');
    expect(html).toContain('<meta property="og:locale" content="en_GB">');
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('<a href="mailto:points@example.gov.cn">points@example.gov.cn</a>');
    expect(html).toContain('City Science Bureau');
    expect(html).not.toContain('synthetic sample data');
    expect(html).toContain('<a href="/rankings/2023/" hreflang="zh-CN" lang="zh-CN">中文</a>');
  });
});
