import { describe, expect, it } from 'vitest';
import type { ListVersion, Measure, RestrictionComponent } from '../../../src/methods/neglist/components.js';
import { bigramJaccard, compareComponents, diffVersions, proposeLinks, type MeasureLink } from '../../../src/methods/neglist/compare.js';
import { checkRatchet } from '../../../src/methods/neglist/ratchet.js';

const prohibition: RestrictionComponent = { kind: 'prohibition', obligation: 'market_access' };
const cap = (maxForeignShare: number, exclusive = false): RestrictionComponent =>
  ({ kind: 'equity_cap', form: 'cap', maxForeignShare, exclusive, holder: 'all_foreign', obligation: 'national_treatment' });
const control: RestrictionComponent = { kind: 'equity_cap', form: 'chinese_control', maxForeignShare: 50, exclusive: true, holder: 'all_foreign', obligation: 'national_treatment' };
const jv: RestrictionComponent = { kind: 'equity_cap', form: 'joint_venture', maxForeignShare: 100, exclusive: true, holder: 'all_foreign', obligation: 'national_treatment' };
const legalRep: RestrictionComponent = { kind: 'management_nationality', role: 'legal_representative', requirement: 'all', obligation: 'senior_management_boards' };
const m = (id: string, text: string, components: RestrictionComponent[], sector = 'A', extra: Partial<Measure> = {}): Measure =>
  ({ id, text, scope: { sector }, components, reviewed: true, ...extra });
const v = (id: string, ...measures: Measure[]): ListVersion => ({ id, measures });
const link = (kind: MeasureLink['kind'], from: string[], to: string[]): MeasureLink => ({ kind, from, to });

describe('compareComponents: the no-less-conforming order', () => {
  it('orders the entry dimension prohibition > Chinese control > numeric cap > JV required > none', () => {
    expect(compareComponents([prohibition], [control]).verdict).toBe('relaxed');
    expect(compareComponents([control], [cap(66)]).verdict).toBe('relaxed');
    expect(compareComponents([cap(66)], [jv]).verdict).toBe('relaxed');
    expect(compareComponents([jv], []).verdict).toBe('relaxed');
    expect(compareComponents([cap(50)], [control]).verdict).toBe('tightened'); // ≤ 50 → < 50
    expect(compareComponents([cap(25)], [control]).verdict).toBe('relaxed'); // a 25 % cap permits less than control
  });

  it('a cap of 100 % is no cap', () => {
    expect(compareComponents([cap(100)], []).verdict).toBe('equal');
  });

  it('a prohibition makes the other conditions moot', () => {
    const r = compareComponents([prohibition], [prohibition, legalRep]);
    expect(r.verdict).toBe('equal');
    expect(r.reason).toContain('moot');
    expect(compareComponents([control, legalRep], [prohibition]).verdict).toBe('tightened');
  });

  it('several caps in one dimension bind at the tightest', () => {
    expect(compareComponents([cap(66), control], [control]).verdict).toBe('equal');
  });

  it('rejects a cap outside 0–100 with a coded error naming the value', () => {
    expect(() => compareComponents([cap(120)], [])).toThrow(expect.objectContaining({ code: 'disparity.option_invalid', params: expect.objectContaining({ value: '120' }) }));
  });
});

describe('hard cases: lineage and ratchet', () => {
  it('a measure split into two with unchanged conditions is equal and compliant (proposed by text)', () => {
    const before = v('2019', m('5', '禁止投资稀土、放射性矿产、钨勘查、开采及选矿。', [prohibition], 'B'));
    const after = v('x', m('5a', '禁止投资稀土勘查、开采及选矿。', [prohibition], 'B'), m('5b', '禁止投资放射性矿产、钨勘查、开采及选矿。', [prohibition], 'B'));
    const links = proposeLinks(before, after);
    expect(links).toEqual([link('split', ['5'], ['5a', '5b'])]);
    const d = diffVersions(before, after, links);
    expect(d.changes.map((c) => c.verdict)).toEqual(['equal']);
    expect(checkRatchet([before, after]).compliant).toBe(true);
  });

  it('two measures merged into one with unchanged conditions is equal (proposed by text)', () => {
    const before = v('2018', m('7', '禁止投资稀土勘查、开采及选矿。', [prohibition], 'B'), m('8', '禁止投资放射性矿产、钨勘查、开采及选矿。', [prohibition], 'B'));
    const after = v('2019', m('5', '禁止投资稀土、放射性矿产、钨勘查、开采及选矿。', [prohibition], 'B'));
    const links = proposeLinks(before, after);
    expect(links).toEqual([link('merged', ['7', '8'], ['5'])]);
    expect(diffVersions(before, after).changes.map((c) => [c.link.kind, c.verdict])).toEqual([['merged', 'equal']]);
  });

  it('a reworded measure with the same conditions is linked as reworded and is equal', () => {
    const before = v('a', m('4', '禁止投资中国管辖海域及内陆水域水产品捕捞。', [prohibition]));
    const after = v('b', m('4', '禁止投资中国管辖海域及内陆水域的水产品捕捞。', [prohibition]));
    const [l] = proposeLinks(before, after);
    expect(l?.kind).toBe('reworded');
    expect(l?.similarity).toBeGreaterThan(0.8);
    expect(diffVersions(before, after).changes[0]?.verdict).toBe('equal');
  });

  it('an identical text in another GB/T section is moved; identical in the same section is same', () => {
    const before = v('a', m('1', '出版物印刷须由中方控股。', [control], 'C'), m('2', '国内水上运输公司须由中方控股。', [control], 'G'));
    const after = v('b', m('1', '出版物印刷须由中方控股。', [control], 'R'), m('2', '国内水上运输公司须由中方控股。', [control], 'G'));
    expect(proposeLinks(before, after).map((l) => l.kind)).toEqual(['moved', 'same']);
  });

  it('a cap raised from 50 % to 100 % is relaxed and compliant (cars, 2019 → 2022)', () => {
    const before = v('2019', m('9', '汽车整车制造的中方股比不低于50%', [cap(50)], 'C'));
    const after = v('2022', m('9', '汽车整车制造外资股比不超过100%', [cap(100)], 'C'));
    const r = checkRatchet([before, after], { links: [[link('reworded', ['9'], ['9'])]] });
    expect(r.steps[0]?.findings.map((f) => [f.verdict, f.status])).toEqual([['relaxed', 'compliant']]);
    expect(r.compliant).toBe(true);
  });

  it('a prohibition turned into a JV requirement is relaxed', () => {
    const before = v('a', m('17', '禁止投资市场调查。', [prohibition], 'L'));
    const after = v('b', m('17', '市场调查限于合资。', [jv], 'L'));
    const d = diffVersions(before, after, [link('reworded', ['17'], ['17'])]);
    expect(d.changes[0]?.verdict).toBe('relaxed');
    expect(d.changes[0]?.reason).toContain('entry: prohibition → joint_venture (foreign < 100%) (relaxed)');
  });

  it('a cap lowered is backsliding, naming the measures; under an Annex II reservation it is allowed', () => {
    const before = v('a', m('1', '小麦新品种选育和种子生产的中方股比不低于34%', [cap(66)]));
    const after = v('b', m('1', '小麦新品种选育和种子生产须由中方控股', [control]));
    const r = checkRatchet([before, after], { links: [[link('reworded', ['1'], ['1'])]] });
    expect(r.compliant).toBe(false);
    expect(r.violations).toEqual([expect.objectContaining({ status: 'backsliding', verdict: 'tightened', from: 'a', to: 'b', link: link('reworded', ['1'], ['1']) })]);
    const reserved = v('b', m('1', after.measures[0]!.text, [control], 'A', { reservation: 'annex_ii' }));
    expect(checkRatchet([before, reserved], { links: [[link('reworded', ['1'], ['1'])]] }).compliant).toBe(true);
    expect(checkRatchet([before, reserved], { links: [[link('reworded', ['1'], ['1'])]], allowTighteningUnder: [] }).compliant).toBe(false);
  });

  it('one component relaxed and another tightened in the same entry is incomparable', () => {
    const before = v('a', m('15', '公共航空运输公司须由中方控股', [control], 'G'));
    const after = v('b', m('15', '公共航空运输公司的中方股比不低于34%，法定代表人须由中国籍公民担任', [cap(66), legalRep], 'G'));
    const r = checkRatchet([before, after], { links: [[link('reworded', ['15'], ['15'])]] });
    const f = r.steps[0]?.findings[0];
    expect(f?.status).toBe('incomparable');
    expect(f?.reason).toContain('entry: chinese_control (foreign < 50%) → cap (foreign ≤ 66%) (relaxed)');
    expect(f?.reason).toContain('nationality_legal_representative: none → legal_representative must be Chinese nationals (tightened)');
  });

  it('a new restrictive measure is backsliding unless reserved; a removed one is compliant', () => {
    const before = v('a', m('1', '出版物印刷须由中方控股。', [control], 'C'));
    const after = v('b', m('9', '禁止投资社会调查。', [prohibition], 'L'));
    const r = checkRatchet([before, after]);
    expect(r.steps[0]?.findings.map((f) => [f.link.kind, f.status])).toEqual([['removed', 'compliant'], ['added', 'backsliding']]);
    const reserved = v('b', m('9', '禁止投资社会调查。', [prohibition], 'L', { reservation: 'annex_ii' }));
    expect(checkRatchet([before, reserved]).compliant).toBe(true);
  });

  it('checks each consecutive pair of a sequence and reports where the violation is', () => {
    const a = v('2019', m('1', '出版物印刷须由中方控股。', [control], 'C'));
    const b = v('2021', m('1', '出版物印刷须由中方控股。', [control], 'C'));
    const c = v('2024', m('1', '禁止投资出版物印刷。', [prohibition], 'C'));
    const r = checkRatchet([a, b, c], { links: [undefined, [link('reworded', ['1'], ['1'])]] });
    expect(r.steps.map((s) => s.findings.map((f) => f.status))).toEqual([['compliant'], ['backsliding']]);
    expect(r.violations.map((x) => `${x.from}→${x.to}`)).toEqual(['2021→2024']);
  });
});

describe('links and similarity: edges and errors', () => {
  it('bigram Jaccard ignores punctuation and is 1 for equal texts, 0 for disjoint ones', () => {
    expect(bigramJaccard('出版物印刷须由中方控股。', '出版物印刷须由中方控股')).toBe(1);
    expect(bigramJaccard('禁止投资', '须由控股')).toBe(0);
    // 禁止投资 / 禁止从事: bigrams {禁止, 止投, 投资} and {禁止, 止从, 从事} share one of five
    expect(bigramJaccard('禁止投资', '禁止从事')).toBeCloseTo(1 / 5, 12);
    expect(bigramJaccard('', '')).toBe(1);
  });

  it('is deterministic: ties are broken by position', () => {
    const before = v('a', m('1', '禁止投资社会调查。', [prohibition]), m('2', '禁止投资社会调查。', [prohibition]));
    const after = v('b', m('x', '禁止投资社会调查。', [prohibition]));
    expect(proposeLinks(before, after)).toEqual([{ kind: 'same', from: ['1'], to: ['x'], similarity: 1 }]);
    expect(diffVersions(before, after).changes.map((c) => c.link.kind)).toEqual(['same', 'removed']);
  });

  it('measures the explicit links leave out are completed as removed and added', () => {
    const before = v('a', m('1', 'x', [control]));
    const after = v('b', m('2', 'y', []));
    expect(diffVersions(before, after, []).changes.map((c) => [c.link.kind, c.verdict])).toEqual([['removed', 'relaxed'], ['added', 'equal']]);
  });

  it('rejects malformed links, duplicate ids, bad thresholds and short sequences with coded errors', () => {
    const before = v('a', m('1', 'x', [control]), m('2', 'y', []));
    const after = v('b', m('1', 'x', [control]));
    const code = (params: Record<string, unknown>) => expect.objectContaining({ code: 'disparity.option_invalid', params: expect.objectContaining(params) });
    expect(() => diffVersions(before, after, [link('split', ['1'], ['1'])])).toThrow(code({ option: 'links' }));
    expect(() => diffVersions(before, after, [link('same', ['9'], ['1'])])).toThrow(code({ value: '9' }));
    expect(() => diffVersions(before, after, [link('same', ['1'], ['1']), link('same', ['2'], ['1'])])).toThrow(code({ value: '1' }));
    expect(() => diffVersions(v('d', m('1', 'x', []), m('1', 'y', [])), after, [])).toThrow(code({ value: '1' }));
    expect(() => proposeLinks(before, after, { threshold: 0 })).toThrow(code({ option: 'threshold' }));
    expect(() => checkRatchet([before])).toThrow(code({ option: 'versions' }));
    expect(() => checkRatchet([before, after], { links: [[], []] })).toThrow(code({ option: 'links' }));
  });
});
