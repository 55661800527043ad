// Golden files: outputs that must not change unless someone means them to. The hand-computed
// fixture's internal scores, public table and privacy report (`npm run score`), and one SVG per
// chart type rendered from fixed inputs. A change fails with a unified line diff; when the
// change is intended, `UPDATE_GOLDEN=1 vitest run test/golden` rewrites the files (see README.md).
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, it } from 'vitest';
import BandStrip from '../../src/components/charts/BandStrip.astro';
import BarChart from '../../src/components/charts/BarChart.astro';
import Histogram from '../../src/components/charts/Histogram.astro';
import LineChart from '../../src/components/charts/LineChart.astro';
import { lineDiff } from './line-diff.ts';

const GOLDEN_DIR = fileURLToPath(new URL('.', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** Compares `actual` with the golden file `name`; rewrites it instead when UPDATE_GOLDEN=1. */
function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name);
  if (UPDATE) {
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`test/golden/${name} is missing; create it with UPDATE_GOLDEN=1 vitest run test/golden`);
  const diff = lineDiff(readFileSync(path, 'utf8'), actual);
  if (diff) {
    throw new Error(
      `test/golden/${name} differs from the output (- golden, + now):\n${diff}\n\n` +
        'If the change is intended, rewrite the golden files with UPDATE_GOLDEN=1 vitest run test/golden and commit them.',
    );
  }
}

describe('hand-computed fixture: npm run score -- --data test/fixtures/hand', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'golden-score-'));
    const r = spawnSync(process.execPath, ['scripts/score.ts', '--data', 'test/fixtures/hand', '--out', out], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`npm run score failed (${r.status}):\n${r.stderr}`);
  }, 120_000);

  it.each([
    ['scores.csv', 'hand-scores.csv'],
    ['site/public-2022.csv', 'hand-public-2022.csv'],
    ['site/public-2023.csv', 'hand-public-2023.csv'],
    ['privacy-report.txt', 'hand-privacy-report.txt'],
  ])('%s matches test/golden/%s', (file, golden) => {
    expectGolden(golden, readFileSync(join(out, file), 'utf8'));
  });
});

describe('one SVG per chart type', () => {
  let container: AstroContainer;
  beforeAll(async () => {
    container = await AstroContainer.create();
  });

  /**
   * The chart's <svg> as a standalone file: dev-only source annotations removed, the SVG
   * namespace added so it opens in a browser, and one element per line so a diff is readable.
   */
  async function renderSvg(component: Parameters<AstroContainer['renderToString']>[0], props: Record<string, unknown>): Promise<string> {
    const html = (await container.renderToString(component, { props })).replace(/ data-astro-source-(file|loc)="[^"]*"/g, '');
    const svg = /<svg[\s\S]*?<\/svg>/.exec(html)?.[0];
    if (!svg) throw new Error('no <svg> in the rendered chart');
    const standalone = svg.includes('xmlns=') ? svg : svg.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
    // One element per line; an element with no content keeps its closing tag on its line.
    return standalone.replace(/></g, '>\n<').replace(/^(<(\w+)\b[^\n]*>)\n(<\/\2>)$/gm, '$1$3') + '\n';
  }

  it('histogram', async () => {
    const svg = await renderSvg(Histogram, {
      id: 'golden-histogram',
      lang: 'zh',
      values: [10, 20, 60, 120, 130, 140, 480, 510, 520, 999, 1000],
      title: '积分分布',
      description: '2023 年全部企业积分分布',
      highlight: 130,
      markers: [{ value: 512.3, label: '中位数' }],
      format: 'score',
      width: 640,
    });
    expectGolden('histogram.svg', svg);
  });

  it('line chart', async () => {
    const svg = await renderSvg(LineChart, {
      id: 'golden-line',
      lang: 'en',
      series: [
        { key: 'score', label: 'Score', points: [{ x: 2021, y: 412.5 }, { x: 2022, y: 455 }, { x: 2023, y: 474.87 }] },
        { key: 'median', label: 'Cohort median', points: [{ x: 2021, y: 300 }, { x: 2022, y: null }, { x: 2023, y: 350.25 }] },
      ],
      title: 'Score by year',
      description: 'Score and cohort median, 2021 to 2023',
      format: 'score',
    });
    expectGolden('line.svg', svg);
  });

  it('bar chart', async () => {
    const svg = await renderSvg(BarChart, {
      id: 'golden-bars',
      lang: 'zh',
      title: '分类得分',
      description: '三类指标的得分与满分',
      bars: [
        { key: 'tech', label: '技术创新指标', value: 412.3, max: 550 },
        { key: 'ops', label: '成长经营指标', value: 200, max: 330, highlighted: true },
        { key: 'aux', label: '辅助指标', value: null, max: 170 },
      ],
    });
    expectGolden('bar.svg', svg);
  });

  it('stacked bar chart', async () => {
    const svg = await renderSvg(BarChart, {
      id: 'golden-stacked',
      lang: 'en',
      title: 'Enterprises by stage',
      description: 'Enterprises in each park by development stage',
      labelHeader: 'Park',
      stacked: {
        keys: [
          { key: 'startup', label: 'Start-up' },
          { key: 'growth', label: 'Growth' },
          { key: 'stable', label: 'Stable' },
        ],
        rows: [
          { key: 'a', label: 'Park A', values: { startup: 2, growth: 3, stable: 5 } },
          { key: 'b', label: 'Park B', values: { startup: 1200 } },
        ],
      },
    });
    expectGolden('bar-stacked.svg', svg);
  });

  it('band strip', async () => {
    const svg = await renderSvg(BandStrip, {
      id: 'golden-band-strip',
      lang: 'zh',
      title: '各项指标在同阶段中的位置',
      description: '本企业在同阶段企业中的位置',
      columns: ['前 10%', '前 10%–25%', '前 25%–50%', '后 50%', '未填报'],
      labelHeader: '指标',
      bandHeader: '同阶段位置',
      rows: [
        { key: 'category-tech', label: '技术创新指标', column: 1, group: true },
        { key: 'rd_expense', label: '研发费用金额 *', column: 0 },
        { key: 'rd_growth', label: '研发费用增长率', column: 2 },
        { key: 'pct_apps', label: 'PCT 专利申请量', column: 4 },
      ],
    });
    expectGolden('band-strip.svg', svg);
  });
});

