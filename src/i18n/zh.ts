/**
 * Chinese (zh-CN) dictionary: the source of truth for the set of keys.
 *
 * Keys are dotted and grouped by prefix (site., nav., stage., table., chart. …). To add a
 * string, add it here first, then to en.ts: the type of `en` and the dictionary test both
 * fail until the two languages have the same keys. Placeholders are `{name}`; both
 * languages must use the same placeholder names.
 */
export const zh = {
  // Site chrome
  'site.title': '企业创新积分公示平台',
  'site.tagline': '企业创新积分制 · 积分排名、企业画像与方法公开',
  'site.publisher': '企业创新积分制示例发布机构',
  'site.licence': '数据以 CC BY 4.0 许可发布',
  'site.home': '返回首页',
  'site.skipLink': '跳到正文',
  'site.primaryNav': '主导航',
  'site.breadcrumbs': '面包屑导航',
  'site.languageSwitch': '语言切换',
  'site.languageName': '中文',
  'site.switchTo': 'English',
  'site.switchToLabel': '切换到英文版',
  'site.titleSeparator': ' | ',

  // Primary navigation
  'nav.home': '首页',
  'nav.rankings': '排名',
  'nav.showcase': '推介专栏',
  'nav.stages': '发展阶段',
  'nav.parks': '试点园区',
  'nav.methodology': '方法说明',
  'nav.data': '开放数据',

  // Footer
  'footer.sampleNotice': '本站企业数据为合成的示例数据，不代表任何真实企业',
  'footer.sampleNoticeTitle': '示例数据',
  'footer.licence': '许可',
  'footer.contact': '联系方式',
  'footer.publisher': '发布单位',
  'footer.about': '本站依据企业创新积分制，公开企业创新积分的计算方法与结果。',
  'footer.modelNote': '积分按本站公开的参考积分模型计算，权重为项目默认值，非官方权重。',

  // Sample-data banner
  'banner.sample.title': '示例数据',
  'banner.sample.text': '本站企业数据为合成的示例数据，不代表任何真实企业。积分与排名仅用于演示计算方法。',

  // Development stages (default model)
  'stage.startup': '初创期',
  'stage.growth': '成长期',
  'stage.stable': '稳定期',
  'stage.all': '全部阶段',
  'stage.label': '发展阶段',

  // Indicator categories
  'category.tech': '技术创新指标',
  'category.ops': '成长经营指标',
  'category.aux': '辅助指标',
  'category.deduction': '扣分（严重违法失信）',
  'category.label': '指标类别',

  // Indicators of the default model (fallback names when a model has none)
  'indicator.rd_expense': '研发费用金额',
  'indicator.rd_growth': '研发费用增速',
  'indicator.rd_intensity': '研发费用占营业收入比例',
  'indicator.st_staff_ratio': '科技人员占职工总数比重',
  'indicator.invention_patent_apps': '发明专利申请量',
  'indicator.pct_apps': 'PCT 专利申请量',
  'indicator.tech_contract_value': '技术合同成交额',
  'indicator.high_tech_revenue': '高新技术产品收入',
  'indicator.revenue': '营业收入',
  'indicator.revenue_growth': '营业收入增长率',
  'indicator.postgrad_ratio': '研究生以上人员占比',
  'indicator.rd_tax_deduction': '研发费用加计扣除减免税额',
  'indicator.roe': '净资产利润率',
  'indicator.graduates_hired': '吸纳应届毕业生人数',
  'indicator.platforms': '省级及以上研发/创新平台',
  'indicator.awards': '省级及以上科技奖励',
  'indicator.vc_investment': '获得风险投资额',
  'indicator.standards': '主持或参与制定标准',

  // Designations (tags column)
  'tag.highTech': '高新技术企业',
  'tag.techSme': '科技型中小企业',
  'tag.specialised': '专精特新',
  'tag.gazelle': '瞪羚企业',
  'tag.listed': '上市企业',

  // Common industries (free text in the data; unknown ones are shown as written)
  'industry.it': '新一代信息技术',
  'industry.biomed': '生物医药',
  'industry.materials': '新材料',
  'industry.equipment': '高端装备',
  'industry.energy': '新能源',
  'industry.agriculture': '现代农业',
  'industry.all': '全部行业',

  // Park levels
  'park.level.national': '国家级高新区',
  'park.level.provincial': '省级高新区',
  'park.pilotBatch': '第 {n} 批试点',
  'park.pilotYear': '{year}年加入试点',
  'park.all': '全部园区',

  // Achievement metrics (achievements.csv vocabulary)
  'metric.enterprises_evaluated': '参评企业数',
  'metric.credit_granted': '授信金额',
  'metric.loans_disbursed': '放贷金额',
  'metric.fiscal_support': '财政支持资金',
  'metric.social_capital_leveraged': '撬动社会资本',
  'metric.interest_subsidy': '贴息金额',
  'metric.risk_pool': '风险补偿资金池',
  'metric.cultivation_pool_enterprises': '入库培育企业数',
  'achievement.source': '来源',
  'achievement.asOf': '截至',
  'achievement.reported': '以下数字为公开报道或园区报送的数据，非本站计算结果。',

  // Table headers
  'table.rank': '排名',
  'table.name': '企业名称',
  'table.park': '园区',
  'table.stage': '发展阶段',
  'table.score': '积分',
  'table.change': '较上年',
  'table.industry': '行业',
  'table.tags': '资质',
  'table.year': '年度',
  'table.indicator': '指标',
  'table.category': '类别',
  'table.points': '得分',
  'table.maxPoints': '满分',
  'table.weight': '权重',
  'table.normalised': '标准化值',
  'table.value': '数值',
  'table.benchmark': '基准值',
  'table.rankNational': '全国排名',
  'table.rankPark': '园区内排名',
  'table.rankStage': '阶段内排名',
  'table.enterprises': '企业数',
  'table.median': '中位数',
  'table.scrollHint': '表格可左右滚动',
  'table.scrollLabel': '{caption}（可滚动）',

  // Values and states
  'value.notReported': '未填报',
  'value.notPublic': '不公开',
  'value.noPrevious': '无上年数据',
  'value.none': '无',
  'value.unbounded': '无上限（分母为零）',
  'value.points': '{points} 分',
  'value.outOf': '{points} / {max} 分',

  // Rank and score changes (formatRankChange / formatScoreChange)
  'change.rankUp': '上升 {n} 位',
  'change.rankDown': '下降 {n} 位',
  'change.rankUpOne': '上升 1 位',
  'change.rankDownOne': '下降 1 位',
  'change.rankSame': '排名不变',
  'change.scoreUp': '较上年增加 {n} 分',
  'change.scoreDown': '较上年减少 {n} 分',
  'change.scoreSame': '与上年持平',
  'change.none': '无上年数据',

  // Ranks
  'rank.ordinal': '第 {n} 名',
  'rank.of': '第 {n} 名，共 {total} 家',
  'rank.tied': '并列',

  // Pagination
  'pagination.label': '分页',
  'pagination.previous': '上一页',
  'pagination.next': '下一页',
  'pagination.page': '第 {n} 页',
  'pagination.status': '第 {n} 页，共 {total} 页',
  'pagination.current': '当前页',

  // Charts
  'chart.dataTable': '数据表',
  'chart.showData': '查看数据表',
  'chart.scoreRange': '分数区间',
  'chart.enterpriseCount': '企业数',
  'chart.median': '中位数',
  'chart.score': '积分',
  'chart.scoreAxis': '积分（分）',
  'chart.countAxis': '企业数（家）',
  'chart.rank': '排名',
  'chart.year': '年度',
  'chart.value': '数值',
  'chart.series': '系列',
  'chart.thisEnterprise': '本企业',
  'chart.stageMedian': '同阶段中位数',
  'chart.axis': '维度',
  'chart.legend': '图例',
  'chart.total': '合计',
  'chart.scrollLabel': '图表：{title}',

  // Units
  'unit.points': '分',
  'unit.enterprises': '家',
  'unit.wan': '万元',
  'unit.yi': '亿元',

  // Generic words
  'common.year': '{year}年',
  'common.yearRange': '{from}—{to}年',
  'common.all': '全部',
  'common.download': '下载',
  'common.source': '来源',
  'common.note': '注',
  'common.readMore': '阅读全文',
  'common.backToTop': '返回顶部',
  'common.lastYear': '上年',
  'common.labelValue': '{label}：{value}',
  'common.sampleData': '示例数据',

  // 404
  'notFound.title': '页面未找到',
  'notFound.text': '您访问的页面不存在或已被移动。',
  'notFound.back': '返回首页',
} as const;

/** A key of the dictionary; every language has exactly these keys. */
export type TranslationKey = keyof typeof zh;
