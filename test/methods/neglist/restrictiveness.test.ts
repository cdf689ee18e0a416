import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Measure, RestrictionComponent } from '../../../src/methods/neglist/components.js';
import { fdiEquityScore, striScore } from '../../../src/methods/neglist/restrictiveness.js';

const prohibition: RestrictionComponent = { kind: 'prohibition', obligation: 'market_access' };
const cap = (maxForeignShare: number, exclusive = false, form: 'cap' | 'chinese_control' | 'joint_venture' = 'cap'): RestrictionComponent =>
  ({ kind: 'equity_cap', form, maxForeignShare, exclusive, holder: 'all_foreign', obligation: 'national_treatment' });
const control = cap(50, true, 'chinese_control');
const jv = cap(100, true, 'joint_venture');
const single25: RestrictionComponent = { kind: 'equity_cap', form: 'cap', maxForeignShare: 25, exclusive: false, holder: 'single_foreign_investor', obligation: 'national_treatment' };
const legalRep: RestrictionComponent = { kind: 'management_nationality', role: 'legal_representative', requirement: 'all', obligation: 'senior_management_boards' };
const m = (id: string, sector: string, components: RestrictionComponent[]): Measure => ({ id, text: id, scope: { sector }, components, reviewed: true });

// 2019 national list: #4 fishing (A, prohibition), #6 printing (C, control), #15 public air transport (G).
const LIST = [m('4', 'A', [prohibition]), m('6', 'C', [control]), m('15', 'G', [control, single25, legalRep])];

describe('striScore, hand-computed', () => {
  it('scores sectors with default weights (0.25 × 4, transparency 0) and thresholds [50, 100]', () => {
    const r = striScore(LIST);
    // foreign entry has 5 binary measures: below 50, below 100, Chinese partner, single-investor cap, local presence.
    // C: control answers below 50, below 100, Chinese partner → 3/5; score 0.25 × 0.6 = 0.15.
    // G: 4/5 entry + 1/3 movement of people → 0.25 × (0.8 + 1/3) = 0.283333…
    // A: prohibition gate → 1. Total (1 + 0.15 + 0.283333…)/3 = 0.477777…
    expect(r.sectors.map((s) => s.sector)).toEqual(['A', 'C', 'G']);
    expect(r.sectors[0]).toMatchObject({ score: 1, gated: true });
    expect(r.sectors[1]?.score).toBeCloseTo(0.15, 12);
    expect(r.sectors[1]?.present).toEqual(['foreign_entry/chinese_partner_required', 'foreign_entry/foreign_equity_below_100', 'foreign_entry/foreign_equity_below_50']);
    expect(r.sectors[2]?.score).toBeCloseTo(0.25 * (0.8 + 1 / 3), 12);
    expect(r.sectors[2]?.categories.movement_of_people).toBeCloseTo(1 / 3, 12);
    expect(r.total).toBeCloseTo((1 + 0.15 + 0.25 * (0.8 + 1 / 3)) / 3, 12);
    expect(r.weights).toEqual({ foreign_entry: 0.25, movement_of_people: 0.25, other_discrimination: 0.25, barriers_to_competition: 0.25, transparency: 0 });
    expect(r.warnings).toEqual([]);
  });

  it('a cap exactly at a threshold counts only when the bound is exclusive', () => {
    // foreign ≤ 50 does not answer "below 50"; it answers "below 100" → entry 1/5 → 0.05
    expect(striScore([m('9', 'C', [cap(50)])]).total).toBeCloseTo(0.05, 12);
    // JV required: below 100 and Chinese partner → 2/5 → 0.1
    expect(striScore([m('17', 'L', [jv])]).total).toBeCloseTo(0.1, 12);
  });

  it('uses given weights, thresholds, sectors and sector weights, and prints them back', () => {
    const r = striScore([m('6', 'C', [control])], {
      categoryWeights: { foreign_entry: 1, movement_of_people: 0, other_discrimination: 0, barriers_to_competition: 0, transparency: 1 },
      equityThresholds: [50],
      sectors: ['B'],
      sectorWeights: { B: 1, C: 3 },
    });
    // entry measures: below 50, Chinese partner, single cap, local presence → 2/4; C = (1 × 0.5 + 1 × 0)/2 = 0.25
    expect(r.sectors.map((s) => [s.sector, s.score])).toEqual([['B', 0], ['C', 0.25]]);
    expect(r.total).toBeCloseTo((0 + 3 * 0.25) / 4, 12);
    expect(r.sectorWeights).toEqual({ B: 1, C: 3 });
    expect(r.measures.foreign_entry).toEqual(['foreign_equity_below_50', 'chinese_partner_required', 'single_investor_cap', 'local_presence_required']);
    expect(r.warnings).toEqual([expect.stringContaining('transparency')]);
  });

  it('an empty list scores 0 with a warning', () => {
    const r = striScore([]);
    expect(r.total).toBe(0);
    expect(r.warnings).toEqual(['no measures and no sectors: total is 0']);
  });

  it('rejects bad weights and thresholds with coded errors naming the option', () => {
    const code = (option: string) => expect.objectContaining({ code: 'disparity.option_invalid', params: expect.objectContaining({ option }) });
    expect(() => striScore(LIST, { categoryWeights: { foreign_entry: -1 } })).toThrow(code('categoryWeights.foreign_entry'));
    expect(() => striScore(LIST, { categoryWeights: { foreign_entry: 0, movement_of_people: 0, other_discrimination: 0, barriers_to_competition: 0 } })).toThrow(code('categoryWeights'));
    expect(() => striScore(LIST, { equityThresholds: [150] })).toThrow(code('equityThresholds'));
    expect(() => striScore(LIST, { equityThresholds: [50, 50] })).toThrow(code('equityThresholds'));
    expect(() => striScore(LIST, { sectorWeights: { A: 1 } })).toThrow(code('sectorWeights.C'));
  });
});

describe('fdiEquityScore, hand-computed', () => {
  it('scores each sector by its most restrictive equity component: 1 / 0.5 / 0.25 / 0', () => {
    const r = fdiEquityScore([
      ...LIST,
      m('1', 'A', [cap(66)]), // wheat: foreign ≤ 66 → 0.25, but A is prohibited elsewhere → 1
      m('17', 'L', [jv]), // JV required → 0.25
      m('9', 'E', [cap(50)]), // foreign ≤ 50: no foreign majority → 0.5
      m('x', 'H', [single25, legalRep]), // per-investor cap and nationality are not equity scores → 0
    ]);
    expect(r.sectors).toEqual([
      { sector: 'A', score: 1, measure: '4' },
      { sector: 'C', score: 0.5, measure: '6' },
      { sector: 'E', score: 0.5, measure: '9' },
      { sector: 'G', score: 0.5, measure: '15' },
      { sector: 'H', score: 0, measure: undefined },
      { sector: 'L', score: 0.25, measure: '17' },
    ]);
    expect(r.total).toBeCloseTo((1 + 0.5 + 0.5 + 0.5 + 0 + 0.25) / 6, 12);
    expect(r.schedule).toEqual({ prohibition: 1, majorityNotAllowed: 0.5, capAbove50: 0.25, none: 0 });
  });
});

describe('properties (fast-check, seeded)', () => {
  const component: fc.Arbitrary<RestrictionComponent> = fc.oneof(
    fc.constant(prohibition),
    fc.record({ max: fc.integer({ min: 0, max: 100 }), ex: fc.boolean(), form: fc.constantFrom('cap' as const, 'chinese_control' as const, 'joint_venture' as const) })
      .map(({ max, ex, form }) => cap(max, ex, form)),
    fc.constant(single25),
    fc.constantFrom('senior_management' as const, 'legal_representative' as const, 'board' as const).map((role): RestrictionComponent =>
      ({ kind: 'management_nationality', role, requirement: 'all', obligation: 'senior_management_boards' })),
    fc.constant<RestrictionComponent>({ kind: 'local_presence', obligation: 'local_presence' }),
    fc.constant<RestrictionComponent>({ kind: 'licence_or_quota', obligation: 'market_access' }),
    fc.constant<RestrictionComponent>({ kind: 'performance_requirement', obligation: 'performance_requirements' }),
  );
  const list = fc.array(fc.record({ sector: fc.constantFrom('A', 'B', 'C'), components: fc.array(component, { minLength: 1, maxLength: 4 }) }), { minLength: 1, maxLength: 6 })
    .map((xs) => xs.map((x, i) => m(String(i), x.sector, x.components)));

  it('removing a component never raises a sector score or the total (STRI and FDI equity)', () => {
    fc.assert(
      fc.property(list, fc.nat(), fc.nat(), (measures, pickM, pickC) => {
        const i = pickM % measures.length;
        const target = measures[i]!;
        const k = pickC % target.components.length;
        const reduced = measures.map((x, j) => (j === i ? { ...x, components: x.components.filter((_, c) => c !== k) } : x));
        const full = striScore(measures);
        const less = striScore(reduced);
        expect(less.total).toBeLessThanOrEqual(full.total + 1e-12);
        less.sectors.forEach((s, j) => expect(s.score).toBeLessThanOrEqual((full.sectors[j]?.score ?? 0) + 1e-12));
        expect(fdiEquityScore(reduced).total).toBeLessThanOrEqual(fdiEquityScore(measures).total + 1e-12);
      }),
      { seed: 20240607, numRuns: 300 },
    );
  });
});
