// The explorer's view in the URL (explorer-url.ts) and its CSV export (explorer-csv.ts): both
// pure, so every rule is checked here; the browser test (test/e2e/explorer-url.test.ts) checks
// the island uses them.
import { describe, expect, it } from 'vitest';
import { csvFileName, explorerCsv, type CsvHeadings, type CsvLabels } from '../../src/components/islands/explorer-csv.ts';
import { decodeView, defaultView, encodeView, sameView, type ExplorerView, type ViewChoices } from '../../src/components/islands/explorer-url.ts';
import { NO_FILTER_KEYS, type ExplorerRow, type RankingTablesOfYear } from '../../src/wire/ranking-data.ts';

const CHOICES: ViewChoices = {
  years: [2022, 2023, 2024],
  defaultYear: 2024,
  parks: ['zgc', 'sh-zj'],
  stages: ['startup', 'growth', 'stable'],
  industries: ['生物医药', '新一代信息技术', 'A&B = C'],
  tags: ['高新技术企业', '专精特新'],
};

const view = (v: Omit<Partial<ExplorerView>, 'keys'> & { keys?: Partial<ExplorerView['keys']> }): ExplorerView => ({
  ...defaultView(CHOICES),
  ...v,
  keys: { ...NO_FILTER_KEYS, ...v.keys },
});

describe('explorer view in the URL', () => {
  it('writes nothing for the default view', () => {
    expect(encodeView(defaultView(CHOICES), CHOICES)).toBe('');
    expect(decodeView('', CHOICES)).toEqual(defaultView(CHOICES));
    expect(decodeView('?', CHOICES)).toEqual(defaultView(CHOICES));
  });

  it('omits each parameter at its default', () => {
    expect(encodeView(view({ page: 2 }), CHOICES)).toBe('page=2');
    expect(encodeView(view({ year: 2023 }), CHOICES)).toBe('year=2023');
    expect(encodeView(view({ sort: { key: 'score', dir: 'desc' } }), CHOICES)).toBe('sort=score&dir=desc');
    // rank ascending is the default sort; rank descending is not.
    expect(encodeView(view({ sort: { key: 'rank', dir: 'desc' } }), CHOICES)).toBe('sort=rank&dir=desc');
    expect(encodeView(view({ keys: { stage: 'growth' } }), CHOICES)).toBe('stage=growth');
  });

  it('round-trips every field, Chinese values percent-encoded', () => {
    const v = view({
      year: 2022,
      keys: { park: 'sh-zj', stage: 'stable', industry: '生物医药', tag: '专精特新', query: '广州 医药&x=1' },
      sort: { key: 'name', dir: 'desc' },
      page: 3,
    });
    const qs = encodeView(v, CHOICES);
    expect(qs).toBe(
      'year=2022&park=sh-zj&stage=stable&industry=%E7%94%9F%E7%89%A9%E5%8C%BB%E8%8D%AF&tag=%E4%B8%93%E7%B2%BE%E7%89%B9%E6%96%B0' +
        '&q=%E5%B9%BF%E5%B7%9E%20%E5%8C%BB%E8%8D%AF%26x%3D1&sort=name&dir=desc&page=3',
    );
    expect(qs).toMatch(/^[\x21-\x7e]*$/); // plain ASCII, nothing a chat app would break
    expect(decodeView(qs, CHOICES)).toEqual(v);
    expect(decodeView(`?${qs}`, CHOICES)).toEqual(v);
    const odd = view({ keys: { industry: 'A&B = C', query: '+ 100%' } });
    expect(decodeView(encodeView(odd, CHOICES), CHOICES)).toEqual(odd);
  });

  it('reads "+" as a space and unencoded Chinese as written', () => {
    expect(decodeView('q=a+b&industry=生物医药', CHOICES).keys).toEqual({ ...NO_FILTER_KEYS, query: 'a b', industry: '生物医药' });
  });

  it('ignores unknown parameters and invalid values', () => {
    const fallback = defaultView(CHOICES);
    for (const qs of [
      'utm_source=x&foo=bar',
      'year=1999',
      'year=2023.0',
      'year=abc',
      'park=nowhere',
      'stage=STABLE',
      'industry=%E7%94%9F', // a prefix of 生物医药 is not an industry
      'tag=',
      'sort=secret&dir=desc',
      'sort=__proto__',
      'dir=desc',
      'page=0',
      'page=-2',
      'page=2.5',
      'page=1e3',
      'page=99999999',
      'page=',
      `q=${'x'.repeat(101)}`,
      'q=%E0%A4%A', // malformed percent-encoding
      '%%%&&&==',
    ]) {
      expect(decodeView(qs, CHOICES), qs).toEqual(fallback);
    }
    // One bad value leaves the others standing.
    expect(decodeView('industry=%E7%94%9F%E7%89%A9%E5%8C%BB%E8%8D%AF&page=zero&sort=score&dir=sideways', CHOICES)).toEqual(
      view({ keys: { industry: '生物医药' }, sort: { key: 'score', dir: 'desc' } }),
    );
    // The first of repeated parameters counts.
    expect(decodeView('page=2&page=5', CHOICES).page).toBe(2);
  });

  it('takes a missing direction from the column', () => {
    expect(decodeView('sort=score', CHOICES).sort).toEqual({ key: 'score', dir: 'desc' });
    expect(decodeView('sort=name', CHOICES).sort).toEqual({ key: 'name', dir: 'asc' });
    expect(decodeView('sort=score&dir=asc', CHOICES).sort).toEqual({ key: 'score', dir: 'asc' });
  });

  it('carries the score-change sort both ways', () => {
    expect(encodeView(view({ sort: { key: 'scoreChange', dir: 'desc' } }), CHOICES)).toBe('sort=scoreChange&dir=desc');
    expect(decodeView('sort=scoreChange&dir=asc', CHOICES).sort).toEqual({ key: 'scoreChange', dir: 'asc' });
    // Most points gained first unless the URL says otherwise.
    expect(decodeView('sort=scoreChange', CHOICES).sort).toEqual({ key: 'scoreChange', dir: 'desc' });
    // Keys are case-sensitive: anything else is the default sort.
    expect(decodeView('sort=scorechange&dir=asc', CHOICES).sort).toEqual({ key: 'rank', dir: 'asc' });
  });

  it('compares views', () => {
    expect(sameView(view({ page: 2 }), view({ page: 2 }))).toBe(true);
    expect(sameView(view({ page: 2 }), view({ page: 3 }))).toBe(false);
    expect(sameView(view({ keys: { tag: '专精特新' } }), view({}))).toBe(false);
    expect(sameView(view({ sort: { key: 'score', dir: 'asc' } }), view({ sort: { key: 'score', dir: 'desc' } }))).toBe(false);
  });
});

describe('explorer CSV export', () => {
  const tables: RankingTablesOfYear = { parks: ['zgc', 'sh-zj'], stages: ['startup', 'growth'], industries: ['生物医药', '=HYPERLINK("x")'], tagNames: ['高新技术企业', '专精特新'] };
  const row = (r: Partial<ExplorerRow>): ExplorerRow => ({
    order: 0,
    id: '91110000MA01ABCD1X',
    name: '北京甲乙智能科技有限公司',
    nameEn: 'Beijing Jiayi, "Intelligent" Co.',
    park: 0,
    stage: 1,
    industry: 0,
    tags: 0b11,
    score: 87.5,
    rank: 1,
    rankChange: -3,
    scoreChange: 1.25,
    ...r,
  });
  const headings: CsvHeadings = {
    rank: '全国排名',
    id: '统一社会信用代码',
    name: '企业名称',
    nameEn: '英文名称',
    park: '园区',
    stage: '发展阶段',
    industry: '行业',
    tags: '资质',
    score: '积分',
    rankChange: '排名变化',
    scoreChange: '积分变化',
  };
  const labels: CsvLabels = {
    park: new Map([['zgc', '中关村'], ['sh-zj', '张江']]),
    stage: new Map([['startup', '初创期'], ['growth', '成长期']]),
    industry: new Map([['生物医药', '生物医药']]),
    tag: new Map([['高新技术企业', '高新技术企业'], ['专精特新', '专精特新']]),
  };

  it('writes a BOM, the header and one CRLF line per row, in the given order', () => {
    const rows = [row({}), row({ order: 1, id: 'B2', name: '乙', nameEn: '', park: 1, stage: 0, industry: 1, tags: 0, score: 50, rank: 2, rankChange: null, scoreChange: null })];
    const csv = explorerCsv(rows, tables, headings, labels);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      '全国排名,统一社会信用代码,企业名称,英文名称,园区,发展阶段,行业,资质,积分,排名变化,积分变化',
      '1,91110000MA01ABCD1X,北京甲乙智能科技有限公司,"Beijing Jiayi, ""Intelligent"" Co.",中关村,成长期,生物医药,高新技术企业; 专精特新,87.5,-3,1.25',
      // A formula in a text cell gets a leading apostrophe (and quotes, for its own quotes).
      `2,B2,乙,,张江,初创期,"'=HYPERLINK(""x"")",,50,,`,
      '',
    ]);
  });

  it('makes every text cell formula-safe', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      const csv = explorerCsv([row({ name: `${start}1+1`, nameEn: '' })], tables, headings, labels);
      const line = csv.split('\r\n')[1]!;
      expect(line, JSON.stringify(start)).toContain(`'${start}1+1`);
    }
  });

  it('leaves out designations when they are not published', () => {
    const { tags: _omit, ...noTags } = headings;
    const csv = explorerCsv([row({})], tables, noTags, labels);
    expect(csv.split('\r\n')[0]).toBe('\uFEFF全国排名,统一社会信用代码,企业名称,英文名称,园区,发展阶段,行业,积分,排名变化,积分变化');
    expect(csv).not.toContain('专精特新');
  });

  it('names the file after the year and the filters', () => {
    expect(csvFileName('创新积分排名-{year}', 2024, NO_FILTER_KEYS, labels)).toBe('创新积分排名-2024.csv');
    expect(csvFileName('ranking-{year}', 2023, { park: 'zgc', stage: 'growth', industry: '生物医药', tag: '专精特新', query: ' a/b: c ' }, labels)).toBe(
      'ranking-2023-中关村-成长期-生物医药-专精特新-a_b_c.csv',
    );
    expect(csvFileName('{year}', 2023, { ...NO_FILTER_KEYS, park: 'unknown' }, labels)).toBe('2023-unknown.csv');
    expect(csvFileName('../{year}', 2023, NO_FILTER_KEYS, labels)).toBe('2023.csv');
  });
});
