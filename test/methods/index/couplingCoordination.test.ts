import { describe, expect, it } from 'vitest';
import { coordinationClass, couplingCoordination, dataMatrix } from '../../../src/methods/index/index.js';
import { thrown } from './referenceFixtures.js';

describe('couplingCoordination', () => {
  it('for k = 2 equals the classic C = 2√(U1U2)/(U1 + U2), T = (U1 + U2)/2, D = √(CT) (tolerance 1e-15)', () => {
    const r = couplingCoordination(dataMatrix([[0.3, 0.6]]));
    const c = (2 * Math.sqrt(0.18)) / 0.9;
    expect(r.coupling[0]).toBeCloseTo(c, 15);
    expect(r.development[0]).toBeCloseTo(0.45, 15);
    expect(r.coordination[0]).toBeCloseTo(Math.sqrt(c * 0.45), 15);
  });

  it('for k = 3 is the geometric/arithmetic mean ratio [ΠU/(ΣU/3)³]^(1/3) with user β', () => {
    const u = [0.2, 0.4, 0.8];
    const r = couplingCoordination(dataMatrix([u]), { beta: [0.5, 0.25, 0.25] });
    const c = Math.cbrt((0.2 * 0.4 * 0.8) / (1.4 / 3) ** 3);
    expect(r.coupling[0]).toBeCloseTo(c, 14);
    expect(r.development[0]).toBeCloseTo(0.4, 15);
    expect(r.classes[0]?.level).toBe(Math.floor(Math.sqrt(c * 0.4) * 10) + 1);
  });

  it('gives C = 1 for equal subsystems and C = 0 when one subsystem is 0', () => {
    const r = couplingCoordination(dataMatrix([[0.5, 0.5, 0.5, 0.5], [0, 0.9, 0.9, 0.9], [0, 0, 0, 0]]));
    expect(r.coupling[0]).toBeCloseTo(1, 15);
    expect(r.coupling[1]).toBe(0);
    expect(r.coordination[2]).toBe(0);
    expect(r.classes[2]?.zh).toBe('极度失调');
  });

  it('throws index.out_of_range for U outside [0, 1], index.missing_values on NaN, dimension_mismatch for one subsystem', () => {
    expect(thrown(() => couplingCoordination(dataMatrix([[0.5, 1.2]], { units: ['SH'] })))).toEqual({
      code: 'index.out_of_range', params: { what: 'subsystem score U', unit: 'SH', value: 1.2, min: 0, max: 1 },
    });
    expect(thrown(() => couplingCoordination(dataMatrix([[0.5, null], [0.5, 0.5]]))).code).toBe('index.missing_values');
    expect(thrown(() => couplingCoordination(dataMatrix([[0.5]]))).code).toBe('index.dimension_mismatch');
  });
});

describe('coordinationClass', () => {
  it('maps D to the 10-level scheme with zh and en names, boundaries going to the upper class', () => {
    expect(coordinationClass(0).en).toBe('extreme imbalance');
    expect(coordinationClass(0.5).zh).toBe('勉强协调');
    expect(coordinationClass(0.1 + 0.2).level).toBe(4);
    expect(coordinationClass(0.65)).toMatchObject({ level: 7, zh: '初级协调', en: 'primary coordination' });
    expect(coordinationClass(1)).toMatchObject({ level: 10, zh: '优质协调', en: 'quality coordination' });
    expect(thrown(() => coordinationClass(1.5)).code).toBe('index.out_of_range');
    expect(thrown(() => coordinationClass(Number.NaN)).code).toBe('index.out_of_range');
  });
});
