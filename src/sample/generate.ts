// Deterministic generator of the bundled SYNTHETIC sample data folder (and of large
// synthetic folders for benchmarks). Pure: no fs, no clock, no Math.random — the same
// options always give byte-identical CSV text.
//
// Every enterprise is a function of (seed, park code, slot): its own PRNG stream decides
// when it enters and leaves the evaluation, its founding date and its whole trajectory, so
// rows can be produced year by year, park by park, without holding the dataset in memory.

import { USCC_CHARSET, computeOrgCodeCheckChar, computeUsccCheckChar } from '../ingest/uscc.ts';
import {
  ENTERPRISE_COLUMNS,
  NUMERIC_COLUMNS as INDICATOR_COLUMNS,
  PARK_COLUMNS,
  STAGE_IDS,
  TAGS,
  industryBySlug,
  type NumericColumn,
  type StageId,
} from '../core/vocabulary.ts';

/** Columns of parks.csv and enterprises.csv, and the indicator columns (everything after `tags`): the vocabulary's. */
export { ENTERPRISE_COLUMNS, NUMERIC_COLUMNS as INDICATOR_COLUMNS, PARK_COLUMNS } from '../core/vocabulary.ts';

/** The seed of the bundled sample in data/. */
export const DEFAULT_SEED = '2023';

/** Evaluation years of the bundled sample. */
export const DEFAULT_YEARS: readonly number[] = [2021, 2022, 2023];

/** One indicator column name of enterprises.csv. */
export type IndicatorColumn = NumericColumn;

/** One generated enterprise-year; null is a blank (未填报) cell. Money is already rounded to 2 decimals. */
export type EnterpriseRecord = {
  id: string;
  name: string;
  name_en: string;
  park: string;
  year: number;
  founded: string;
  industry: string;
  tags: string;
} & Record<IndicatorColumn, number | null>;

/** One row of parks.csv. */
export interface ParkRow {
  code: string;
  name: string;
  name_en: string;
  province: string;
  city: string;
  level: 'national' | 'provincial';
  pilot_batch: number | null;
  pilot_year: number | null;
}

/** What to generate: the four reported pilot parks by default, or `firms` spread over `parks` synthetic parks. */
export interface GenerateOptions {
  seed: string;
  years: readonly number[];
  /** Firms in the latest year; when set, `parks` synthetic parks replace the four pilot parks. */
  firms?: number | undefined;
  parks?: number | undefined;
}

/** A park and everything the generator needs to populate it. */
export interface ParkPlan {
  row: ParkRow;
  divisionCode: string;
  /** Romanised city and province, for English company names. */
  cityEn: string;
  provinceEn: string;
  /** Firms present in the latest year (exact). */
  firmsLatest: number;
  /** Extra firms that leave the evaluation before the latest year. */
  exits: number;
  /** Global index of this park's first slot (ids and names are derived from it). */
  firstSlot: number;
  industryWeights: readonly number[];
  /** Order in which the park's slots are written. */
  slotOrder: Int32Array;
  /** Stage (0 startup, 1 growth, 2 stable) in the latest year of each present slot. */
  latestStage: Uint8Array;
}

/** A complete generation plan: parks with sizes, years, seed. */
export interface SamplePlan {
  seed: string;
  years: readonly number[];
  parks: ParkPlan[];
  brandLength: number;
}

// ---------------------------------------------------------------------------
// PRNG

/** sfc32 seeded from a cyrb128 hash of a string: small, fast, and identical on every platform. */
export class Rng {
  a: number;
  b: number;
  c: number;
  d: number;
  spare: number | null = null;

  constructor(seed: string) {
    let h1 = 1779033703;
    let h2 = 3144134277;
    let h3 = 1013904242;
    let h4 = 2773480762;
    for (let i = 0; i < seed.length; i++) {
      const k = seed.charCodeAt(i);
      h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
      h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
      h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
      h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
    }
    h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
    h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
    h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
    h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
    h1 ^= h2 ^ h3 ^ h4;
    this.a = h1 | 0;
    this.b = (h2 ^ h1) | 0;
    this.c = (h3 ^ h1) | 0;
    this.d = (h4 ^ h1) | 0;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Standard normal (Box–Muller; the pair's second value is kept for the next call). */
  normal(): number {
    if (this.spare !== null) {
      const z = this.spare;
      this.spare = null;
      return z;
    }
    const r = Math.sqrt(-2 * Math.log(1 - this.next()));
    const theta = 2 * Math.PI * this.next();
    this.spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Poisson count with mean lambda (normal approximation above 30). */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /** Index drawn with probability proportional to weights. */
  pick(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let x = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i]!;
      if (x < 0) return i;
    }
    return weights.length - 1;
  }
}

// ---------------------------------------------------------------------------
// Reference tables

interface Industry {
  zh: string;
  /** Median revenue of a mature firm, 万元. */
  matureRevenue: number;
  /** Median R&D intensity (R&D / revenue). */
  rdIntensity: number;
  stBonus: number;
  postgradBonus: number;
  /** Share of start-ups with no revenue in their first year(s). */
  preRevenue: number;
  /** Name words: [zh, en]. */
  words: readonly (readonly [string, string])[];
}

const INDUSTRIES: readonly Industry[] = [
  {
    zh: industryBySlug('it').name,
    matureRevenue: 5000,
    rdIntensity: 0.07,
    stBonus: 0.5,
    postgradBonus: 0.3,
    preRevenue: 0.08,
    words: [
      ['信息', 'Information'],
      ['软件', 'Software'],
      ['电子', 'Electronic'],
      ['智能', 'Intelligent'],
      ['数据', 'Data'],
      ['网络', 'Network'],
      ['通信', 'Communication'],
      ['微电子', 'Microelectronics'],
      ['半导体', 'Semiconductor'],
    ],
  },
  {
    zh: industryBySlug('biomedicine').name,
    matureRevenue: 6000,
    rdIntensity: 0.08,
    stBonus: 0.3,
    postgradBonus: 0.7,
    preRevenue: 0.25,
    words: [
      ['生物', 'Biological'],
      ['医药', 'Pharmaceutical'],
      ['制药', 'Pharmaceutical'],
      ['生物医药', 'Biomedical'],
      ['医疗器械', 'Medical Device'],
      ['基因', 'Gene'],
      ['健康', 'Health'],
    ],
  },
  {
    zh: industryBySlug('new-materials').name,
    matureRevenue: 8000,
    rdIntensity: 0.035,
    stBonus: 0,
    postgradBonus: 0.1,
    preRevenue: 0.05,
    words: [
      ['新材料', 'New Material'],
      ['材料', 'Material'],
      ['纳米', 'Nano'],
      ['复合材料', 'Composite Material'],
      ['高分子', 'Polymer'],
    ],
  },
  {
    zh: industryBySlug('equipment').name,
    matureRevenue: 9000,
    rdIntensity: 0.04,
    stBonus: 0,
    postgradBonus: -0.1,
    preRevenue: 0.04,
    words: [
      ['装备', 'Equipment'],
      ['机械', 'Machinery'],
      ['自动化', 'Automation'],
      ['精密', 'Precision'],
      ['智能装备', 'Intelligent Equipment'],
      ['机器人', 'Robot'],
      ['仪器', 'Instrument'],
    ],
  },
  {
    zh: industryBySlug('new-energy').name,
    matureRevenue: 10000,
    rdIntensity: 0.035,
    stBonus: -0.1,
    postgradBonus: 0,
    preRevenue: 0.06,
    words: [
      ['新能源', 'New Energy'],
      ['能源', 'Energy'],
      ['光伏', 'Photovoltaic'],
      ['储能', 'Energy Storage'],
      ['电池', 'Battery'],
      ['氢能', 'Hydrogen Energy'],
      ['电力', 'Electric Power'],
    ],
  },
  {
    zh: industryBySlug('environment').name,
    matureRevenue: 5000,
    rdIntensity: 0.03,
    stBonus: -0.2,
    postgradBonus: -0.1,
    preRevenue: 0.03,
    words: [
      ['环保', 'Environmental Protection'],
      ['环境', 'Environmental'],
      ['节能', 'Energy Saving'],
      ['水务', 'Water'],
      ['净化', 'Purification'],
    ],
  },
  {
    zh: industryBySlug('agriculture').name,
    matureRevenue: 4000,
    rdIntensity: 0.025,
    stBonus: -0.4,
    postgradBonus: -0.2,
    preRevenue: 0.03,
    words: [
      ['农业', 'Agricultural'],
      ['种业', 'Seed'],
      ['农牧', 'Agriculture and Animal Husbandry'],
      ['生态农业', 'Eco-agricultural'],
    ],
  },
  {
    zh: industryBySlug('digital-creative').name,
    matureRevenue: 2500,
    rdIntensity: 0.05,
    stBonus: 0.2,
    postgradBonus: -0.1,
    preRevenue: 0.05,
    words: [
      ['数字', 'Digital'],
      ['文化传媒', 'Culture Media'],
      ['动漫', 'Animation'],
      ['创意', 'Creative'],
      ['互动娱乐', 'Interactive Entertainment'],
    ],
  },
];

// [zh, en] company-form suffixes and how often each is used.
const SUFFIXES: readonly (readonly [string, string])[] = [
  ['科技有限公司', 'Technology Co., Ltd.'],
  ['技术有限公司', 'Technology Co., Ltd.'],
  ['有限公司', 'Co., Ltd.'],
  ['股份有限公司', 'Co., Ltd.'],
];
const SUFFIX_WEIGHTS = [0.6, 0.18, 0.12, 0.1];

// Prefecture-level cities with the administrative division code used in their firms' USCCs.
// [city, city pinyin, province, province pinyin, division code]
const CITIES: readonly (readonly [string, string, string, string, string])[] = [
  ['石家庄', 'Shijiazhuang', '河北', 'Hebei', '130100'],
  ['唐山', 'Tangshan', '河北', 'Hebei', '130200'],
  ['保定', 'Baoding', '河北', 'Hebei', '130600'],
  ['承德', 'Chengde', '河北', 'Hebei', '130800'],
  ['太原', 'Taiyuan', '山西', 'Shanxi', '140100'],
  ['长治', 'Changzhi', '山西', 'Shanxi', '140400'],
  ['呼和浩特', 'Hohhot', '内蒙古', 'Inner Mongolia', '150100'],
  ['包头', 'Baotou', '内蒙古', 'Inner Mongolia', '150200'],
  ['沈阳', 'Shenyang', '辽宁', 'Liaoning', '210100'],
  ['大连', 'Dalian', '辽宁', 'Liaoning', '210200'],
  ['鞍山', 'Anshan', '辽宁', 'Liaoning', '210300'],
  ['长春', 'Changchun', '吉林', 'Jilin', '220100'],
  ['吉林', 'Jilin', '吉林', 'Jilin', '220200'],
  ['哈尔滨', 'Harbin', '黑龙江', 'Heilongjiang', '230100'],
  ['大庆', 'Daqing', '黑龙江', 'Heilongjiang', '230600'],
  ['南京', 'Nanjing', '江苏', 'Jiangsu', '320100'],
  ['无锡', 'Wuxi', '江苏', 'Jiangsu', '320200'],
  ['常州', 'Changzhou', '江苏', 'Jiangsu', '320400'],
  ['苏州', 'Suzhou', '江苏', 'Jiangsu', '320500'],
  ['南通', 'Nantong', '江苏', 'Jiangsu', '320600'],
  ['杭州', 'Hangzhou', '浙江', 'Zhejiang', '330100'],
  ['宁波', 'Ningbo', '浙江', 'Zhejiang', '330200'],
  ['温州', 'Wenzhou', '浙江', 'Zhejiang', '330300'],
  ['嘉兴', 'Jiaxing', '浙江', 'Zhejiang', '330400'],
  ['绍兴', 'Shaoxing', '浙江', 'Zhejiang', '330600'],
  ['合肥', 'Hefei', '安徽', 'Anhui', '340100'],
  ['芜湖', 'Wuhu', '安徽', 'Anhui', '340200'],
  ['蚌埠', 'Bengbu', '安徽', 'Anhui', '340300'],
  ['福州', 'Fuzhou', '福建', 'Fujian', '350100'],
  ['厦门', 'Xiamen', '福建', 'Fujian', '350200'],
  ['泉州', 'Quanzhou', '福建', 'Fujian', '350500'],
  ['南昌', 'Nanchang', '江西', 'Jiangxi', '360100'],
  ['赣州', 'Ganzhou', '江西', 'Jiangxi', '360700'],
  ['济南', 'Jinan', '山东', 'Shandong', '370100'],
  ['青岛', 'Qingdao', '山东', 'Shandong', '370200'],
  ['淄博', 'Zibo', '山东', 'Shandong', '370300'],
  ['烟台', 'Yantai', '山东', 'Shandong', '370600'],
  ['潍坊', 'Weifang', '山东', 'Shandong', '370700'],
  ['郑州', 'Zhengzhou', '河南', 'Henan', '410100'],
  ['洛阳', 'Luoyang', '河南', 'Henan', '410300'],
  ['新乡', 'Xinxiang', '河南', 'Henan', '410700'],
  ['武汉', 'Wuhan', '湖北', 'Hubei', '420100'],
  ['宜昌', 'Yichang', '湖北', 'Hubei', '420500'],
  ['襄阳', 'Xiangyang', '湖北', 'Hubei', '420600'],
  ['长沙', 'Changsha', '湖南', 'Hunan', '430100'],
  ['株洲', 'Zhuzhou', '湖南', 'Hunan', '430200'],
  ['湘潭', 'Xiangtan', '湖南', 'Hunan', '430300'],
  ['广州', 'Guangzhou', '广东', 'Guangdong', '440100'],
  ['深圳', 'Shenzhen', '广东', 'Guangdong', '440300'],
  ['珠海', 'Zhuhai', '广东', 'Guangdong', '440400'],
  ['佛山', 'Foshan', '广东', 'Guangdong', '440600'],
  ['惠州', 'Huizhou', '广东', 'Guangdong', '441300'],
  ['东莞', 'Dongguan', '广东', 'Guangdong', '441900'],
  ['中山', 'Zhongshan', '广东', 'Guangdong', '442000'],
  ['南宁', 'Nanning', '广西', 'Guangxi', '450100'],
  ['柳州', 'Liuzhou', '广西', 'Guangxi', '450200'],
  ['桂林', 'Guilin', '广西', 'Guangxi', '450300'],
  ['海口', 'Haikou', '海南', 'Hainan', '460100'],
  ['成都', 'Chengdu', '四川', 'Sichuan', '510100'],
  ['自贡', 'Zigong', '四川', 'Sichuan', '510300'],
  ['绵阳', 'Mianyang', '四川', 'Sichuan', '510700'],
  ['贵阳', 'Guiyang', '贵州', 'Guizhou', '520100'],
  ['昆明', 'Kunming', '云南', 'Yunnan', '530100'],
  ['西安', "Xi'an", '陕西', 'Shaanxi', '610100'],
  ['宝鸡', 'Baoji', '陕西', 'Shaanxi', '610300'],
  ['兰州', 'Lanzhou', '甘肃', 'Gansu', '620100'],
  ['西宁', 'Xining', '青海', 'Qinghai', '630100'],
  ['银川', 'Yinchuan', '宁夏', 'Ningxia', '640100'],
  ['乌鲁木齐', 'Urumqi', '新疆', 'Xinjiang', '650100'],
  ['北京', 'Beijing', '北京', 'Beijing', '110100'],
  ['天津', 'Tianjin', '天津', 'Tianjin', '120100'],
  ['上海', 'Shanghai', '上海', 'Shanghai', '310100'],
  ['重庆', 'Chongqing', '重庆', 'Chongqing', '500100'],
];

// Characters of 字号 (trade names), with pinyin for the English name.
const BRAND_SOURCE =
  '瑞rui 信xin 华hua 达da 恒heng 泰tai 康kang 宏hong 远yuan 创chuang 博bo 科ke 联lian 正zheng ' +
  '通tong 智zhi 航hang 思si 睿rui 捷jie 迈mai 驰chi 凯kai 鼎ding 盛sheng 丰feng 利li 晟sheng ' +
  '昊hao 天tian 立li 元yuan 嘉jia 和he 久jiu 力li 美mei 欣xin 光guang 明ming 诚cheng 德de ' +
  '益yi 源yuan 汇hui 鑫xin 锐rui 腾teng 飞fei 英ying 卓zhuo 越yue 精jing 高gao 微wei 纳na ' +
  '优you 格ge 奥ao 赛sai 普pu 邦bang 贝bei 宇yu 星xing 辰chen 朗lang 晶jing 润run 泽ze ' +
  '峰feng 凌ling 易yi 启qi 迪di 伟wei 豪hao 威wei 振zhen 兴xing 旺wang 晨chen 曜yao 翔xiang ' +
  '骏jun 鸿hong 众zhong 同tong 协xie 永yong 乐le 佳jia 瀚han 哲zhe 弘hong 致zhi 拓tuo 展zhan ' +
  '擎qing 钧jun 铭ming 茂mao 森sen 禾he 蓝lan 紫zi 金jin 方fang 品pin 尚shang 慧hui 聚ju ' +
  '融rong 亿yi 万wan 千qian 百bai 维wei 纬wei 芯xin 赫he 坤kun 乾qian 艾ai 斯si 特te 克ke ' +
  '尔er 菲fei 伦lun 骐qi 麒qi 麟lin 凤feng 龙long 鹏peng 璟jing 琪qi 瑜yu 琳lin 璞pu 臻zhen ' +
  '逸yi 翊yi 钜ju 熙xi 煜yu 炜wei 烨ye 焱yan 灏hao 沐mu 涵han 澜lan 浩hao 淳chun 昕xin ' +
  '晖hui 旭xu 昱yu 晋jin 景jing 佰bai 致zhi 开kai 拓tuo 信xin 图tu 舜shun 尧yao 禹yu';

// A 字号 character never occurs in a place-name prefix, so a name's prefix ends where its
// 字号 starts; with a fixed 字号 length, unique 字号 therefore give unique names.
const BRAND_CHARS: readonly (readonly [string, string])[] = (() => {
  const placeChars = new Set(CITIES.flatMap(([city, , province]) => [...city, ...province]));
  const seen = new Set<string>();
  const out: [string, string][] = [];
  for (const token of BRAND_SOURCE.split(' ')) {
    const ch = token.charAt(0);
    if (seen.has(ch) || placeChars.has(ch)) continue;
    seen.add(ch);
    out.push([ch, token.slice(1)]);
  }
  return out;
})();


interface PilotPark {
  row: ParkRow;
  firmsLatest: number;
  stageShares: readonly [number, number, number];
  industryWeights: readonly number[];
}

// Industry weights follow INDUSTRIES order:
// 新一代信息技术, 生物医药, 新材料, 高端装备, 新能源, 节能环保, 现代农业, 数字创意.
const PILOT_PARKS: readonly PilotPark[] = [
  {
    row: {
      code: 'shijiazhuang',
      name: '石家庄高新区',
      name_en: 'Shijiazhuang High-tech Zone',
      province: '河北',
      city: '石家庄',
      level: 'national',
      pilot_batch: 1,
      pilot_year: 2020,
    },
    firmsLatest: 2000,
    // 科技日报 2023: 561 初创期, 830 成长期, 609 成熟期 of 2,000.
    stageShares: [561 / 2000, 830 / 2000, 609 / 2000],
    industryWeights: [0.24, 0.3, 0.14, 0.14, 0.06, 0.05, 0.04, 0.03],
  },
  {
    row: {
      code: 'baoding',
      name: '保定高新区',
      name_en: 'Baoding High-tech Zone',
      province: '河北',
      city: '保定',
      level: 'national',
      pilot_batch: 1,
      pilot_year: 2020,
    },
    firmsLatest: 1643,
    stageShares: [0.3, 0.42, 0.28],
    industryWeights: [0.18, 0.08, 0.15, 0.24, 0.22, 0.07, 0.03, 0.03],
  },
  {
    row: {
      code: 'guangzhou',
      name: '广州高新区',
      name_en: 'Guangzhou High-tech Zone',
      province: '广东',
      city: '广州',
      level: 'national',
      pilot_batch: 1,
      pilot_year: 2020,
    },
    firmsLatest: 6000,
    stageShares: [0.33, 0.42, 0.25],
    industryWeights: [0.38, 0.2, 0.1, 0.11, 0.05, 0.05, 0.02, 0.09],
  },
  {
    row: {
      code: 'huizhou-zhongkai',
      name: '惠州仲恺高新区',
      name_en: 'Huizhou Zhongkai High-tech Zone',
      province: '广东',
      city: '惠州',
      level: 'national',
      pilot_batch: 1,
      pilot_year: 2020,
    },
    firmsLatest: 1000,
    stageShares: [0.25, 0.4, 0.35],
    industryWeights: [0.4, 0.05, 0.13, 0.16, 0.18, 0.05, 0.01, 0.02],
  },
];

// Share of latest-year firms that, per year of the period, leave before the latest year.
const EXIT_RATE = 0.025;

// ---------------------------------------------------------------------------
// Small helpers

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Rounds to 2 decimals (money in 万元). */
function round2(x: number): number {
  const r = Math.round(x * 100) / 100;
  return r === 0 ? 0 : r;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** Exact integer shares of `total` proportional to `weights` (largest remainder, ties by index). */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map((x) => Math.floor(x));
  let rest = total - counts.reduce((s, c) => s + c, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((p, q) => q[0] - p[0] || p[1] - q[1]);
  for (const [, i] of order) {
    if (rest <= 0) break;
    counts[i]!++;
    rest--;
  }
  return counts;
}

function shuffledRange(n: number, rng: Rng): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}

const CN_DIGITS = '零一二三四五六七八九';

function chineseNumeral(n: number): string {
  if (n < 10) return CN_DIGITS.charAt(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS.charAt(tens)}十${ones === 0 ? '' : CN_DIGITS.charAt(ones)}`;
}

// ---------------------------------------------------------------------------
// Planning

/** Validated, sorted copy of the evaluation years. */
function normaliseYears(years: readonly number[]): number[] {
  const out = [...new Set(years)].sort((a, b) => a - b);
  if (out.length === 0) throw new Error('at least one evaluation year is needed');
  for (const y of out) {
    if (!Number.isInteger(y) || y < 2000 || y > 2100) throw new Error(`year ${y} is outside 2000–2100`);
  }
  return out;
}

function finishPark(
  row: ParkRow,
  firmsLatest: number,
  stageShares: readonly number[],
  industryWeights: readonly number[],
  years: readonly number[],
  firstSlot: number,
  seed: string,
): ParkPlan {
  const rng = new Rng(`${seed}|park|${row.code}`);
  const city = CITIES.find(([c, , province]) => c === row.city && province === row.province);
  if (city === undefined) throw new Error(`no division code for ${row.province} ${row.city}`);
  const exits = years.length > 1 ? Math.round(firmsLatest * EXIT_RATE * (years.length - 1)) : 0;
  // Exact stage quotas in the latest year, assigned to slots in random order.
  const quotas = apportion(firmsLatest, stageShares);
  const stageRank = shuffledRange(firmsLatest, rng);
  const latestStage = new Uint8Array(firmsLatest);
  for (let slot = 0; slot < firmsLatest; slot++) {
    const r = stageRank[slot]!;
    latestStage[slot] = r < quotas[0]! ? 0 : r < quotas[0]! + quotas[1]! ? 1 : 2;
  }
  return {
    row,
    divisionCode: city[4],
    cityEn: city[1],
    provinceEn: city[3],
    firmsLatest,
    exits,
    firstSlot,
    industryWeights,
    slotOrder: shuffledRange(firmsLatest + exits, rng),
    latestStage,
  };
}

function syntheticParks(
  firms: number,
  parkCount: number,
  years: readonly number[],
  seed: string,
): ParkPlan[] {
  const rng = new Rng(`${seed}|synthetic-parks`);
  // Skewed (log-normal) park sizes, apportioned to sum exactly to `firms`, at least 1 each.
  const weights = Array.from({ length: parkCount }, () => Math.exp(1.0 * rng.normal()));
  const sizes = apportion(firms - parkCount, weights).map((n) => n + 1);
  const cityOrder = shuffledRange(CITIES.length, rng);
  const width = Math.max(3, String(parkCount).length);
  const parks: ParkPlan[] = [];
  let firstSlot = 0;
  for (let i = 0; i < parkCount; i++) {
    const [city, cityEn, province] = CITIES[cityOrder[i % CITIES.length]!]!;
    const round = Math.floor(i / CITIES.length) + 1;
    const batch = rng.next();
    const pilotBatch = batch < 0.2 ? 1 : batch < 0.55 ? 2 : null;
    const row: ParkRow = {
      code: `park-${String(i + 1).padStart(width, '0')}`,
      name: round === 1 ? `${city}高新区` : `${city}第${chineseNumeral(round)}高新区`,
      name_en: round === 1 ? `${cityEn} High-tech Zone` : `${cityEn} High-tech Zone No. ${round}`,
      province,
      city,
      level: 'national',
      pilot_batch: pilotBatch,
      pilot_year: pilotBatch === null ? null : 2019 + pilotBatch,
    };
    const startup = 0.29 + 0.05 * rng.normal();
    const growth = 0.41 + 0.04 * rng.normal();
    const stageShares = [Math.max(0.1, startup), Math.max(0.2, growth), Math.max(0.1, 1 - startup - growth)];
    const industryWeights = [0.3, 0.15, 0.13, 0.15, 0.1, 0.07, 0.04, 0.06].map((w) => w * Math.exp(0.7 * rng.normal()));
    const park = finishPark(row, sizes[i]!, stageShares, industryWeights, years, firstSlot, seed);
    firstSlot += park.firmsLatest + park.exits;
    parks.push(park);
  }
  return parks;
}

/** Decides the parks, their sizes and stage quotas; throws on options that cannot be honoured. */
export function planSample(options: GenerateOptions): SamplePlan {
  const years = normaliseYears(options.years);
  const seed = options.seed;
  let parks: ParkPlan[];
  if (options.firms === undefined) {
    if (options.parks !== undefined) throw new Error('--parks needs --firms');
    parks = [];
    let firstSlot = 0;
    for (const pilot of PILOT_PARKS) {
      const park = finishPark(
        pilot.row,
        pilot.firmsLatest,
        pilot.stageShares,
        pilot.industryWeights,
        years,
        firstSlot,
        seed,
      );
      firstSlot += park.firmsLatest + park.exits;
      parks.push(park);
    }
  } else {
    const firms = options.firms;
    const parkCount = options.parks ?? Math.min(178, firms);
    if (!Number.isInteger(firms) || firms < 1) throw new Error('--firms must be a positive integer');
    if (!Number.isInteger(parkCount) || parkCount < 1) throw new Error('--parks must be a positive integer');
    if (parkCount > firms) throw new Error('--parks cannot exceed --firms');
    if (parkCount > 9999) throw new Error('--parks is limited to 9999');
    parks = syntheticParks(firms, parkCount, years, seed);
  }
  const slots = parks.reduce((s, p) => s + p.firmsLatest + p.exits, 0);
  const brandLength = slots <= BRAND_CHARS.length ** 2 ? 2 : 3;
  if (slots > BRAND_CHARS.length ** brandLength) throw new Error('too many firms for unique names');
  return { seed, years, parks, brandLength };
}

// ---------------------------------------------------------------------------
// Identifiers and names

// Affine bijections scatter consecutive slot numbers over the code and name spaces.
const OLD_ORG_SPACE = 100_000_000; // 8 digits: organisation codes issued before 2016
const NEW_ORG_SPACE = USCC_CHARSET.length ** 6; // "MA" + 6 characters: codes issued since 2016

function affine(x: number, space: number, multiplier: number, offset: number): number {
  // Exact modular arithmetic in doubles: split the multiplier so no product exceeds 2^53.
  const hi = Math.floor(multiplier / 65536);
  const lo = multiplier % 65536;
  const prod = (((x * hi) % space) * 65536 + x * lo) % space;
  return (prod + offset) % space;
}

function coprimeMultiplier(space: number, candidate: number): number {
  let m = candidate % space;
  if (m < 2) m = 2;
  while (gcd(m, space) !== 1) m++;
  return m;
}

interface CodeSpaces {
  oldMul: number;
  oldOff: number;
  newMul: number;
  newOff: number;
  brandSpace: number;
  brandMul: number;
  brandOff: number;
}

function codeSpaces(plan: SamplePlan): CodeSpaces {
  const rng = new Rng(`${plan.seed}|codes`);
  const brandSpace = BRAND_CHARS.length ** plan.brandLength;
  return {
    oldMul: coprimeMultiplier(OLD_ORG_SPACE, 10_000_000 + rng.int(80_000_000)),
    oldOff: rng.int(OLD_ORG_SPACE),
    newMul: coprimeMultiplier(NEW_ORG_SPACE, 100_000_000 + rng.int(700_000_000)),
    newOff: rng.int(NEW_ORG_SPACE),
    brandSpace,
    brandMul: coprimeMultiplier(brandSpace, Math.floor(brandSpace * (0.3 + 0.4 * rng.next()))),
    brandOff: rng.int(brandSpace),
  };
}

function makeUscc(division: string, globalSlot: number, newStyle: boolean, spaces: CodeSpaces): string {
  let body: string;
  if (newStyle) {
    let x = affine(globalSlot, NEW_ORG_SPACE, spaces.newMul, spaces.newOff);
    let chars = '';
    for (let i = 0; i < 6; i++) {
      chars = USCC_CHARSET.charAt(x % 31) + chars;
      x = Math.floor(x / 31);
    }
    body = `MA${chars}`;
  } else {
    body = String(affine(globalSlot, OLD_ORG_SPACE, spaces.oldMul, spaces.oldOff)).padStart(8, '0');
  }
  // 9 = registered with 工商 (market regulation), 1 = 企业 (company).
  const first17 = `91${division}${body}${computeOrgCodeCheckChar(body)!}`;
  return first17 + computeUsccCheckChar(first17)!;
}

function makeBrand(globalSlot: number, length: number, spaces: CodeSpaces): [string, string] {
  let x = affine(globalSlot, spaces.brandSpace, spaces.brandMul, spaces.brandOff);
  let zh = '';
  let en = '';
  for (let i = 0; i < length; i++) {
    const [ch, py] = BRAND_CHARS[x % BRAND_CHARS.length]!;
    zh += ch;
    en += py;
    x = Math.floor(x / BRAND_CHARS.length);
  }
  return [zh, capitalise(en)];
}

// ---------------------------------------------------------------------------
// One enterprise

const TAG_NAMES = TAGS;

function drawAge(rng: Rng, stage: number): number {
  if (stage === 0) return rng.pick([0.14, 0.26, 0.3, 0.3]);
  if (stage === 1) return 4 + rng.pick([0.17, 0.16, 0.15, 0.14, 0.13, 0.13, 0.12]);
  return Math.min(40, 11 + Math.floor(-6 * Math.log(1 - rng.next())));
}

function stageOfAge(age: number): number {
  return age <= 3 ? 0 : age <= 10 ? 1 : 2;
}

// Per-column weight of the chance that a partial reporter leaves a cell blank.
const BLANK_WEIGHT: Record<IndicatorColumn, number> = {
  rd_expense: 0.5,
  rd_expense_prev: 1,
  revenue: 0.3,
  revenue_prev: 0.8,
  employees: 0.3,
  st_staff: 1,
  postgrad_staff: 1.4,
  invention_patent_apps: 0.6,
  pct_apps: 1,
  tech_contract_value: 1.5,
  high_tech_revenue: 1.2,
  rd_tax_deduction: 1.5,
  net_profit: 0.7,
  net_assets: 0.8,
  graduates_hired: 1.4,
  platforms: 0.9,
  awards: 0.9,
  vc_investment: 1.5,
  standards: 1,
  serious_violations: 0.6,
};

const STAGE_MARGIN = [0, 0.06, 0.07];
const STAGE_MARGIN_SPREAD = [0.2, 0.08, 0.07];
const STAGE_VC_LOGIT = [-2.6, -3.3, -4.8];
const LEAVER_STAGE_WEIGHTS = [0.45, 0.35, 0.2];
const PREFIX_WEIGHTS = [0.7, 0.15, 0.15];

/**
 * Every evaluation-year row of the enterprise in `slot` of `park`, in year order. All
 * randomness comes from the slot's own stream, drawn in a fixed order.
 * Long: the draws are one sequence; split into functions, a reordered call would silently
 * change every sample firm after it, so the order stays visible in one place.
 */
function generateFirm(plan: SamplePlan, spaces: CodeSpaces, park: ParkPlan, slot: number): EnterpriseRecord[] {
  const years = plan.years;
  const lastIndex = years.length - 1;
  const rng = new Rng(`${plan.seed}|${park.row.code}|${slot}`);

  // Life cycle: founding, entry into and exit from the evaluation.
  let presentUntil: number;
  let foundedYear: number;
  if (slot < park.firmsLatest) {
    presentUntil = lastIndex;
    foundedYear = years[lastIndex]! - drawAge(rng, park.latestStage[slot]!);
  } else {
    // Leavers: start-ups fail more often.
    presentUntil = rng.int(lastIndex);
    foundedYear = years[presentUntil]! - drawAge(rng, rng.pick(LEAVER_STAGE_WEIGHTS));
  }
  const month = 1 + rng.int(12);
  const day = 1 + rng.int(daysInMonth(foundedYear, month));
  let entry = 0;
  while (years[entry]! < foundedYear) entry++;
  // Older firms mostly joined when the pilot began; some were added in later rounds.
  if (entry === 0 && presentUntil > 0 && !rng.chance(0.8)) entry = 1 + rng.int(presentUntil);

  // Latent traits.
  const industry = INDUSTRIES[rng.pick(park.industryWeights)]!;
  const innovation = rng.normal();
  const matureRevenue = industry.matureRevenue * Math.exp(1.3 * rng.normal() + 0.25 * innovation);
  const drift = 0.02 + 0.08 * rng.normal();
  const productivity = 55 * Math.exp(0.45 * rng.normal());
  const rdIntensity = industry.rdIntensity * Math.exp(0.45 * innovation + 0.35 * rng.normal());
  const noRd = rng.chance(innovation < -1 ? 0.15 : 0.04);
  const preRevenueUntilAge = rng.chance(industry.preRevenue) ? rng.int(2) : -1;
  const stBase = -1.1 + 0.6 * innovation + industry.stBonus + 0.3 * rng.normal();
  const postgradBase = -2.7 + 0.7 * innovation + industry.postgradBonus + 0.3 * rng.normal();
  const marginBase = 0.03 * rng.normal();
  const equityRatio = 0.7 * Math.exp(0.6 * rng.normal());
  const insolvent = rng.chance(0.015);
  const htShare = 0.6 + 0.38 * rng.next();
  const otherHtShare = rng.chance(0.5) ? 0 : 0.05 + 0.5 * rng.next();
  const claimsTax = rng.chance(0.75);
  const uHighTech = rng.next();
  const uSme = rng.next();
  const uSpecialised = rng.next();
  const uListed = rng.next();
  const listingAge = 5 + rng.int(12);
  const uPlatform = rng.next();
  const uAward = rng.next();
  const uStandard = rng.next();
  const partialReporter = rng.chance(0.3);
  const blankChance = partialReporter ? 0.03 + 0.3 * rng.next() : 0;
  const prefixKind = rng.pick(PREFIX_WEIGHTS);
  const word = industry.words[rng.int(industry.words.length)]!;
  const suffix = SUFFIXES[rng.pick(SUFFIX_WEIGHTS)]!;
  const hasEnglishName = rng.chance(0.85);

  const globalSlot = park.firstSlot + slot;
  const [brand, brandEn] = makeBrand(globalSlot, plan.brandLength, spaces);
  const [prefix, prefixEn] =
    prefixKind === 0 ? [park.row.city, park.cityEn] : prefixKind === 1 ? [park.row.province, park.provinceEn] : ['', ''];
  const id = makeUscc(park.divisionCode, globalSlot, foundedYear >= 2016, spaces);
  const name = `${prefix}${brand}${word[0]}${suffix[0]}`;
  const nameEn = hasEnglishName ? [prefixEn, brandEn, word[1], suffix[1]].filter((s) => s !== '').join(' ') : '';
  const founded = `${foundedYear}-${pad2(month)}-${pad2(day)}`;

  // Trajectory from the year before the first evaluation year; rows for the years it is evaluated.
  const records: EnterpriseRecord[] = [];
  const lastYear = years[presentUntil]!;
  let nextIndex = entry;
  let walk = 0;
  let revenue = 0;
  let rd = 0;
  for (let t = years[0]! - 1; t <= lastYear; t++) {
    const revenuePrev = revenue;
    const rdPrev = rd;
    const age = t - foundedYear;
    if (age < 0) continue;
    walk += drift + 0.22 * rng.normal();
    // Young firms ramp up to their mature size over about ten years; the founding year is partial.
    const ramp = Math.min(1, ((age + 0.5) / 11) ** 0.9) * (age === 0 ? (13 - month) / 12 : 1);
    revenue = age <= preRevenueUntilAge ? 0 : round2(matureRevenue * ramp * Math.exp(walk));
    const yearIntensity = rdIntensity * (age <= 3 ? 1.5 : 1) * Math.exp(0.2 * rng.normal());
    const burn = age <= 3 ? (revenue + 150) * 0.04 * Math.exp(0.5 * rng.normal()) : 0;
    rd = noRd ? 0 : round2(revenue * Math.min(yearIntensity, 0.6) + burn);
    if (t !== years[nextIndex]) continue;
    nextIndex++;

    const stage = stageOfAge(age);
    const employees = Math.max(2, Math.round(((revenue + 120) / productivity) * Math.exp(0.08 * rng.normal())));
    const stRatio = logistic(stBase + (stage === 0 ? 0.4 : 0) + 0.15 * rng.normal());
    const stStaff = Math.min(employees, Math.round(employees * stRatio));
    const postgradStaff = Math.min(employees, Math.round(employees * logistic(postgradBase + 0.15 * rng.normal())));
    const rdLog = Math.log10(rd + 1);
    const revLog = Math.log10(revenue + 1);

    const hasPatents = rd > 0 && rng.chance(logistic(-0.9 + 0.9 * innovation + 0.3 * rdLog));
    const patentMean = 0.6 + 0.6 * Math.sqrt(rd / 100) * Math.exp(0.5 * innovation);
    const patents = hasPatents ? 1 + rng.poisson(patentMean) : 0;
    const hasPct = patents > 0 && rng.chance(logistic(-4.2 + 0.8 * innovation + 0.4 * rdLog));
    const pct = hasPct ? 1 + rng.poisson(0.3 + 0.15 * Math.sqrt(patents)) : 0;
    const techContract = rng.chance(logistic(-1.0 + 0.6 * innovation))
      ? round2((revenue * 0.04 + 10) * Math.exp(Math.min(2.5, rng.normal())))
      : 0;

    const highTech = rd > 0 && age >= 1 && uHighTech < logistic(-0.9 + 1.3 * innovation + 0.25 * revLog);
    const share = (highTech ? htShare : otherHtShare) * Math.exp(0.05 * rng.normal());
    const highTechRevenue = round2(revenue * Math.min(1, share));
    const margin = STAGE_MARGIN[stage]! + marginBase + STAGE_MARGIN_SPREAD[stage]! * rng.normal();
    const netProfit =
      revenue === 0 ? round2(-(rd + employees * 8) * Math.exp(0.3 * rng.normal())) : round2(revenue * margin);
    const netAssets = insolvent
      ? round2(-(revenue * (0.05 + 0.4 * rng.next()) + 10))
      : round2((revenue + 100) * equityRatio * Math.exp(0.1 * rng.normal()));
    // 研发费用加计扣除 saves the firm's tax rate (15% for 高企, else 25%) on the extra deduction.
    const taxDeduction =
      rd > 0 && claimsTax && (netProfit > 0 || rng.chance(0.3))
        ? round2(rd * (highTech ? 0.15 : 0.25) * (0.8 + 0.2 * rng.next()))
        : 0;
    const graduates = rng.chance(0.65) ? rng.poisson(employees * 0.03 * Math.exp(0.3 * innovation)) : 0;
    const platforms = drawSteps(rng, uPlatform, logistic(-5.3 + 0.8 * innovation + 0.5 * revLog));
    const awards = drawSteps(rng, uAward, logistic(-5.6 + 0.8 * innovation + 0.5 * revLog));
    const standards = uStandard < logistic(-3.6 + 0.7 * innovation + 0.4 * revLog) ? 1 + rng.poisson(0.8) : 0;
    const vc = rng.chance(logistic(STAGE_VC_LOGIT[stage]! + 0.9 * innovation))
      ? round2(1500 * Math.exp(1.0 * rng.normal()))
      : 0;
    const violationDraw = rng.next();
    const violations = violationDraw < 0.0001 ? 2 + rng.int(2) : violationDraw < 0.0012 ? 1 : 0;

    // Designations follow size, age and innovation; persistent draws keep them stable across years.
    const growth = revenuePrev > 0 ? revenue / revenuePrev - 1 : 0;
    let tags = highTech ? TAG_NAMES[0] : '';
    const addTag = (tag: string): void => {
      tags = tags === '' ? tag : `${tags};${tag}`;
    };
    if (rd > 0 && employees < 500 && revenue < 20000 && uSme < logistic(0.2 + innovation)) addTag(TAG_NAMES[1]);
    if (age >= 3 && revenue >= 1000 && uSpecialised < logistic(-3.2 + 1.1 * innovation + 0.5 * Math.log10(revenue / 1000))) {
      addTag(TAG_NAMES[2]);
    }
    if (age >= 3 && revenue >= 1000 && revenue <= 100000 && growth >= 0.25 && rng.chance(0.3)) addTag(TAG_NAMES[3]);
    if (age >= listingAge && uListed < (matureRevenue >= 50000 ? 0.35 : matureRevenue >= 20000 ? 0.06 : 0.002)) {
      addTag(TAG_NAMES[4]);
    }

    const record: EnterpriseRecord = {
      id,
      name,
      name_en: nameEn,
      park: park.row.code,
      year: t,
      founded,
      industry: industry.zh,
      tags,
      rd_expense: rd,
      rd_expense_prev: rdPrev,
      revenue,
      revenue_prev: revenuePrev,
      employees,
      st_staff: stStaff,
      postgrad_staff: postgradStaff,
      invention_patent_apps: patents,
      pct_apps: pct,
      tech_contract_value: techContract,
      high_tech_revenue: highTechRevenue,
      rd_tax_deduction: taxDeduction,
      net_profit: netProfit,
      net_assets: netAssets,
      graduates_hired: graduates,
      platforms,
      awards,
      vc_investment: vc,
      standards,
      serious_violations: violations,
    };
    // 未填报: rare small start-ups report nothing; partial reporters leave scattered cells blank.
    const reportsNothing = stage === 0 && employees < 10 && rng.chance(0.01);
    if (reportsNothing || partialReporter) {
      for (const column of INDICATOR_COLUMNS) {
        if (reportsNothing || rng.chance(blankChance * BLANK_WEIGHT[column])) record[column] = null;
      }
    }
    records.push(record);
  }
  return records;
}

/** A small count (1–4, mostly 1) with probability `chance`, decided by the persistent draw `u`. */
function drawSteps(rng: Rng, u: number, chance: number): number {
  if (u >= chance) return 0;
  const v = rng.next();
  return v < 0.7 ? 1 : v < 0.92 ? 2 : v < 0.98 ? 3 : 4;
}

// ---------------------------------------------------------------------------
// Output

/** Every enterprise-year of the plan, ordered by park, then year, then a seeded shuffle of the park's firms. */
export function* generateEnterprises(plan: SamplePlan): Generator<EnterpriseRecord> {
  const spaces = codeSpaces(plan);
  for (const park of plan.parks) {
    // One park's rows are held at a time, so memory stays bounded by the largest park.
    const byYear: EnterpriseRecord[][] = plan.years.map(() => []);
    for (const slot of park.slotOrder) {
      for (const record of generateFirm(plan, spaces, park, slot)) {
        byYear[plan.years.indexOf(record.year)]!.push(record);
      }
    }
    for (const rows of byYear) yield* rows;
  }
}

/** One CSV field, quoted per RFC 4180 only when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A count or 2-decimal amount as plain text (never exponent notation); null as a blank cell. */
function formatNumber(value: number | null): string {
  if (value === null) return '';
  if (Math.abs(value) >= 1e15) throw new Error(`number too large to write plainly: ${value}`);
  if (Number.isInteger(value)) return String(value);
  // Integer formatting of the cents is much faster than the shortest-double algorithm.
  const cents = Math.round(Math.abs(value) * 100);
  const frac = cents % 100;
  const text = `${Math.floor(cents / 100)}.${frac < 10 ? `0${frac}` : frac % 10 === 0 ? frac / 10 : frac}`;
  return value < 0 ? `-${text}` : text;
}

/** The enterprises.csv line (without line break) of one record. */
export function formatEnterpriseRow(record: EnterpriseRecord): string {
  const cells = [
    record.id,
    csvField(record.name),
    csvField(record.name_en),
    csvField(record.park),
    String(record.year),
    record.founded,
    csvField(record.industry),
    csvField(record.tags),
  ];
  for (const column of INDICATOR_COLUMNS) cells.push(formatNumber(record[column]));
  return cells.join(',');
}

/** enterprises.csv as a sequence of text chunks of at most `linesPerChunk` lines, header first. */
export function* generateEnterpriseCsvChunks(plan: SamplePlan, linesPerChunk = 10_000): Generator<string> {
  let lines: string[] = [ENTERPRISE_COLUMNS.join(',')];
  for (const record of generateEnterprises(plan)) {
    lines.push(formatEnterpriseRow(record));
    if (lines.length >= linesPerChunk) {
      yield `${lines.join('\n')}\n`;
      lines = [];
    }
  }
  if (lines.length > 0) yield `${lines.join('\n')}\n`;
}

/** The whole parks.csv text of the plan. */
export function formatParksCsv(plan: SamplePlan): string {
  const lines = [PARK_COLUMNS.join(',')];
  for (const { row } of plan.parks) {
    lines.push(
      [
        row.code,
        csvField(row.name),
        csvField(row.name_en),
        csvField(row.province),
        csvField(row.city),
        row.level,
        row.pilot_batch === null ? '' : String(row.pilot_batch),
        row.pilot_year === null ? '' : String(row.pilot_year),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Stage id of an enterprise-year by the reference model's age rule (for summaries and tests). */
export function stageOfRecord(record: Pick<EnterpriseRecord, 'year' | 'founded'>): StageId {
  return STAGE_IDS[stageOfAge(record.year - Number(record.founded.slice(0, 4)))]!;
}
