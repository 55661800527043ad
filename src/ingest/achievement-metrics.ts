// The fixed vocabulary of achievements.csv `metric` keys: figures parks and the press
// report about the pilot (dataset.md). A key not listed here is rejected by validation, so
// a typo cannot silently create a new metric; add a key here (with both labels) to use it.

/** Every allowed achievements.csv metric key with its Chinese and English label. */
export const ACHIEVEMENT_METRICS: Record<string, { zh: string; en: string }> = {
  // Coverage of the evaluation
  enterprises_evaluated: { zh: '参与积分评价企业数', en: 'Enterprises evaluated' },
  enterprises_startup: { zh: '初创期企业数', en: 'Start-up stage enterprises' },
  enterprises_growth: { zh: '成长期企业数', en: 'Growth stage enterprises' },
  enterprises_stable: { zh: '成熟期企业数', en: 'Stable stage enterprises' },
  indicators_core: { zh: '核心指标数', en: 'Core indicators' },
  indicators_local: { zh: '地方特色指标数', en: 'Local indicators' },
  cultivation_pool_enterprises: { zh: '纳入培育库企业数', en: 'Enterprises in cultivation pools' },
  high_growth_enterprises: { zh: '高成长企业数', en: 'High-growth enterprises' },
  national_top500_enterprises: { zh: '入选全国前 500 名企业数', en: 'Enterprises in the national top 500' },
  // Finance granted on the strength of scores
  credit_granted: { zh: '授信及贷款额度', en: 'Credit granted' },
  enterprises_credited: { zh: '获得授信或贷款企业数', en: 'Enterprises granted credit' },
  loans_disbursed: { zh: '贷款发放额', en: 'Loans disbursed' },
  loans_count: { zh: '贷款笔数', en: 'Number of loans' },
  bank_loans: { zh: '合作银行贷款额', en: 'Loans through partner banks' },
  min_interest_rate: { zh: '最低贷款利率', en: 'Lowest loan interest rate' },
  interest_subsidy: { zh: '贷款贴息', en: 'Interest subsidies' },
  interest_subsidy_enterprises: { zh: '获得贴息企业数', en: 'Enterprises receiving interest subsidies' },
  risk_pool: { zh: '风险补偿资金池', en: 'Risk compensation pool' },
  guarantee_capital: { zh: '融资担保资金', en: 'Financing guarantee capital' },
  matchmaking_events: { zh: '银企对接活动场次', en: 'Bank–enterprise matchmaking events' },
  // Public money and what it leveraged
  fiscal_support: { zh: '财政资金支持', en: 'Fiscal support' },
  fiscal_support_enterprises: { zh: '获得财政支持企业数', en: 'Enterprises receiving fiscal support' },
  social_capital_leveraged: { zh: '撬动社会资本', en: 'Social capital leveraged' },
  // Outcomes in the zone
  high_tech_approvals_growth: { zh: '高新技术企业认定数增长', en: 'Growth in high-tech enterprise approvals' },
  rd_gdp_ratio: { zh: 'R&D 经费投入强度', en: 'R&D spending as a share of GDP' },
};
