import { FtzError } from '../../core/errors.js';
import type { ManagementRole, Measure, MeasureScope, RestrictionComponent } from './components.js';

/** Where in the measure text a proposal came from, so a reviewer can see what the pattern read. */
export interface TextSpan {
  /** Index of the first UTF-16 code unit (all list text is in the BMP, so this is also the character index). */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface ComponentProposal {
  readonly component: RestrictionComponent;
  readonly span: TextSpan;
  /** Name of the pattern that matched (see {@link COMPONENT_PATTERNS}). */
  readonly pattern: string;
}

export interface ParseResult {
  readonly proposals: readonly ComponentProposal[];
  /** True when no pattern matched: the measure needs a person to read it. */
  readonly unparsed: boolean;
}

interface Pattern {
  readonly name: string;
  readonly re: RegExp;
  readonly build: (m: RegExpExecArray) => RestrictionComponent | undefined;
}

const CLAUSE = '[^，。；,;]';

function percent(s: string | undefined): number {
  return Number(s);
}

function role(word: string): ManagementRole {
  if (word.startsWith('法定代表人')) return 'legal_representative';
  if (word.startsWith('董事')) return 'board';
  return 'senior_management';
}

/**
 * The patterns, most specific first: where two overlap, the earlier one wins, so "一家外商…投资比例不得超过25%"
 * is read as a per-investor cap and not as a generic prohibition on the word 不得.
 */
export const COMPONENT_PATTERNS: readonly Pattern[] = [
  {
    name: 'single_investor_cap',
    re: /一家外商(?:及其关联企业)?(?:的)?(?:投资|持股)比例不(?:得)?超过(\d+(?:\.\d+)?)%/g,
    build: (m) => ({ kind: 'equity_cap', form: 'cap', maxForeignShare: percent(m[1]), exclusive: false, holder: 'single_foreign_investor', obligation: 'national_treatment' }),
  },
  {
    name: 'chinese_min_share',
    // 中方股比不低于34% → foreign ≤ 66
    re: /中方(?:股比|持股比例|投资比例)不(?:得)?低于(\d+(?:\.\d+)?)%/g,
    build: (m) => ({ kind: 'equity_cap', form: 'cap', maxForeignShare: 100 - percent(m[1]), exclusive: false, holder: 'all_foreign', obligation: 'national_treatment' }),
  },
  {
    name: 'foreign_max_share',
    re: /外(?:资|方)(?:股比|持股比例|投资比例|比例)不(?:得)?超过(\d+(?:\.\d+)?)%/g,
    build: (m) => ({ kind: 'equity_cap', form: 'cap', maxForeignShare: percent(m[1]), exclusive: false, holder: 'all_foreign', obligation: 'national_treatment' }),
  },
  {
    name: 'chinese_control',
    // 中方控股 read as foreign < 50 (Chinese majority); 相对控股 is not distinguished here and is left to review.
    re: /(?:须由|由)?中方(?:相对)?控股/g,
    build: () => ({ kind: 'equity_cap', form: 'chinese_control', maxForeignShare: 50, exclusive: true, holder: 'all_foreign', obligation: 'national_treatment' }),
  },
  {
    name: 'joint_venture',
    re: /(?:限于|须)合资(?:、合作)?|限于合作/g,
    build: () => ({ kind: 'equity_cap', form: 'joint_venture', maxForeignShare: 100, exclusive: true, holder: 'all_foreign', obligation: 'national_treatment' }),
  },
  {
    name: 'management_nationality',
    re: new RegExp(`(法定代表人|高级管理人员|高管|董事长|董事会成员|董事)(${CLAUSE}{0,16}?)中国(?:国)?籍`, 'g'),
    build: (m) => ({
      kind: 'management_nationality',
      role: role(m[1] ?? ''),
      requirement: /过半数|半数以上|多数/.test(m[2] ?? '') ? 'majority' : 'all',
      obligation: 'senior_management_boards',
    }),
  },
  {
    name: 'local_presence',
    re: new RegExp(`未在中国(?:境内)?设立${CLAUSE}{0,16}|须在中国境内设立${CLAUSE}{0,16}`, 'g'),
    build: () => ({ kind: 'local_presence', obligation: 'local_presence' }),
  },
  {
    name: 'prohibition',
    re: /禁止(?:投资|从事)|不得(?:投资|从事|提供|申请|成为)/g,
    build: () => ({ kind: 'prohibition', obligation: 'market_access' }),
  },
  {
    name: 'licence',
    re: new RegExp(`未经${CLAUSE}{0,16}?(?:批准|许可|审批)|须${CLAUSE}{0,16}?(?:许可|审批|批准)`, 'g'),
    build: () => ({ kind: 'licence_or_quota', obligation: 'market_access' }),
  },
  {
    name: 'performance_requirement',
    re: /技术转让|出口比例|国产化(?:率|比例)?|本地(?:化)?采购/g,
    build: () => ({ kind: 'performance_requirement', obligation: 'performance_requirements' }),
  },
];

/** Leading punctuation and the particle 的 are not part of a sub-sector name. */
function subSectorBefore(text: string, from: number, to: number): string | undefined {
  const raw = text.slice(from, to).replace(/^[、，。；,;\s且其中]+/u, '').replace(/[的\s]+$/u, '');
  return raw.length >= 2 ? raw : undefined;
}

/**
 * Proposes restriction components for one measure text by pattern. Nothing here is final: each proposal carries
 * the span it was read from, the measure built from them is `reviewed: false`, and a text no pattern reads is
 * flagged `unparsed` instead of guessed at (for instance the 2019 item "卫星电视广播地面接收设施及关键件生产。",
 * whose condition the list does not state).
 *
 * The sub-sector of an equity component is the text between the previous match and this one, which is how the
 * lists attach different limits to parts of one item ("小麦…的中方股比不低于34%、玉米…须由中方控股").
 *
 * @example
 * parseComponents('出版物印刷须由中方控股。').proposals[0]?.component
 * // { kind: 'equity_cap', form: 'chinese_control', maxForeignShare: 50, exclusive: true, holder: 'all_foreign', … }
 */
export function parseComponents(text: string): ParseResult {
  if (typeof text !== 'string') {
    throw new FtzError('disparity.option_invalid', { option: 'text', value: String(text), reason: 'measure text must be a string' });
  }
  const hits: { start: number; end: number; order: number; m: RegExpExecArray; p: Pattern }[] = [];
  COMPONENT_PATTERNS.forEach((p, order) => {
    const re = new RegExp(p.re.source, p.re.flags);
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      hits.push({ start: m.index, end: m.index + m[0].length, order, m, p });
    }
  });
  // Earlier pattern wins an overlap; among survivors, text order.
  hits.sort((a, b) => a.order - b.order || a.start - b.start);
  const kept: typeof hits = [];
  for (const h of hits) {
    if (!kept.some((k) => h.start < k.end && k.start < h.end)) kept.push(h);
  }
  kept.sort((a, b) => a.start - b.start);

  const proposals: ComponentProposal[] = [];
  let previousEnd = 0;
  for (const h of kept) {
    const built = h.p.build(h.m);
    if (built !== undefined) {
      const sub = built.kind === 'equity_cap' ? subSectorBefore(text, previousEnd, h.start) : undefined;
      const component: RestrictionComponent = sub === undefined ? built : { ...built, subSector: sub };
      proposals.push({ component, span: { start: h.start, end: h.end, text: text.slice(h.start, h.end) }, pattern: h.p.name });
    }
    previousEnd = h.end;
  }
  return { proposals, unparsed: proposals.length === 0 };
}

/**
 * Builds an unreviewed {@link Measure} from a text: the components are the parser's proposals.
 *
 * @example
 * proposeMeasure('cn-2021-4', '禁止投资中国管辖海域及内陆水域水产品捕捞。', { sector: 'A' }).components
 * // [{ kind: 'prohibition', obligation: 'market_access' }]
 */
export function proposeMeasure(id: string, text: string, scope: MeasureScope): Measure & { readonly unparsed: boolean } {
  const r = parseComponents(text);
  return { id, text, scope, components: r.proposals.map((p) => p.component), reviewed: false, unparsed: r.unparsed };
}
