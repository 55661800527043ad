/**
 * The one vocabulary of the data and the site: the columns of the data folder's CSV files,
 * the designations (tags), the common industries (with URL slug), the default model's stages,
 * categories and indicators. Each entry names its dictionary key; the dictionaries
 * (src/i18n/zh.ts, en.ts) hold the words, and src/i18n/index.ts checks at compile time that
 * every key named here exists. Nothing else writes these lists: ingest validates against them,
 * the sample generator writes them, the site labels and links with them.
 *
 * Pure data and browser-safe (no Node APIs): the client island may import it.
 */

/** Raw numeric columns of enterprises.csv, in dataset.md order; a model may reference any of them. */
export const NUMERIC_COLUMNS = [
  'rd_expense',
  'rd_expense_prev',
  'revenue',
  'revenue_prev',
  'employees',
  'st_staff',
  'postgrad_staff',
  'invention_patent_apps',
  'pct_apps',
  'tech_contract_value',
  'high_tech_revenue',
  'rd_tax_deduction',
  'net_profit',
  'net_assets',
  'graduates_hired',
  'platforms',
  'awards',
  'vc_investment',
  'standards',
  'serious_violations',
] as const;
export type NumericColumn = (typeof NUMERIC_COLUMNS)[number];

/** Columns of parks.csv, in the order dataset.md lists them. */
export const PARK_COLUMNS = ['code', 'name', 'name_en', 'province', 'city', 'level', 'pilot_batch', 'pilot_year'] as const;
export type ParkColumn = (typeof PARK_COLUMNS)[number];

/** The columns of enterprises.csv before the numeric ones. */
export const ENTERPRISE_TEXT_COLUMNS = ['id', 'name', 'name_en', 'park', 'year', 'founded', 'industry', 'tags'] as const;

/** Columns of enterprises.csv, in the order dataset.md lists them. */
export const ENTERPRISE_COLUMNS = [...ENTERPRISE_TEXT_COLUMNS, ...NUMERIC_COLUMNS] as const;
export type EnterpriseColumn = (typeof ENTERPRISE_COLUMNS)[number];

/** Columns of achievements.csv, in the order dataset.md lists them. */
export const ACHIEVEMENT_COLUMNS = ['park', 'metric', 'value', 'unit', 'as_of', 'note', 'source', 'source_title', 'source_date', 'source_url'] as const;
export type AchievementColumn = (typeof ACHIEVEMENT_COLUMNS)[number];

/** The designations an enterprise may carry in `tags`, as written (in Chinese) in the data, in display order. */
export const TAGS = ['高新技术企业', '科技型中小企业', '专精特新', '瞪羚企业', '上市企业'] as const;
export type Tag = (typeof TAGS)[number];

/** Each designation's dictionary key. */
export const TAG_KEYS = {
  高新技术企业: 'tag.highTech',
  科技型中小企业: 'tag.techSme',
  专精特新: 'tag.specialised',
  瞪羚企业: 'tag.gazelle',
  上市企业: 'tag.listed',
} as const satisfies Readonly<Record<Tag, `tag.${string}`>>;

/**
 * The common industries: the name as written in the data's free-text `industry` column, the
 * slug of its ranking pages and its dictionary key. The sample data uses exactly these.
 */
export const INDUSTRIES = [
  { name: '新一代信息技术', slug: 'it', key: 'industry.it' },
  { name: '生物医药', slug: 'biomedicine', key: 'industry.biomed' },
  { name: '新材料', slug: 'new-materials', key: 'industry.materials' },
  { name: '高端装备', slug: 'equipment', key: 'industry.equipment' },
  { name: '新能源', slug: 'new-energy', key: 'industry.energy' },
  { name: '节能环保', slug: 'environment', key: 'industry.environment' },
  { name: '现代农业', slug: 'agriculture', key: 'industry.agriculture' },
  { name: '数字创意', slug: 'digital-creative', key: 'industry.digitalCreative' },
] as const;
export type IndustryEntry = (typeof INDUSTRIES)[number];

/** A blank `industry` cell: its slug and dictionary key. */
export const UNCLASSIFIED_INDUSTRY = { name: '', slug: 'unclassified', key: 'rankings.industry.unclassified' } as const;

const industryByName: ReadonlyMap<string, IndustryEntry | typeof UNCLASSIFIED_INDUSTRY> = new Map<string, IndustryEntry | typeof UNCLASSIFIED_INDUSTRY>([
  ...INDUSTRIES.map((i) => [i.name, i] as const),
  [UNCLASSIFIED_INDUSTRY.name, UNCLASSIFIED_INDUSTRY],
]);

/** The vocabulary entry of an industry as written in the data (trimmed), if it is a known one. */
export function industryEntry(industry: string): IndustryEntry | typeof UNCLASSIFIED_INDUSTRY | undefined {
  return industryByName.get(industry.trim());
}

/** The vocabulary's industry with this slug; throws for an unknown slug (a programming error). */
export function industryBySlug(slug: IndustryEntry['slug']): IndustryEntry {
  const entry = INDUSTRIES.find((i) => i.slug === slug);
  if (!entry) throw new Error(`vocabulary: no industry with slug "${slug}"`);
  return entry;
}

/**
 * A URL-safe key for an industry name: the vocabulary's slug for known ones (and "unclassified"
 * for a blank cell), else a stable hex key of the name's UTF-8 bytes, so every industry gets a page.
 */
export function industrySlug(industry: string): string {
  const known = industryByName.get(industry);
  if (known) return known.slug;
  let hex = '';
  for (const byte of new TextEncoder().encode(industry)) {
    hex += byte.toString(16).padStart(2, '0');
    if (hex.length >= 32) break;
  }
  return `i-${hex.slice(0, 32)}`;
}

/** The reference model's development stages, youngest first, and their dictionary keys. */
export const STAGES = [
  { id: 'startup', key: 'stage.startup' },
  { id: 'growth', key: 'stage.growth' },
  { id: 'stable', key: 'stage.stable' },
] as const;
export type StageId = (typeof STAGES)[number]['id'];
export const STAGE_IDS: readonly StageId[] = STAGES.map((s) => s.id);

/** The reference model's indicator categories and their dictionary keys. */
export const CATEGORIES = [
  { id: 'tech', key: 'category.tech' },
  { id: 'ops', key: 'category.ops' },
  { id: 'aux', key: 'category.aux' },
] as const;

/** The reference model's indicators, in model order, and their dictionary keys. */
export const INDICATORS = [
  { id: 'rd_expense', key: 'indicator.rd_expense' },
  { id: 'rd_growth', key: 'indicator.rd_growth' },
  { id: 'rd_intensity', key: 'indicator.rd_intensity' },
  { id: 'st_staff_ratio', key: 'indicator.st_staff_ratio' },
  { id: 'invention_patent_apps', key: 'indicator.invention_patent_apps' },
  { id: 'pct_apps', key: 'indicator.pct_apps' },
  { id: 'tech_contract_value', key: 'indicator.tech_contract_value' },
  { id: 'high_tech_revenue', key: 'indicator.high_tech_revenue' },
  { id: 'revenue', key: 'indicator.revenue' },
  { id: 'revenue_growth', key: 'indicator.revenue_growth' },
  { id: 'postgrad_ratio', key: 'indicator.postgrad_ratio' },
  { id: 'rd_tax_deduction', key: 'indicator.rd_tax_deduction' },
  { id: 'roe', key: 'indicator.roe' },
  { id: 'graduates_hired', key: 'indicator.graduates_hired' },
  { id: 'platforms', key: 'indicator.platforms' },
  { id: 'awards', key: 'indicator.awards' },
  { id: 'vc_investment', key: 'indicator.vc_investment' },
  { id: 'standards', key: 'indicator.standards' },
] as const;

/**
 * Other names a header may give each column (dataset.md, "Headers"): the Chinese names park
 * offices' workbooks and system exports use, so those files are read as they are. The first
 * alias is the column's usual Chinese name. Matching ignores white space and full-width forms
 * (src/ingest/headers.ts); no alias names two columns of one file.
 */
export const COLUMN_ALIASES: {
  readonly parks: Readonly<Record<ParkColumn, readonly string[]>>;
  readonly enterprises: Readonly<Record<EnterpriseColumn, readonly string[]>>;
  readonly achievements: Readonly<Record<AchievementColumn, readonly string[]>>;
} = {
  parks: {
    code: ['园区代码', '代码'],
    name: ['园区名称', '名称', '高新区名称'],
    name_en: ['英文名称', '园区英文名称'],
    province: ['省份', '所在省份', '省'],
    city: ['城市', '所在城市', '市'],
    level: ['级别', '园区级别'],
    pilot_batch: ['试点批次'],
    pilot_year: ['试点年份', '入选试点年份'],
  },
  enterprises: {
    id: ['统一社会信用代码', '社会信用代码', '信用代码'],
    name: ['企业名称', '名称'],
    name_en: ['英文名称', '企业英文名称'],
    park: ['所属园区', '园区', '园区代码'],
    year: ['评价年度', '年度', '年份'],
    founded: ['成立日期', '成立时间', '注册日期'],
    industry: ['所属行业', '行业', '所属领域'],
    tags: ['企业资质', '资质', '资质认定'],
    rd_expense: ['研发费用', '研发费用金额', '研发投入'],
    rd_expense_prev: ['上年研发费用', '上年度研发费用'],
    revenue: ['营业收入', '营收'],
    revenue_prev: ['上年营业收入', '上年度营业收入'],
    employees: ['职工总数', '职工人数', '从业人员数'],
    st_staff: ['科技人员数', '科技人员数量'],
    postgrad_staff: ['研究生以上学历人员数', '研究生及以上学历人员数'],
    invention_patent_apps: ['发明专利申请量', '与主营业务相关的发明专利申请量', '发明专利申请数'],
    pct_apps: ['PCT专利申请量', 'PCT专利申请数'],
    tech_contract_value: ['技术合同成交额'],
    high_tech_revenue: ['高新技术产品收入', '高新技术产品（服务）收入'],
    rd_tax_deduction: ['研发费用加计扣除所得税减免额', '研发费用加计扣除减免税额'],
    net_profit: ['净利润'],
    net_assets: ['净资产'],
    graduates_hired: ['吸纳应届毕业生人数', '应届毕业生人数'],
    platforms: ['省级及以上研发或创新平台数量', '近两年承担建设省级及以上研发或创新平台数量', '创新平台数量'],
    awards: ['省级及以上科技奖励数量', '近两年获得省级及以上科技奖励数量', '科技奖励数量'],
    vc_investment: ['获得风险投资额', '风险投资额'],
    standards: ['主持或参与制定标准数量', '制定标准数量'],
    serious_violations: ['严重违法失信记录数', '严重违法失信记录'],
  },
  achievements: {
    park: ['园区', '园区代码'],
    metric: ['指标', '指标代码'],
    value: ['数值', '值'],
    unit: ['单位'],
    as_of: ['截至', '截至时间', '时间'],
    note: ['说明', '备注'],
    source: ['来源', '出处'],
    source_title: ['来源标题', '文章标题'],
    source_date: ['来源日期', '发布日期'],
    source_url: ['来源链接', '链接', '网址'],
  },
};
