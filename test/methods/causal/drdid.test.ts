import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FtzError } from '../../../src/core/errors.js';
import { drdidImpPanel } from '../../../src/methods/causal/csd/drdidImpPanel.js';
import { drdidPanel } from '../../../src/methods/causal/csd/drdidPanel.js';
import { ipwdidPanel } from '../../../src/methods/causal/csd/ipwdidPanel.js';
import { regdidPanel } from '../../../src/methods/causal/csd/regdidPanel.js';
import type { PanelTwoByTwoInput, TwoByTwoResult } from '../../../src/methods/causal/csd/twoByTwo.js';
import { createRng } from '../../../src/numeric/rng.js';

// LaLonde NSW experimental controls (experimental = 1) vs CPS comparison units (experimental = 0), 1975 → 1978
// earnings: DRDID 1.2's README example (`eval_lalonde_cps`). Reference: R DRDID, copied from
// ../shared/reference/econ (see test/fixtures/reference/econ/README.md).
const root = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/reference/econ');

function readCsv(file: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(join(root, file), 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
  const split = (l: string): string[] => l.split(',').map((c) => c.replace(/^"|"$/g, ''));
  const [head, ...rest] = lines.map(split);
  return { header: head ?? [], rows: rest };
}

function lalonde(): PanelTwoByTwoInput & { covariates: Float64Array[] } {
  const { header, rows } = readCsv('nsw_long_cps.csv');
  const col = (name: string): number => header.indexOf(name);
  const units = new Map<string, { pre?: string[]; post?: string[] }>();
  for (const r of rows) {
    const id = r[col('id')] as string;
    const u = units.get(id) ?? {};
    if (r[col('year')] === '1975') u.pre = r;
    else u.post = r;
    units.set(id, u);
  }
  const list = [...units.values()];
  const num = (r: string[] | undefined, c: string): number => Number((r as string[])[col(c)]);
  return {
    y0: Float64Array.from(list, (u) => num(u.pre, 're')),
    y1: Float64Array.from(list, (u) => num(u.post, 're')),
    d: Float64Array.from(list, (u) => num(u.pre, 'experimental')),
    covariates: ['age', 'educ', 'black', 'married', 'nodegree', 'hisp', 're74'].map((c) => Float64Array.from(list, (u) => num(u.pre, c))),
  };
}

const data = lalonde();
const reference = new Map(readCsv('drdid_lalonde_cps.csv').rows.map((r) => [r[0] as string, { att: Number(r[1]), se: Number(r[2]) }]));

describe('DRDID 2×2 panel estimators on LaLonde NSW–CPS (DRDID 1.2 reference)', () => {
  it('uses 16,417 units, 425 of them experimental', () => {
    expect(data.d.length).toBe(16417);
    expect(Array.from(data.d).filter((v) => v === 1)).toHaveLength(425);
  });

  const cases: [string, (i: PanelTwoByTwoInput) => TwoByTwoResult, number][] = [
    // The improved DR's propensity score solves a calibration problem; R stops its trust-region search at
    // √eps on the loss, we iterate to a 1e-11 gradient. The ATT is flat in that direction (the DR property),
    // the SE is not: measured |ΔSE| = 1.4e-5 on 393.6, relative 3.5e-8.
    ['drdid_imp', drdidImpPanel, 1e-7],
    ['drdid_trad', drdidPanel, 1e-9],
    ['ipwdid_std', ipwdidPanel, 1e-9],
    ['ordid', regdidPanel, 1e-9],
  ];
  for (const [name, estimator, seTol] of cases) {
    it(`${name} reproduces R's ATT to 1e-6 (absolute) and its SE to ${seTol} (relative)`, () => {
      const ref = reference.get(name);
      expect(ref).toBeDefined();
      const r = estimator(data);
      expect(Math.abs(r.att - (ref?.att as number))).toBeLessThan(1e-6);
      expect(Math.abs(r.se / (ref?.se as number) - 1)).toBeLessThan(seTol);
    });
  }

  it('drdid_imp uses the calibrated propensity score, not the logit fallback (ps.flag 0)', () => {
    expect(drdidImpPanel(data).psFlag).toBe(0);
  });

  it('every influence function averages to zero and gives the reported SE', () => {
    for (const f of [drdidImpPanel, drdidPanel, ipwdidPanel, regdidPanel]) {
      const r = f(data);
      const mean = r.influence.reduce((s, v) => s + v, 0) / r.influence.length;
      expect(Math.abs(mean)).toBeLessThan(1e-6 * r.se * Math.sqrt(r.influence.length));
      const ss = r.influence.reduce((s, v) => s + (v - mean) ** 2, 0);
      expect(Math.sqrt(ss) / r.influence.length).toBeCloseTo(r.se, 9);
    }
  });
});

describe('DRDID 2×2 estimators on small designs', () => {
  const rng = createRng(7);
  const n = 400;
  const x = Float64Array.from({ length: n }, () => rng.normal());
  const d = Float64Array.from(x, (v) => (rng.uniform() < 1 / (1 + Math.exp(-0.5 * v)) ? 1 : 0));
  const y0 = Float64Array.from(x, (v) => 1 + v + rng.normal());
  const y1 = Float64Array.from(y0, (v, i) => v + 0.5 + 0.8 * (x[i] as number) + 2 * (d[i] as number) + rng.normal());

  it('without covariates all four estimators equal the difference in mean changes', () => {
    const dy = y1.map((v, i) => v - (y0[i] as number));
    const mean = (f: (i: number) => boolean): number => {
      const idx = Array.from({ length: n }, (_, i) => i).filter(f);
      return idx.reduce((s, i) => s + (dy[i] as number), 0) / idx.length;
    };
    const did = mean((i) => d[i] === 1) - mean((i) => d[i] === 0);
    for (const f of [drdidImpPanel, drdidPanel, ipwdidPanel, regdidPanel]) expect(f({ y1, y0, d }).att).toBeCloseTo(did, 10);
  });

  it('with a covariate driving both selection and trends, the estimators recover the effect of 2 within 3 SE', () => {
    for (const f of [drdidImpPanel, drdidPanel, ipwdidPanel, regdidPanel]) {
      const r = f({ y1, y0, d, covariates: [x] });
      expect(Math.abs(r.att - 2)).toBeLessThan(3 * r.se);
    }
  });

  it('scaling all sampling weights by a constant changes nothing', () => {
    const w = new Float64Array(n).fill(3);
    for (const f of [drdidImpPanel, drdidPanel, ipwdidPanel, regdidPanel]) {
      const a = f({ y1, y0, d, covariates: [x] });
      const b = f({ y1, y0, d, covariates: [x], weights: w });
      expect(b.att).toBeCloseTo(a.att, 10);
      expect(b.se).toBeCloseTo(a.se, 10);
    }
  });

  it('integer weights equal duplicating units', () => {
    const w = Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 2 : 1));
    const rep = (v: Float64Array): Float64Array => Float64Array.from(Array.from(v).flatMap((a, i) => (i % 3 === 0 ? [a, a] : [a])));
    for (const f of [drdidPanel, ipwdidPanel, regdidPanel, drdidImpPanel]) {
      const a = f({ y1, y0, d, covariates: [x], weights: w });
      const b = f({ y1: rep(y1), y0: rep(y0), d: rep(d), covariates: [rep(x)] });
      expect(a.att).toBeCloseTo(b.att, 8);
    }
  });

  it('collinear covariates throw causal.singular_design', () => {
    const x2 = x.map((v) => 2 * v - 1);
    for (const f of [drdidPanel, regdidPanel, ipwdidPanel]) {
      expect(() => f({ y1, y0, d, covariates: [x, x2] })).toThrowError(expect.objectContaining({ code: 'causal.singular_design' }) as unknown as Error);
    }
  });

  it('a covariate that separates treated from comparison units throws causal.perfect_prediction', () => {
    const sep = Float64Array.from(d, (v, i) => v + 0.01 * (x[i] as number));
    for (const f of [drdidPanel, ipwdidPanel]) {
      let err: unknown;
      try {
        f({ y1, y0, d, covariates: [sep] });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(FtzError);
      expect((err as FtzError).code).toBe('causal.perfect_prediction');
    }
  });

  it('a treatment indicator other than 0/1 throws causal.bad_panel, and no comparison units causal.no_control_units', () => {
    expect(() => regdidPanel({ y1, y0, d: d.map((v) => v * 2) })).toThrowError(expect.objectContaining({ code: 'causal.bad_panel' }) as unknown as Error);
    expect(() => regdidPanel({ y1, y0, d: new Float64Array(n).fill(1) })).toThrowError(expect.objectContaining({ code: 'causal.no_control_units' }) as unknown as Error);
  });
});
