import type { TranslationKey } from './zh.ts';

/** English dictionary: must have exactly the keys of zh.ts (checked by the type and a test). */
export const en = {
  // Site chrome
  'site.title': 'Enterprise Innovation Points Portal',
  'site.tagline': 'Enterprise Innovation Points System · rankings, enterprise profiles and open methodology',
  'site.publisher': 'Sample publishing organisation',
  'site.licence': 'Data published under CC BY 4.0',
  'site.home': 'Back to the home page',
  'site.skipLink': 'Skip to main content',
  'site.primaryNav': 'Main navigation',
  'site.breadcrumbs': 'Breadcrumb',
  'site.languageSwitch': 'Language',
  'site.languageName': 'English',
  'site.switchTo': '中文',
  'site.switchToLabel': 'Switch to the Chinese version',
  'site.titleSeparator': ' | ',

  // Primary navigation
  'nav.home': 'Home',
  'nav.rankings': 'Rankings',
  'nav.showcase': 'Showcase',
  'nav.stages': 'Stages',
  'nav.parks': 'Pilot parks',
  'nav.methodology': 'Methodology',
  'nav.data': 'Open data',

  // Footer
  'footer.sampleNotice':
    'Enterprise data on this site is synthetic sample data and does not describe any real company',
  'footer.sampleNoticeTitle': 'Sample data',
  'footer.licence': 'Licence',
  'footer.contact': 'Contact',
  'footer.publisher': 'Publisher',
  'footer.about':
    'This site publishes how enterprise innovation points are calculated under the Enterprise Innovation Points System, and the results.',
  'footer.modelNote':
    'Points follow the reference scoring model published on this site; its weights are the project’s defaults, not official weights.',

  // Sample-data banner
  'banner.sample.title': 'Sample data',
  'banner.sample.text':
    'Enterprise data on this site is synthetic sample data and does not describe any real company. Scores and ranks only demonstrate the method.',

  // Development stages (default model)
  'stage.startup': 'Start-up',
  'stage.growth': 'Growth',
  'stage.stable': 'Mature',
  'stage.all': 'All stages',
  'stage.label': 'Development stage',

  // Indicator categories
  'category.tech': 'Technological innovation',
  'category.ops': 'Growth and operations',
  'category.aux': 'Supplementary indicators',
  'category.deduction': 'Deduction (serious violations)',
  'category.label': 'Indicator category',

  // Indicators of the default model
  'indicator.rd_expense': 'R&D expenditure',
  'indicator.rd_growth': 'Growth of R&D expenditure',
  'indicator.rd_intensity': 'R&D expenditure as share of revenue',
  'indicator.st_staff_ratio': 'Science and technology staff as share of employees',
  'indicator.invention_patent_apps': 'Invention patent applications',
  'indicator.pct_apps': 'PCT patent applications',
  'indicator.tech_contract_value': 'Value of technology contracts',
  'indicator.high_tech_revenue': 'Revenue from high-tech products',
  'indicator.revenue': 'Operating revenue',
  'indicator.revenue_growth': 'Revenue growth',
  'indicator.postgrad_ratio': 'Staff with postgraduate degrees as share of employees',
  'indicator.rd_tax_deduction': 'Tax relief from the R&D super-deduction',
  'indicator.roe': 'Return on net assets',
  'indicator.graduates_hired': 'New graduates hired',
  'indicator.platforms': 'Provincial or national R&D / innovation platforms',
  'indicator.awards': 'Provincial or national science and technology awards',
  'indicator.vc_investment': 'Venture capital raised',
  'indicator.standards': 'Standards led or co-drafted',

  // Designations (tags column)
  'tag.highTech': 'High-tech enterprise',
  'tag.techSme': 'Tech-based SME',
  'tag.specialised': 'Specialised and sophisticated SME',
  'tag.gazelle': 'Gazelle enterprise',
  'tag.listed': 'Listed company',

  // Common industries
  'industry.it': 'New-generation information technology',
  'industry.biomed': 'Biomedicine',
  'industry.materials': 'New materials',
  'industry.equipment': 'High-end equipment',
  'industry.energy': 'New energy',
  'industry.agriculture': 'Modern agriculture',
  'industry.all': 'All industries',

  // Park levels
  'park.level.national': 'National high-tech zone',
  'park.level.provincial': 'Provincial high-tech zone',
  'park.pilotBatch': 'Pilot batch {n}',
  'park.pilotYear': 'Joined the pilot in {year}',
  'park.all': 'All parks',

  // Achievement metrics
  'metric.enterprises_evaluated': 'Enterprises evaluated',
  'metric.credit_granted': 'Credit granted',
  'metric.loans_disbursed': 'Loans disbursed',
  'metric.fiscal_support': 'Fiscal support',
  'metric.social_capital_leveraged': 'Social capital leveraged',
  'metric.interest_subsidy': 'Interest subsidies',
  'metric.risk_pool': 'Risk compensation pool',
  'metric.cultivation_pool_enterprises': 'Enterprises in the cultivation pool',
  'achievement.source': 'Source',
  'achievement.asOf': 'As of',
  'achievement.reported':
    'These figures were reported by the parks or the press; they are not calculated by this site.',

  // Table headers
  'table.rank': 'Rank',
  'table.name': 'Enterprise',
  'table.park': 'Park',
  'table.stage': 'Stage',
  'table.score': 'Score',
  'table.change': 'Change',
  'table.industry': 'Industry',
  'table.tags': 'Designations',
  'table.year': 'Year',
  'table.indicator': 'Indicator',
  'table.category': 'Category',
  'table.points': 'Points',
  'table.maxPoints': 'Max. points',
  'table.weight': 'Weight',
  'table.normalised': 'Normalised value',
  'table.value': 'Value',
  'table.benchmark': 'Benchmark',
  'table.rankNational': 'National rank',
  'table.rankPark': 'Rank in park',
  'table.rankStage': 'Rank in stage',
  'table.enterprises': 'Enterprises',
  'table.median': 'Median',
  'table.scrollHint': 'The table scrolls sideways',
  'table.scrollLabel': '{caption} (scrollable)',

  // Values and states
  'value.notReported': 'Not reported',
  'value.notPublic': 'Not public',
  'value.noPrevious': 'No previous-year data',
  'value.none': 'None',
  'value.unbounded': 'Unbounded (zero denominator)',
  'value.points': '{points} points',
  'value.outOf': '{points} / {max} points',

  // Rank and score changes
  'change.rankUp': 'up {n} places',
  'change.rankDown': 'down {n} places',
  'change.rankUpOne': 'up 1 place',
  'change.rankDownOne': 'down 1 place',
  'change.rankSame': 'unchanged',
  'change.scoreUp': 'up {n} points on the previous year',
  'change.scoreDown': 'down {n} points on the previous year',
  'change.scoreSame': 'same as the previous year',
  'change.none': 'no previous-year data',

  // Ranks
  'rank.ordinal': 'No. {n}',
  'rank.of': 'No. {n} of {total}',
  'rank.tied': 'tied',

  // Pagination
  'pagination.label': 'Pagination',
  'pagination.previous': 'Previous',
  'pagination.next': 'Next',
  'pagination.page': 'Page {n}',
  'pagination.status': 'Page {n} of {total}',
  'pagination.current': 'Current page',

  // Charts
  'chart.dataTable': 'Data table',
  'chart.showData': 'Show the data table',
  'chart.scoreRange': 'Score range',
  'chart.enterpriseCount': 'Enterprises',
  'chart.median': 'Median',
  'chart.score': 'Score',
  'chart.scoreAxis': 'Score (points)',
  'chart.countAxis': 'Enterprises',
  'chart.rank': 'Rank',
  'chart.year': 'Year',
  'chart.value': 'Value',
  'chart.series': 'Series',
  'chart.thisEnterprise': 'This enterprise',
  'chart.stageMedian': 'Stage median',
  'chart.axis': 'Dimension',
  'chart.legend': 'Legend',
  'chart.total': 'Total',
  'chart.scrollLabel': 'Chart: {title}',

  // Units
  'unit.points': 'points',
  'unit.enterprises': 'enterprises',
  'unit.wan': 'CNY 10,000',
  'unit.yi': 'CNY 100 million',

  // Generic words
  'common.year': '{year}',
  'common.yearRange': '{from}–{to}',
  'common.all': 'All',
  'common.download': 'Download',
  'common.source': 'Source',
  'common.note': 'Note',
  'common.readMore': 'Read more',
  'common.backToTop': 'Back to top',
  'common.lastYear': 'Previous year',
  'common.labelValue': '{label}: {value}',
  'common.sampleData': 'Sample data',

  // 404
  'notFound.title': 'Page not found',
  'notFound.text': 'The page you asked for does not exist or has moved.',
  'notFound.back': 'Go to the home page',
} as const satisfies Record<TranslationKey, string>;
