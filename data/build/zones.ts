/**
 * Builds `data/bundled/zones.json` (the FTZ registry, `ZoneRecord[]`) from `data/sources/ftz/registry.json` and
 * `data/sources/ftz/subarea_industries.json`. The registry is a field-by-field verified compilation: this script
 * never upgrades a status or fills a value; it only reshapes, picks the best-verified industry list, adds English
 * names and translations, and refuses to write a table that breaks the checks below.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  HostCity,
  LocationType,
  PlanDocument,
  SourceRef,
  SourcedField,
  VerificationStatus,
  ZoneAreaRecord,
  ZoneRecord,
} from '../../src/store/zoneTypes.js';
import type { BuildContext, BuiltTable } from './lib/context.js';

const SOURCE_ID = 'ftz.registry';

// ---------------------------------------------------------------------------------------------------------------
// Raw input shapes. The registry is hand-compiled JSON, so every access is checked and a bad shape names its path.

interface RawSource {
  readonly url: string;
  readonly doc: string;
  readonly date: string;
  readonly quote: string;
  readonly kind: string;
}

interface RawField {
  readonly value: unknown;
  readonly status: string;
  readonly sources?: readonly RawSource[];
  readonly note?: string;
  readonly draft_value?: unknown;
  readonly alternatives?: readonly { readonly value: unknown; readonly sources?: readonly RawSource[]; readonly note?: string }[];
}

interface RawSubArea {
  readonly name_zh: string;
  readonly area_km2: RawField;
  readonly customs_special_areas: RawField;
  readonly host_city: RawField;
  readonly key_industries: RawField;
  readonly added: RawField;
  readonly note?: string;
}

interface RawZone {
  readonly id: string;
  readonly name_zh: string;
  readonly province: string;
  readonly province_code: RawField;
  readonly batch: RawField;
  readonly general_plan: RawField;
  readonly approval_date: RawField;
  readonly plan_published: RawField;
  readonly launched: RawField;
  readonly later_plans?: readonly RawField[];
  readonly area_km2_initial?: RawField;
  readonly area_km2_2015?: RawField;
  readonly area_km2_current: RawField;
  readonly location_type: RawField;
  readonly scope?: RawField;
  readonly sub_areas: readonly RawSubArea[];
}

interface RawRegistry {
  readonly zones: readonly RawZone[];
}

interface RawIndustryEntry {
  readonly zone: string;
  readonly sub_area: string;
  readonly key_industries_zh: readonly string[];
  readonly status: 'VERIFIED_PAGE' | 'VERIFIED_PAGE_PARTIAL' | 'UNVERIFIED_RECALL';
  readonly note?: string;
  readonly sources?: readonly RawSource[];
  readonly plan_wording?: boolean;
}

interface RawIndustries {
  readonly entries: readonly RawIndustryEntry[];
}

// ---------------------------------------------------------------------------------------------------------------
// Names and ids that the sources do not carry. Sub-areas are matched by the start of their Chinese name, so a
// renamed or added sub-area in the registry fails the build instead of silently losing its id.

const ZONE_EN: Record<string, string> = {
  SH: 'Shanghai', GD: 'Guangdong', TJ: 'Tianjin', FJ: 'Fujian', LN: 'Liaoning', ZJ: 'Zhejiang', HA: 'Henan',
  HB: 'Hubei', CQ: 'Chongqing', SC: 'Sichuan', SN: 'Shaanxi', HI: 'Hainan', SD: 'Shandong', JS: 'Jiangsu',
  GX: 'Guangxi', HE: 'Hebei', YN: 'Yunnan', HL: 'Heilongjiang', BJ: 'Beijing', HN: 'Hunan', AH: 'Anhui', XJ: 'Xinjiang',
};

const BATCH_YEAR: Record<number, number> = { 1: 2013, 2: 2015, 3: 2017, 4: 2018, 5: 2019, 6: 2020, 7: 2023 };

interface SubAreaName {
  /** start of the registry's `name_zh` */
  readonly zh: string;
  readonly slug: string;
  readonly en: string;
  /** start of `sub_area` in subarea_industries.json, where it is spelled differently */
  readonly industriesZh?: string;
}

const SUB_AREAS: Record<string, readonly SubAreaName[]> = {
  SH: [
    { zh: '海关特殊监管区域', slug: 'BONDED', en: 'Customs special supervision areas (four bonded areas)', industriesZh: '保税区片区' },
    { zh: '陆家嘴金融片区', slug: 'LUJIAZUI', en: 'Lujiazui Financial sub-area', industriesZh: '陆家嘴片区' },
    { zh: '金桥开发片区', slug: 'JINQIAO', en: 'Jinqiao Development sub-area', industriesZh: '金桥片区' },
    { zh: '张江高科技片区', slug: 'ZHANGJIANG', en: 'Zhangjiang High-tech sub-area', industriesZh: '张江片区' },
    { zh: '临港新片区', slug: 'LINGANG', en: 'Lingang New Area (start-up area)' },
  ],
  GD: [
    { zh: '广州南沙新区片区', slug: 'NANSHA', en: 'Guangzhou Nansha New Area sub-area' },
    { zh: '深圳前海蛇口片区', slug: 'QIANHAI-SHEKOU', en: 'Shenzhen Qianhai and Shekou sub-area' },
    { zh: '珠海横琴新区片区', slug: 'HENGQIN', en: 'Zhuhai Hengqin New Area sub-area' },
  ],
  TJ: [
    { zh: '天津港片区', slug: 'PORT', en: 'Tianjin Port sub-area' },
    { zh: '天津机场片区', slug: 'AIRPORT', en: 'Tianjin Airport sub-area' },
    { zh: '滨海新区中心商务片区', slug: 'BINHAI-CBD', en: 'Binhai New Area Central Business District sub-area' },
  ],
  FJ: [
    { zh: '平潭片区', slug: 'PINGTAN', en: 'Pingtan sub-area' },
    { zh: '厦门片区', slug: 'XIAMEN', en: 'Xiamen sub-area' },
    { zh: '福州片区', slug: 'FUZHOU', en: 'Fuzhou sub-area' },
  ],
  LN: [
    { zh: '大连片区', slug: 'DALIAN', en: 'Dalian sub-area' },
    { zh: '沈阳片区', slug: 'SHENYANG', en: 'Shenyang sub-area' },
    { zh: '营口片区', slug: 'YINGKOU', en: 'Yingkou sub-area' },
  ],
  ZJ: [
    { zh: '舟山离岛片区', slug: 'ZHOUSHAN-ISLANDS', en: 'Zhoushan Outlying Islands sub-area' },
    { zh: '舟山岛北部片区', slug: 'ZHOUSHAN-NORTH', en: 'Northern Zhoushan Island sub-area' },
    { zh: '舟山岛南部片区', slug: 'ZHOUSHAN-SOUTH', en: 'Southern Zhoushan Island sub-area' },
    { zh: '宁波片区', slug: 'NINGBO', en: 'Ningbo sub-area' },
    { zh: '杭州片区', slug: 'HANGZHOU', en: 'Hangzhou sub-area' },
    { zh: '金义片区', slug: 'JINYI', en: 'Jinhua-Yiwu (Jinyi) sub-area' },
  ],
  HA: [
    { zh: '郑州片区', slug: 'ZHENGZHOU', en: 'Zhengzhou sub-area' },
    { zh: '开封片区', slug: 'KAIFENG', en: 'Kaifeng sub-area' },
    { zh: '洛阳片区', slug: 'LUOYANG', en: 'Luoyang sub-area' },
  ],
  HB: [
    { zh: '武汉片区', slug: 'WUHAN', en: 'Wuhan sub-area' },
    { zh: '襄阳片区', slug: 'XIANGYANG', en: 'Xiangyang sub-area' },
    { zh: '宜昌片区', slug: 'YICHANG', en: 'Yichang sub-area' },
  ],
  CQ: [
    { zh: '两江片区', slug: 'LIANGJIANG', en: 'Liangjiang sub-area' },
    { zh: '西永片区', slug: 'XIYONG', en: 'Xiyong sub-area' },
    { zh: '果园港片区', slug: 'GUOYUAN-PORT', en: 'Guoyuan Port sub-area' },
  ],
  SC: [
    { zh: '成都天府新区片区', slug: 'TIANFU', en: 'Chengdu Tianfu New Area sub-area' },
    { zh: '成都青白江铁路港片区', slug: 'QINGBAIJIANG', en: 'Chengdu Qingbaijiang Railway Port sub-area' },
    { zh: '川南临港片区', slug: 'CHUANNAN', en: 'South Sichuan Port sub-area (Luzhou)' },
  ],
  SN: [
    { zh: '中心片区', slug: 'CENTRAL', en: 'Central sub-area' },
    { zh: '西安国际港务区片区', slug: 'XIAN-PORT', en: "Xi'an International Port District sub-area" },
    { zh: '杨凌示范区片区', slug: 'YANGLING', en: 'Yangling Demonstration Zone sub-area' },
  ],
  HI: [{ zh: '海南岛全岛', slug: 'ISLAND', en: 'Whole of Hainan Island', industriesZh: '全岛' }],
  SD: [
    { zh: '济南片区', slug: 'JINAN', en: 'Jinan sub-area' },
    { zh: '青岛片区', slug: 'QINGDAO', en: 'Qingdao sub-area' },
    { zh: '烟台片区', slug: 'YANTAI', en: 'Yantai sub-area' },
  ],
  JS: [
    { zh: '南京片区', slug: 'NANJING', en: 'Nanjing sub-area' },
    { zh: '苏州片区', slug: 'SUZHOU', en: 'Suzhou sub-area' },
    { zh: '连云港片区', slug: 'LIANYUNGANG', en: 'Lianyungang sub-area' },
  ],
  GX: [
    { zh: '南宁片区', slug: 'NANNING', en: 'Nanning sub-area' },
    { zh: '钦州港片区', slug: 'QINZHOU-PORT', en: 'Qinzhou Port sub-area' },
    { zh: '崇左片区', slug: 'CHONGZUO', en: 'Chongzuo sub-area' },
  ],
  HE: [
    { zh: '雄安片区', slug: 'XIONGAN', en: "Xiong'an sub-area" },
    { zh: '正定片区', slug: 'ZHENGDING', en: 'Zhengding sub-area' },
    { zh: '曹妃甸片区', slug: 'CAOFEIDIAN', en: 'Caofeidian sub-area' },
    { zh: '大兴机场片区', slug: 'DAXING-AIRPORT', en: 'Daxing Airport sub-area' },
  ],
  YN: [
    { zh: '昆明片区', slug: 'KUNMING', en: 'Kunming sub-area' },
    { zh: '红河片区', slug: 'HONGHE', en: 'Honghe sub-area' },
    { zh: '德宏片区', slug: 'DEHONG', en: 'Dehong sub-area' },
  ],
  HL: [
    { zh: '哈尔滨片区', slug: 'HARBIN', en: 'Harbin sub-area' },
    { zh: '黑河片区', slug: 'HEIHE', en: 'Heihe sub-area' },
    { zh: '绥芬河片区', slug: 'SUIFENHE', en: 'Suifenhe sub-area' },
  ],
  BJ: [
    { zh: '科技创新片区', slug: 'SCI-TECH', en: 'Science and Technology Innovation sub-area' },
    { zh: '国际商务服务片区', slug: 'INTL-BUSINESS', en: 'International Business Services sub-area' },
    { zh: '高端产业片区', slug: 'HIGH-END-INDUSTRY', en: 'High-end Industries sub-area' },
  ],
  HN: [
    { zh: '长沙片区', slug: 'CHANGSHA', en: 'Changsha sub-area' },
    { zh: '岳阳片区', slug: 'YUEYANG', en: 'Yueyang sub-area' },
    { zh: '郴州片区', slug: 'CHENZHOU', en: 'Chenzhou sub-area' },
  ],
  AH: [
    { zh: '合肥片区', slug: 'HEFEI', en: 'Hefei sub-area' },
    { zh: '芜湖片区', slug: 'WUHU', en: 'Wuhu sub-area' },
    { zh: '蚌埠片区', slug: 'BENGBU', en: 'Bengbu sub-area' },
  ],
  XJ: [
    { zh: '乌鲁木齐片区', slug: 'URUMQI', en: 'Urumqi sub-area' },
    { zh: '喀什片区', slug: 'KASHGAR', en: 'Kashgar sub-area' },
    { zh: '霍尔果斯片区', slug: 'KHORGOS', en: 'Khorgos sub-area' },
  ],
};

/**
 * English for every industry-positioning item that can reach `positioning_zh`. Kept by hand (not machine
 * translation) so that one Chinese term always gets the glossary's one English term; a missing item fails the build.
 */
const POSITIONING_EN: Record<string, string> = {
  // Shanghai
  国际金融中心核心区: 'core area of the international financial centre',
  国际航运中心高端服务区: 'high-end service area of the international shipping centre',
  国际贸易中心商贸集聚区: 'commerce cluster of the international trade centre',
  先进制造业核心功能区: 'core functional area for advanced manufacturing',
  生产性服务业集聚区: 'cluster of producer services',
  战略性新兴产业先行区: 'pioneer area for strategic emerging industries',
  生态工业示范区: 'eco-industrial demonstration area',
  '科技创新(国家战略核心基地)': 'science and technology innovation (core base of national strategy)',
  集成电路: 'integrated circuits',
  人工智能: 'artificial intelligence',
  生物医药: 'biomedicine',
  民用航空: 'civil aviation',
  智能新能源汽车: 'intelligent new-energy vehicles',
  高端装备制造: 'high-end equipment manufacturing',
  // Guangdong, Tianjin, Fujian
  航运物流: 'shipping and logistics',
  特色金融: 'specialised finance',
  国际商贸: 'international commerce',
  高端制造: 'high-end manufacturing',
  金融: 'finance',
  现代物流: 'modern logistics',
  信息服务: 'information services',
  科技服务: 'science and technology services',
  旅游休闲健康: 'tourism, leisure and health',
  商务金融服务: 'business and financial services',
  文化科教: 'culture, science and education',
  高新技术: 'high and new technology',
  国际贸易: 'international trade',
  融资租赁: 'financial leasing',
  现代服务业: 'modern services',
  航空航天: 'aerospace',
  装备制造: 'equipment manufacturing',
  新一代信息技术: 'new-generation information technology',
  研发设计: 'research and design',
  航空物流: 'air logistics',
  两岸共同家园: 'common home for people on both sides of the Taiwan Strait',
  国际旅游岛: 'international tourism island',
  两岸新兴产业和现代服务业合作示范区: 'cross-Strait demonstration area for cooperation in emerging industries and modern services',
  东南国际航运中心: 'southeast international shipping centre',
  两岸区域性金融服务中心: 'cross-Strait regional financial services centre',
  两岸贸易中心: 'cross-Strait trade centre',
  先进制造业基地: 'advanced manufacturing base',
  '21世纪海上丝绸之路沿线国家和地区交流合作平台': 'platform for exchange and cooperation with countries and regions along the 21st-Century Maritime Silk Road',
  两岸服务贸易与金融创新合作示范区: 'cross-Strait demonstration area for cooperation in trade in services and financial innovation',
  // Liaoning, Zhejiang, Henan
  先进装备制造: 'advanced equipment manufacturing',
  循环经济: 'circular economy',
  航运: 'shipping',
  '金融、物流等现代服务业': 'modern services such as finance and logistics',
  汽车及零部件: 'automobiles and parts',
  航空装备: 'aviation equipment',
  跨境电商: 'cross-border e-commerce',
  新一代信息技术等战略性新兴产业: 'strategic emerging industries such as new-generation information technology',
  国际航运枢纽: 'international shipping hub',
  油气资源配置中心: 'oil and gas resource allocation centre',
  国际供应链创新中心: 'international supply-chain innovation centre',
  全球新材料科创中心: 'global science and innovation centre for new materials',
  智能制造高质量发展示范区: 'demonstration area for high-quality development of intelligent manufacturing',
  新一代人工智能创新发展试验区: 'pilot zone for innovative development of new-generation artificial intelligence',
  国家金融科技创新发展试验区: 'national pilot zone for fintech innovation and development',
  全球一流的跨境电商示范中心: 'world-class cross-border e-commerce demonstration centre',
  数字经济高质量发展示范区: 'demonstration area for high-quality development of the digital economy',
  世界小商品之都: 'world capital of small commodities',
  国际小商品自由贸易中心: 'international free-trade centre for small commodities',
  数字贸易创新中心: 'digital trade innovation centre',
  内陆国际物流枢纽港: 'inland international logistics hub port',
  制造创新示范地: 'manufacturing innovation demonstration site',
  一带一路重要支点: 'important pivot of the Belt and Road',
  智能终端: 'smart terminals',
  高端装备及汽车制造: 'high-end equipment and automobile manufacturing',
  现代金融: 'modern finance',
  创意设计: 'creative design',
  服务外包: 'service outsourcing',
  医疗旅游: 'medical tourism',
  文化传媒: 'culture and media',
  文化金融: 'cultural finance',
  艺术品交易: 'art trading',
  提升装备制造业: 'upgrading equipment manufacturing',
  农副产品加工国际合作及贸易: 'international cooperation and trade in agricultural and sideline product processing',
  高端制造业: 'high-end manufacturing',
  // Hubei, Chongqing, Sichuan, Shaanxi, Hainan
  生命健康: 'life and health',
  智能制造: 'intelligent manufacturing',
  金融服务: 'financial services',
  检验检测: 'inspection and testing',
  专业服务: 'professional services',
  新能源汽车: 'new-energy vehicles',
  大数据: 'big data',
  云计算: 'cloud computing',
  商贸物流: 'commerce and logistics',
  先进制造: 'advanced manufacturing',
  电子信息: 'electronic information',
  新材料: 'new materials',
  总部经济: 'headquarters economy',
  电子商务: 'e-commerce',
  高端装备: 'high-end equipment',
  电子核心部件: 'core electronic components',
  总部贸易: 'headquarters trade',
  服务贸易: 'trade in services',
  展示交易: 'exhibition and trading',
  仓储分拨: 'warehousing and distribution',
  加工贸易转型升级示范区: 'demonstration area for transformation and upgrading of processing trade',
  智能装备: 'intelligent equipment',
  保税物流中转分拨: 'bonded logistics transhipment and distribution',
  多式联运物流转运中心: 'multimodal logistics transhipment centre',
  国际中转: 'international transhipment',
  集拼分拨: 'consolidation and distribution',
  临空经济: 'airport economy',
  口岸服务: 'port-of-entry services',
  国际商品集散转运: 'collection, distribution and transhipment of international goods',
  分拨展示: 'distribution and display',
  保税物流仓储: 'bonded logistics and warehousing',
  整车进口: 'complete-vehicle imports',
  港口贸易: 'port trade',
  教育医疗: 'education and medical services',
  现代医药: 'modern medicine',
  食品饮料: 'food and beverages',
  旅游会展: 'tourism and exhibitions',
  农业科技创新: 'agricultural science and technology innovation',
  示范推广: 'demonstration and extension',
  国际农业合作: 'international agricultural cooperation',
  旅游业: 'tourism',
  高新技术产业: 'high-tech industries',
  // 2019 batch
  产业金融: 'industrial finance',
  医疗康养: 'medical care and wellness',
  文化产业: 'cultural industries',
  信息技术: 'information technology',
  现代海洋: 'modern marine industries',
  数字经济: 'digital economy',
  港航物流: 'port and shipping logistics',
  新能源汽车关键零部件: 'key components of new-energy vehicles',
  跨境旅游: 'cross-border tourism',
  航空服务: 'aviation services',
  科技创新: 'science and technology innovation',
  会展: 'exhibitions',
  '冰雪经济(冬季运动与旅游)': 'ice-and-snow economy (winter sports and tourism)',
  // 2020 and 2023 batches
  生物与健康: 'biotechnology and health',
  数字贸易: 'digital trade',
  文化贸易: 'cultural trade',
  商务会展: 'business and exhibitions',
  医疗健康: 'medical and health services',
  国际寄递物流: 'international express and postal logistics',
  跨境金融: 'cross-border finance',
  农业科技: 'agricultural science and technology',
  有色金属加工: 'non-ferrous metal processing',
  新型显示: 'new displays',
  量子信息: 'quantum information',
  科技金融: 'technology finance',
  智能网联汽车: 'intelligent connected vehicles',
  智慧家电: 'smart home appliances',
  航空: 'aviation',
  机器人: 'robotics',
  航运服务: 'shipping services',
  硅基新材料: 'silicon-based new materials',
  生物基新材料: 'bio-based new materials',
  新能源: 'new energy',
  先进制造业: 'advanced manufacturing',
  纺织服装: 'textiles and garments',
  软件和信息技术服务: 'software and information technology services',
  农副产品精深加工: 'deep processing of agricultural and sideline products',
  纺织服装制造: 'textile and garment manufacturing',
  电子产品组装: 'electronic product assembly',
  国际物流: 'international logistics',
  跨境物流: 'cross-border logistics',
  展览展示: 'exhibitions and displays',
  特色医药: 'specialty medicines',
  // Third pass: Caofeidian, Tianjin Binhai CBD, Beijing high-end industries
  国际大宗商品贸易: 'international bulk commodity trade',
  港航服务: 'port and shipping services',
  能源储配: 'energy storage and distribution',
  以金融创新为主的现代服务业: 'modern services led by financial innovation',
  商务服务: 'business services',
  国际金融: 'international finance',
  文化创意: 'cultural and creative industries',
  生物技术和大健康: 'biotechnology and the broad health industry',
};

// ---------------------------------------------------------------------------------------------------------------
// Checks

const STATUSES: readonly VerificationStatus[] = ['VERIFIED', 'VERIFIED_SECONDARY', 'CONFLICT', 'UNVERIFIED'];
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;
const LOCATION_TYPES: readonly LocationType[] = ['coastal', 'inland', 'border'];
const HAS_CJK = /[\u4e00-\u9fff]/;

class BuildError extends Error {
  override readonly name = 'BuildError';
}

function fail(path: string, message: string): never {
  throw new BuildError(`zones: ${path}: ${message}`);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asStatus(path: string, s: string): VerificationStatus {
  const found = STATUSES.find((x) => x === s);
  return found ?? fail(path, `unknown status ${s}`);
}

function asSources(path: string, raw: readonly RawSource[] | undefined): SourceRef[] {
  return (raw ?? []).map((s, i) => {
    for (const key of ['url', 'doc', 'date', 'quote', 'kind'] as const) {
      if (typeof s[key] !== 'string') fail(`${path}.sources[${i}]`, `missing ${key}`);
    }
    return { url: s.url, doc: s.doc, date: s.date, quote: s.quote, kind: s.kind };
  });
}

/** Notes found while building a field; they are appended to its `note` so nothing the sources said is lost. */
type Notes = string[];

function joinNotes(...parts: readonly (string | undefined)[]): string | undefined {
  const kept = parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  return kept.length ? kept.join(' | ') : undefined;
}

/**
 * Reshapes one raw field. `convert` turns a raw value into the contract's type (or null when it cannot, with a
 * note); a value that cannot be converted keeps the field honest by going to the note, never by being dropped.
 */
function field<T>(
  path: string,
  raw: RawField | undefined,
  convert: (v: unknown, notes: Notes, where: string) => T | null,
  extraNote?: string,
): SourcedField<T> {
  if (!raw) return { value: null, status: 'UNVERIFIED', sources: [], note: joinNotes('not in the registry', extraNote) ?? '' };
  if (!isRecord(raw)) fail(path, 'not a sourced field');
  const notes: Notes = [];
  const status = asStatus(path, raw.status);
  const value = raw.value === null || raw.value === undefined ? null : convert(raw.value, notes, 'value');
  const sources = asSources(path, raw.sources);
  const alternatives: { value: T; sources: SourceRef[] }[] = [];
  for (const [i, alt] of (raw.alternatives ?? []).entries()) {
    const v = convert(alt.value, notes, 'alternative');
    if (v === null) continue;
    alternatives.push({ value: v, sources: asSources(`${path}.alternatives[${i}]`, alt.sources) });
    if (alt.note) notes.push(`alternative ${JSON.stringify(alt.value)}: ${alt.note}`);
  }
  const draft = raw.draft_value === undefined || raw.draft_value === null ? null : convert(raw.draft_value, notes, 'draft');
  const note = joinNotes(raw.note, ...notes, extraNote);
  return {
    value,
    status,
    sources,
    ...(note !== undefined ? { note } : {}),
    ...(draft !== null && value === null ? { draft_value: draft } : {}),
    ...(alternatives.length ? { alternatives } : {}),
  };
}

const toNumber = (v: unknown, notes: Notes, where: string): number | null => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  notes.push(`${where} ${JSON.stringify(v)} is not a number`);
  return null;
};

/** Dates: ISO `YYYY-MM(-DD)`; a trailing remark such as `2023-12 (listing ceremony 2023-12-05)` moves to the note. */
const toDate = (v: unknown, notes: Notes, where: string): string | null => {
  if (typeof v !== 'string') {
    notes.push(`${where} ${JSON.stringify(v)} is not a date`);
    return null;
  }
  if (ISO_DATE.test(v)) return v;
  const m = /^(\d{4}-\d{2}(?:-\d{2})?)\s*\((.+)\)$/.exec(v);
  if (m?.[1] && ISO_DATE.test(m[1])) {
    notes.push(`${where === 'value' ? 'date' : where} remark: ${m[2] ?? ''}`);
    return m[1];
  }
  notes.push(`${where} "${v}" is not an ISO date`);
  return null;
};

const toInt = (v: unknown, notes: Notes, where: string): number | null => {
  const n = toNumber(v, notes, where);
  return n !== null && Number.isInteger(n) ? n : null;
};

const toLocation = (v: unknown, notes: Notes, where: string): LocationType | null => {
  const found = LOCATION_TYPES.find((x) => x === v);
  if (!found) notes.push(`${where} ${JSON.stringify(v)} is not coastal/inland/border`);
  return found ?? null;
};

const toStringList = (v: unknown, notes: Notes, where: string): string[] | null => {
  if (!Array.isArray(v)) {
    notes.push(`${where} is not a list`);
    return null;
  }
  // The registry lists customs special areas as {name, km2}; the contract keeps them as text, with the size.
  return v.map((x) => {
    if (typeof x === 'string') return x;
    if (isRecord(x) && typeof x.name === 'string') {
      return typeof x.km2 === 'number' ? `${x.name} (${x.km2} km²)` : x.name;
    }
    return JSON.stringify(x);
  });
};

const PLAN_KEYS = new Set(['title', 'doc_no', 'doc_date', 'published']);

function toPlan(v: unknown, notes: Notes, where: string): PlanDocument | null {
  if (!isRecord(v) || typeof v.title !== 'string') {
    notes.push(`${where} is not a plan document`);
    return null;
  }
  const dateOrNull = (x: unknown, key: string): string | null => (x === null || x === undefined ? null : toDate(x, notes, `${where}.${key}`));
  // Extra facts the registry keeps on a plan (approval reply, issuer, unveiling) have no slot in the contract.
  const extras = Object.entries(v)
    .filter(([k]) => !PLAN_KEYS.has(k))
    .map(([k, x]) => `${k}: ${String(x)}`);
  const note = joinNotes(...extras);
  return {
    title: v.title,
    doc_no: typeof v.doc_no === 'string' ? v.doc_no : null,
    doc_date: dateOrNull(v.doc_date, 'doc_date'),
    ...(v.published !== undefined ? { published: dateOrNull(v.published, 'published') } : {}),
    ...(note !== undefined ? { note } : {}),
  };
}

function toHostCity(v: unknown, notes: Notes, where: string): HostCity | null {
  // One sub-area (Daxing Airport) straddles two provinces; the contract has one host city, so the first is kept.
  const list = Array.isArray(v) ? v : [v];
  const [first, ...rest] = list;
  if (!isRecord(first) || typeof first.name !== 'string' || typeof first.gbt2260 !== 'string') {
    notes.push(`${where} is not a host city`);
    return null;
  }
  for (const r of rest) if (isRecord(r)) notes.push(`also ${String(r.name)} (${String(r.gbt2260)})`);
  if (!/^\d{6}$/.test(first.gbt2260)) notes.push(`code ${first.gbt2260} is not 6 digits`);
  const district = typeof first.district === 'string' ? first.district : undefined;
  // District guesses marked UNVERIFIED in the registry are not shown as fact.
  if (district && /UNVERIFIED/i.test(district)) {
    notes.push(`district (unverified): ${district}`);
    return { code: first.gbt2260, name_zh: first.name };
  }
  return { code: first.gbt2260, name_zh: first.name, ...(district ? { district } : {}) };
}

// ---------------------------------------------------------------------------------------------------------------
// Industry positioning: the general plan's words where a page quotes them, else another verified page, else nothing.

function cjkOnly(list: readonly string[]): { zh: string[]; other: string[] } {
  return { zh: list.filter((x) => HAS_CJK.test(x)), other: list.filter((x) => !HAS_CJK.test(x)) };
}

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function positioning(
  path: string,
  raw: RawField,
  entry: RawIndustryEntry | undefined,
  log: (m: string) => void,
): { zh: SourcedField<readonly string[]>; basis: 'plan' | 'page' | 'none' } {
  const reg = field<string[]>(path, raw, toStringList);
  const regUsable = reg.status !== 'UNVERIFIED' && reg.value !== null && reg.value.some((x) => HAS_CJK.test(x));
  const entrySources = entry ? asSources(`${path}(industries)`, entry.sources) : [];
  const entrySeen = entry !== undefined && entry.status !== 'UNVERIFIED_RECALL' && entrySources.length > 0;

  if (entry && entrySeen && entry.plan_wording === true) {
    if (regUsable && reg.value && sameList(reg.value, entry.key_industries_zh)) {
      const note = joinNotes(reg.note, entry.note);
      return {
        zh: { value: reg.value, status: reg.status, sources: [...reg.sources, ...entrySources.filter((s) => !reg.sources.some((r) => r.url === s.url && r.quote === s.quote))], ...(note ? { note } : {}) },
        basis: 'plan',
      };
    }
    const official = entrySources.some((s) => ['official_gov', 'legal_db', 'state_media'].includes(s.kind));
    const status: VerificationStatus = entry.status === 'VERIFIED_PAGE' && official ? 'VERIFIED' : 'VERIFIED_SECONDARY';
    const note = joinNotes(entry.note, regUsable && reg.value ? `registry list differs: ${reg.value.join('、')}` : undefined);
    return { zh: { value: [...entry.key_industries_zh], status, sources: entrySources, ...(note ? { note } : {}) }, basis: 'plan' };
  }
  if (regUsable && reg.value) {
    const { zh, other } = cjkOnly(reg.value);
    if (other.length) log(`zones: ${path}: English items kept in the note, not in positioning_zh: ${other.join(', ')}`);
    const note = joinNotes(reg.note, other.length ? `also named in English by the source: ${other.join(', ')}` : undefined);
    return { zh: { value: zh, status: reg.status, sources: reg.sources, ...(note ? { note } : {}), ...(reg.alternatives ? { alternatives: reg.alternatives } : {}) }, basis: 'page' };
  }
  if (entry && entrySeen) {
    const status: VerificationStatus = 'VERIFIED_SECONDARY';
    const note = joinNotes(entry.note);
    return { zh: { value: [...entry.key_industries_zh], status, sources: entrySources, ...(note ? { note } : {}) }, basis: 'page' };
  }
  // Nothing seen: keep what the drafts said beside the null, as the registry does.
  const draft = reg.draft_value ?? (entry ? [...entry.key_industries_zh] : undefined);
  const english = reg.value && !regUsable && reg.status !== 'UNVERIFIED' ? `a source names it in English only: ${reg.value.join(', ')}` : undefined;
  const note = joinNotes(reg.note, english, entry && !entrySeen ? `draft list (${entry.status}) not re-seen in a page with a quote` : undefined);
  return {
    zh: {
      value: null,
      // An English-only paraphrase is kept as a source of the note, but it is not the plan's Chinese wording.
      status: 'UNVERIFIED',
      sources: english ? reg.sources : [],
      ...(note ? { note } : {}),
      ...(draft && draft.length ? { draft_value: draft } : {}),
    },
    basis: 'none',
  };
}

function translate(list: readonly string[] | null, missing: Set<string>): string[] | null {
  if (list === null) return null;
  return list.map((zh) => {
    const en = POSITIONING_EN[zh];
    if (en === undefined) {
      missing.add(zh);
      return '';
    }
    return en;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Build

interface Counters {
  fields: number;
  nonNullWithoutSource: string[];
  badDates: string[];
}

/** Walks every sourced field of a record, for the source and date checks. */
function walkFields(v: unknown, path: string, visit: (f: SourcedField<unknown>, path: string) => void): void {
  if (Array.isArray(v)) {
    v.forEach((x, i) => walkFields(x, `${path}[${i}]`, visit));
    return;
  }
  if (!isRecord(v)) return;
  if (typeof v.status === 'string' && Array.isArray(v.sources)) {
    visit(v as unknown as SourcedField<unknown>, path);
    return;
  }
  for (const [k, x] of Object.entries(v)) walkFields(x, path ? `${path}.${k}` : k, visit);
}

function buildArea(zone: RawZone, sub: RawSubArea, entries: readonly RawIndustryEntry[], missing: Set<string>, log: (m: string) => void): ZoneAreaRecord {
  const names = SUB_AREAS[zone.id] ?? fail(zone.id, 'no sub-area names');
  const name = names.find((n) => sub.name_zh.startsWith(n.zh)) ?? fail(`${zone.id}/${sub.name_zh}`, 'sub-area not in SUB_AREAS');
  const id = `${zone.id}-${name.slug}`;
  const entryKey = name.industriesZh ?? name.zh;
  const entry = entries.find((e) => e.zone === zone.province && e.sub_area.startsWith(entryKey));
  if (!entry) log(`zones: ${id}: no entry in subarea_industries.json`);
  const pos = positioning(`${id}.positioning_zh`, sub.key_industries, entry, log);
  const area: ZoneAreaRecord = {
    id,
    name_zh: sub.name_zh,
    name_en: name.en,
    host_city: field(`${id}.host_city`, sub.host_city, toHostCity),
    area_km2: field(`${id}.area_km2`, sub.area_km2, toNumber),
    added: field(`${id}.added`, sub.added, toDate),
    positioning_zh: pos.zh,
    positioning_en: translate(pos.zh.value, missing),
    customs_special_areas: field(`${id}.customs_special_areas`, sub.customs_special_areas, toStringList),
    ...(sub.note ? { note: sub.note } : {}),
  };
  return area;
}

function buildZone(z: RawZone, entries: readonly RawIndustryEntry[], missing: Set<string>, log: (m: string) => void): ZoneRecord {
  const en = ZONE_EN[z.id] ?? fail(z.id, 'no English name');
  const batch = field(`${z.id}.batch`, z.batch, toInt);
  const batchYear = batch.value !== null ? BATCH_YEAR[batch.value] : undefined;
  if (batchYear === undefined) fail(`${z.id}.batch`, `no calendar year for batch ${String(batch.value)}`);
  const provinceCode = isRecord(z.province_code.value) ? z.province_code.value.gbt2260 : undefined;
  if (typeof provinceCode !== 'string' || !/^\d{2}0000$/.test(provinceCode)) fail(`${z.id}.province_code`, 'not a GB/T 2260 province code');
  const launched = field(`${z.id}.launched`, z.launched, toDate);
  const approved = field(`${z.id}.approved`, z.approval_date, toDate);
  const start = (launched.value ?? approved.value ?? '').slice(0, 7);
  const history: { from: string; area_km2: SourcedField<number> }[] = [];
  if (z.area_km2_initial) history.push({ from: start, area_km2: field(`${z.id}.area_km2_initial`, z.area_km2_initial, toNumber) });
  // Only Shanghai has a 2015 total: the expansion to Lujiazui, Jinqiao and Zhangjiang took effect in April 2015.
  if (z.area_km2_2015) history.push({ from: '2015-04', area_km2: field(`${z.id}.area_km2_2015`, z.area_km2_2015, toNumber) });
  const scope = z.scope && typeof z.scope.value === 'string' ? `implementation scope: ${z.scope.value}` : undefined;
  return {
    id: z.id,
    name_zh: z.name_zh,
    name_en: `China (${en}) Pilot Free Trade Zone`,
    province_code: provinceCode,
    batch,
    batch_year: batchYear,
    general_plan: field(`${z.id}.general_plan`, z.general_plan, toPlan),
    approved,
    plan_published: field(`${z.id}.plan_published`, z.plan_published, toDate),
    launched,
    area_km2: field(`${z.id}.area_km2`, z.area_km2_current, toNumber, scope),
    area_history: history,
    later_plans: (z.later_plans ?? []).map((p, i) => field(`${z.id}.later_plans[${i}]`, p, toPlan)),
    location_type: field(`${z.id}.location_type`, z.location_type, toLocation),
    areas: z.sub_areas.map((s) => buildArea(z, s, entries, missing, log)),
  };
}

const EXPECTED_IDS = ['SH', 'GD', 'TJ', 'FJ', 'LN', 'ZJ', 'HA', 'HB', 'CQ', 'SC', 'SN', 'HI', 'SD', 'JS', 'GX', 'HE', 'YN', 'HL', 'BJ', 'HN', 'AH', 'XJ'];

function check(zones: readonly ZoneRecord[], log: (m: string) => void): void {
  const problems: string[] = [];
  if (zones.length !== 22) problems.push(`expected 22 zones, got ${zones.length}`);
  const ids = zones.map((z) => z.id);
  const unexpected = ids.filter((id) => !EXPECTED_IDS.includes(id));
  const absent = EXPECTED_IDS.filter((id) => !ids.includes(id));
  if (unexpected.length || absent.length) problems.push(`zone ids: unexpected ${unexpected.join(',') || '-'}, missing ${absent.join(',') || '-'}`);
  const areaIds = zones.flatMap((z) => z.areas.map((a) => a.id));
  if (new Set(areaIds).size !== areaIds.length) problems.push('duplicate sub-area ids');
  for (const id of areaIds) if (!/^[A-Z]{2}-[A-Z0-9]+(-[A-Z0-9]+)*$/.test(id)) problems.push(`sub-area id ${id} is not <ZONE>-<ASCII-SLUG>`);
  log(`zones: ${zones.length} zones, ${areaIds.length} sub-areas`);

  // Batch order: the registry lists zones by batch; a reordering upstream would change every chart's order.
  for (let i = 1; i < zones.length; i++) {
    const a = zones[i - 1]?.batch.value ?? 0;
    const b = zones[i]?.batch.value ?? 0;
    if (b < a) problems.push(`zones not in batch order at ${zones[i]?.id ?? '?'}`);
  }

  const sh = zones.find((z) => z.id === 'SH');
  const lingang = sh?.areas.find((a) => a.id === 'SH-LINGANG');
  if (!lingang || !lingang.added.value?.startsWith('2019')) problems.push('Shanghai lacks its 2019 Lingang sub-area');
  else log('zones: Shanghai has SH-LINGANG (added 2019)');

  // Sub-area km² must add up to the zone total wherever every part is known; a mismatch means a wrong figure.
  for (const z of zones) {
    const parts = z.areas.map((a) => a.area_km2);
    const total = z.area_km2.value;
    const known = parts.every((p) => p.value !== null && p.status !== 'UNVERIFIED');
    if (total === null || !known) {
      const n = parts.filter((p) => p.value === null || p.status === 'UNVERIFIED').length;
      log(`zones: ${z.id} km² sum not checked (${total === null ? 'zone total unknown' : `${n} sub-area(s) unverified`})`);
      continue;
    }
    const sum = Math.round(parts.reduce((s, p) => s + (p.value ?? 0), 0) * 100) / 100;
    const statuses = [...new Set(parts.map((p) => p.status))].join('/');
    if (Math.abs(sum - total) > 0.005) problems.push(`${z.id}: sub-areas sum to ${sum} km², zone total is ${total} km²`);
    else log(`zones: ${z.id} sub-areas sum to the total ${total} km² (${statuses})`);
  }

  // Every shown value needs a source, and every date an ISO shape.
  const counters: Counters = { fields: 0, nonNullWithoutSource: [], badDates: [] };
  const byStatus: Record<string, number> = {};
  for (const z of zones) {
    walkFields(z, z.id, (f, path) => {
      counters.fields++;
      byStatus[f.status] = (byStatus[f.status] ?? 0) + 1;
      if (f.value !== null && f.sources.length === 0) counters.nonNullWithoutSource.push(path);
      for (const s of f.sources) if (!s.quote.trim() || !s.url.trim()) counters.nonNullWithoutSource.push(`${path} (source without url/quote)`);
    });
    const dates: [string, string | null | undefined][] = [
      [`${z.id}.approved`, z.approved.value], [`${z.id}.plan_published`, z.plan_published.value], [`${z.id}.launched`, z.launched.value],
      [`${z.id}.general_plan.doc_date`, z.general_plan.value?.doc_date], [`${z.id}.general_plan.published`, z.general_plan.value?.published],
      ...z.later_plans.flatMap((p, i): [string, string | null | undefined][] => [[`${z.id}.later_plans[${i}].doc_date`, p.value?.doc_date], [`${z.id}.later_plans[${i}].published`, p.value?.published]]),
      ...z.areas.map((a): [string, string | null] => [`${a.id}.added`, a.added.value]),
      ...z.area_history.map((h, i): [string, string] => [`${z.id}.area_history[${i}].from`, h.from]),
      ...[z.approved, z.launched, z.plan_published].flatMap((f) => (f.alternatives ?? []).map((a): [string, string] => [`${z.id} alternative`, a.value])),
    ];
    for (const [path, d] of dates) if (d !== null && d !== undefined && !ISO_DATE.test(d)) counters.badDates.push(`${path}=${d}`);
  }
  if (counters.nonNullWithoutSource.length) problems.push(`values without a source: ${counters.nonNullWithoutSource.join(', ')}`);
  if (counters.badDates.length) problems.push(`dates not ISO-shaped: ${counters.badDates.join(', ')}`);
  log(`zones: ${counters.fields} sourced fields: ${STATUSES.map((s) => `${s} ${byStatus[s] ?? 0}`).join(', ')}`);
  log('zones: every non-null value has a source; every date is ISO-shaped');

  const withPos = zones.flatMap((z) => z.areas).filter((a) => a.positioning_zh.value !== null).length;
  log(`zones: industry positioning for ${withPos} of ${areaIds.length} sub-areas`);
  for (const a of zones.flatMap((z) => z.areas)) {
    const zh = a.positioning_zh.value;
    if ((zh === null) !== (a.positioning_en === null) || (zh && a.positioning_en && zh.length !== a.positioning_en.length)) {
      problems.push(`${a.id}: positioning_en does not match positioning_zh item for item`);
    }
  }
  if (problems.length) throw new BuildError(`zones: ${problems.length} check(s) failed:\n  ${problems.join('\n  ')}`);
}

export async function build(ctx: BuildContext): Promise<BuiltTable[]> {
  const dir = join(ctx.sourcesDir, 'ftz');
  const registry = JSON.parse(readFileSync(join(dir, 'registry.json'), 'utf8')) as RawRegistry;
  const industries = JSON.parse(readFileSync(join(dir, 'subarea_industries.json'), 'utf8')) as RawIndustries;
  const sourceIds = (JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8')) as { id: string }[]).map((s) => s.id);
  if (!sourceIds.includes(SOURCE_ID)) fail('sources.json', `no record ${SOURCE_ID}`);

  const missing = new Set<string>();
  // Stable sort: batch first, then the order the registry lists them in.
  const ordered = registry.zones
    .map((z, i) => ({ z, i }))
    .sort((a, b) => Number(a.z.batch.value) - Number(b.z.batch.value) || a.i - b.i)
    .map(({ z }) => z);
  const zones = ordered.map((z) => buildZone(z, industries.entries, missing, ctx.log));
  if (missing.size) throw new BuildError(`zones: no English for positioning items: ${[...missing].join('、')}`);
  check(zones, ctx.log);

  const out = join(ctx.bundledDir, 'zones.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(zones, null, 1)}\n`);
  ctx.log(`zones: wrote ${out}`);
  return [{ name: 'zones', file: 'zones.json', rows: zones.length, sources: [SOURCE_ID] }];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const ctx: BuildContext = {
    sourcesDir: join(repo, 'data', 'sources'),
    bundledDir: join(repo, 'data', 'bundled'),
    log: (m) => process.stderr.write(`${m}\n`),
  };
  build(ctx).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
