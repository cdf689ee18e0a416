import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FtzError } from '../../../src/core/errors.js';
import { renderMessage } from '../../../src/core/errors.js';
import { callawaySantAnna, type CallawaySantAnnaOptions, type CallawaySantAnnaResult, type LongPanel } from '../../../src/methods/causal/callawaySantAnna.js';
import { createRng } from '../../../src/numeric/rng.js';

// mpdta (R did): 500 US counties × 2003–2007, log teen employment; cohorts 2004 (20), 2006 (40), 2007 (131),
// never treated (309). References: R did 2.5.1 att_gt + aggte, copied from ../shared/reference/econ.
const root = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/reference/econ');

function readCsv(file: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(join(root, file), 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
  const split = (l: string): string[] => l.split(',').map((c) => c.replace(/^"|"$/g, ''));
  const [head, ...rest] = lines.map(split);
  return { header: head ?? [], rows: rest };
}
const num = (s: string | undefined): number => (s === undefined || s === 'NA' ? Number.NaN : Number(s));

const mpdtaRows = readCsv('mpdta.csv').rows;
const mpdta: LongPanel & { id: Int32Array; covariates: Float64Array[] } = {
  time: Int32Array.from(mpdtaRows, (r) => num(r[0])),
  id: Int32Array.from(mpdtaRows, (r) => num(r[1])),
  covariates: [Float64Array.from(mpdtaRows, (r) => num(r[2]))],
  y: Float64Array.from(mpdtaRows, (r) => num(r[3])),
  group: Int32Array.from(mpdtaRows, (r) => num(r[4])),
};
const noCovariates: LongPanel = { time: mpdta.time, id: mpdta.id, y: mpdta.y, group: mpdta.group };

/** `reg_lpop_never_analytic` → options and data. */
function specOf(spec: string): { panel: LongPanel; options: CallawaySantAnnaOptions; boot: boolean } {
  const parts = spec.split('_');
  const boot = parts.includes('boot');
  return {
    panel: parts.includes('lpop') ? mpdta : noCovariates,
    options: {
      estMethod: parts[0] as 'reg' | 'ipw' | 'dr',
      controlGroup: parts.includes('notyet') ? 'notyettreated' : 'nevertreated',
      basePeriod: parts.includes('universal') ? 'universal' : 'varying',
      ...(boot ? { bootstrap: { seed: 20240101, draws: 1000 } } : {}),
    },
    boot,
  };
}

const attgtRef = readCsv('mpdta_attgt.csv').rows;
const aggteRef = readCsv('mpdta_aggte.csv').rows;
const specs = [...new Set(attgtRef.map((r) => r[0] as string))];
const results = new Map<string, CallawaySantAnnaResult>();
const resultOf = (spec: string): CallawaySantAnnaResult => {
  let r = results.get(spec);
  if (r === undefined) {
    const s = specOf(spec);
    r = callawaySantAnna(s.panel, s.options);
    results.set(spec, r);
  }
  return r;
};

/** NaN-aware absolute comparison. */
function close(actual: number, expected: number, tol: number): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  return Math.abs(actual - expected) <= tol;
}

describe('callawaySantAnna on mpdta matches R did 2.5.1 att_gt', () => {
  for (const spec of specs) {
    const rows = attgtRef.filter((r) => r[0] === spec);
    const { boot } = specOf(spec);
    it(`${spec}: ${rows.length} ATT(g,t) point estimates to 1e-6${boot ? '' : ' and analytic SEs to 1e-6'}`, () => {
      const r = resultOf(spec);
      expect(r.attGt.att).toHaveLength(rows.length);
      rows.forEach((row, j) => {
        expect(r.attGt.group[j]).toBe(num(row[1]));
        expect(r.attGt.time[j]).toBe(num(row[2]));
        expect(close(r.attGt.att[j] as number, num(row[3]), 1e-6)).toBe(true);
        if (!boot) expect(close(r.attGt.se[j] as number, num(row[4]), 1e-6)).toBe(true);
      });
      expect(r.n).toBe(500);
    });

    it(`${spec}: Wald pre-test p-value equals R's (rounded to 5 digits)`, () => {
      const w = resultOf(spec).waldPretest;
      expect(w.statistic).not.toBeNull();
      if (w.statistic === null) return;
      expect(Math.abs(w.p - num(rows[0]?.[7]))).toBeLessThanOrEqual(5e-6);
    });
  }

  it('the reg/never/varying Wald pre-test is χ²(5) with p = 0.16812', () => {
    const w = resultOf('reg_never_analytic').waldPretest;
    expect(w.statistic === null ? null : [w.df, Number(w.p.toFixed(5))]).toEqual([5, 0.16812]);
  });

  it('with a universal base period the reference cell (g, g−1) is 0 with no SE', () => {
    const r = resultOf('reg_never_universal_analytic');
    const j = Array.from(r.attGt.group).findIndex((g, k) => g === 2006 && r.attGt.time[k] === 2005);
    expect(r.attGt.att[j]).toBe(0);
    expect(r.attGt.se[j]).toBeNaN();
    expect(r.attGt.basePeriod[j]).toBe(2005);
  });
});

describe('callawaySantAnna aggregations match R did 2.5.1 aggte', () => {
  for (const spec of specs.filter((s) => !s.endsWith('boot'))) {
    it(`${spec}: simple, dynamic, group and calendar overall and by-level ATT and SE to 1e-6`, () => {
      const r = resultOf(spec);
      const rows = aggteRef.filter((row) => row[0] === spec);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        const type = row[1] as 'simple' | 'dynamic' | 'group' | 'calendar';
        const a = r.aggregations[type];
        if (row[2] === 'overall') {
          expect(close(a.overall.att, num(row[4]), 1e-6)).toBe(true);
          expect(close(a.overall.se, num(row[5]), 1e-6)).toBe(true);
        } else {
          const q = Array.from(a.levels).indexOf(num(row[3]));
          expect(q, `${type} level ${row[3]}`).toBeGreaterThanOrEqual(0);
          expect(close(a.att[q] as number, num(row[4]), 1e-6), `${type} ${row[3]} att`).toBe(true);
          expect(close(a.se[q] as number, num(row[5]), 1e-6), `${type} ${row[3]} se`).toBe(true);
          expect(a.criticalValue).toBeCloseTo(num(row[6]), 9);
        }
      }
      const levels = (t: 'dynamic' | 'group' | 'calendar'): number => rows.filter((x) => x[1] === t && x[2] === 'detail').length;
      expect(r.aggregations.dynamic.levels).toHaveLength(levels('dynamic'));
      expect(r.aggregations.group.levels).toHaveLength(levels('group'));
      expect(r.aggregations.calendar.levels).toHaveLength(levels('calendar'));
    });
  }

  it('the event-study covariance matrix is symmetric and its diagonal gives the dynamic SEs', () => {
    const d = resultOf('dr_lpop_never_analytic').aggregations.dynamic;
    const E = d.levels.length;
    expect(d.vcov).toHaveLength(E * E);
    const v = d.vcov as Float64Array;
    for (let a = 0; a < E; a++) {
      expect(Math.sqrt(v[a * E + a] as number)).toBeCloseTo(d.se[a] as number, 12);
      for (let b = 0; b < E; b++) expect(v[a * E + b]).toBe(v[b * E + a]);
    }
  });

  it('balanceE keeps only cohorts observed e periods after treatment; minE/maxE trim event times', () => {
    const r = callawaySantAnna(noCovariates, { estMethod: 'reg', aggregation: { balanceE: 1, minE: -2, maxE: 1 } });
    // Cohorts with 2007 − g ≥ 1: 2004 and 2006; event times within [1 − 2007 + 2003, 1] ∩ [−2, 1].
    expect(Array.from(r.aggregations.dynamic.levels)).toEqual([-2, -1, 0, 1]);
    const full = resultOf('reg_never_analytic');
    const at = (res: CallawaySantAnnaResult, g: number, t: number): number => {
      const j = Array.from(res.attGt.group).findIndex((x, k) => x === g && res.attGt.time[k] === t);
      return res.attGt.att[j] as number;
    };
    // e = 1 from cohorts 2004 (20 units) and 2006 (40 units), weighted by size.
    expect(r.aggregations.dynamic.att[3]).toBeCloseTo((20 * at(full, 2004, 2005) + 40 * at(full, 2006, 2007)) / 60, 12);
  });
});

describe('callawaySantAnna multiplier bootstrap (1,000 Rademacher draws)', () => {
  const spec = 'reg_never_boot';
  const rows = attgtRef.filter((r) => r[0] === spec);

  it('ATT(g,t) bootstrap SEs are within 15 % of R did 2.5.1 (same distribution, different draws)', () => {
    const r = resultOf(spec);
    rows.forEach((row, j) => expect(Math.abs((r.attGt.se[j] as number) / num(row[4]) - 1), `cell ${row[1]},${row[2]}`).toBeLessThan(0.15));
  });

  it('the uniform critical value is within 15 % of R\'s sup-t value and above the pointwise 1.96', () => {
    const r = resultOf(spec);
    expect(r.criticalValue).toBeGreaterThan(1.96);
    expect(Math.abs(r.criticalValue / num(rows[0]?.[5]) - 1)).toBeLessThan(0.15);
  });

  it('aggregated bootstrap SEs and uniform critical values are within 15 % of R\'s', () => {
    const r = resultOf(spec);
    for (const row of aggteRef.filter((x) => x[0] === spec)) {
      const a = r.aggregations[row[1] as 'simple' | 'dynamic' | 'group' | 'calendar'];
      const se = row[2] === 'overall' ? a.overall.se : (a.se[Array.from(a.levels).indexOf(num(row[3]))] as number);
      expect(Math.abs(se / num(row[5]) - 1), `${row[1]} ${row[2]} ${row[3]}`).toBeLessThan(0.15);
      if (row[2] === 'detail') expect(Math.abs(a.criticalValue / num(row[6]) - 1), `${row[1]} critical value`).toBeLessThan(0.15);
    }
  });

  it('the same seed replays the same numbers; another seed gives other draws', () => {
    const a = callawaySantAnna(noCovariates, { estMethod: 'reg', bootstrap: { seed: 5, draws: 200 } });
    const b = callawaySantAnna(noCovariates, { estMethod: 'reg', bootstrap: { seed: 5, draws: 200 } });
    const c = callawaySantAnna(noCovariates, { estMethod: 'reg', bootstrap: { seed: 6, draws: 200 } });
    expect(Array.from(b.attGt.se)).toEqual(Array.from(a.attGt.se));
    expect(b.criticalValue).toBe(a.criticalValue);
    expect(Array.from(c.attGt.se)).not.toEqual(Array.from(a.attGt.se));
  });
});

describe('callawaySantAnna clustering', () => {
  const state = Int32Array.from(mpdta.id, (id) => Math.floor(id / 1000));

  it('clustering on the unit itself reproduces the unclustered analytic SEs', () => {
    const r = callawaySantAnna({ ...noCovariates, cluster: mpdta.id }, { estMethod: 'reg' });
    const base = resultOf('reg_never_analytic');
    r.attGt.se.forEach((se, j) => expect(se).toBeCloseTo(base.attGt.se[j] as number, 12));
    expect(r.aggregations.dynamic.overall.se).toBeCloseTo(base.aggregations.dynamic.overall.se, 12);
  });

  it('clustering by state (first digits of the county code) gives finite SEs and the same point estimates', () => {
    const r = callawaySantAnna({ ...noCovariates, cluster: state }, { estMethod: 'reg' });
    const base = resultOf('reg_never_analytic');
    expect(Array.from(r.attGt.att)).toEqual(Array.from(base.attGt.att));
    expect(r.options.clustered).toBe(true);
    r.attGt.se.forEach((se) => expect(Number.isFinite(se) && se > 0).toBe(true));
    const boot = callawaySantAnna({ ...noCovariates, cluster: state }, { estMethod: 'reg', bootstrap: { seed: 1, draws: 500 } });
    boot.attGt.se.forEach((se, j) => expect(Math.abs(se / (r.attGt.se[j] as number) - 1)).toBeLessThan(0.3));
  });

  it('a cluster that changes within a unit throws causal.bad_panel', () => {
    const cluster = Int32Array.from(mpdta.time, (t, i) => (t === 2005 && i === 2 ? 99 : (state[i] as number)));
    expect(() => callawaySantAnna({ ...noCovariates, cluster })).toThrowError(expect.objectContaining({ code: 'causal.bad_panel' }) as unknown as Error);
  });
});

describe('callawaySantAnna recovers a known effect in a simulated staggered panel', () => {
  // 600 units × 8 periods, cohorts 4, 6 and never; unit and time effects, a covariate that shifts trends and
  // selection; ATT(g, t) = 1 + 0.5 (t − g) for t ≥ g, zero before. Seeded.
  const rng = createRng(20240101);
  const nUnits = 600;
  const T = 8;
  const id: number[] = [];
  const time: number[] = [];
  const group: number[] = [];
  const y: number[] = [];
  const x: number[] = [];
  for (let i = 0; i < nUnits; i++) {
    const xi = rng.normal();
    const u = rng.uniform() + 0.15 * xi;
    const g = u < 0.3 ? 4 : u < 0.6 ? 6 : 0;
    const alpha = rng.normal();
    for (let t = 1; t <= T; t++) {
      const effect = g > 0 && t >= g ? 1 + 0.5 * (t - g) : 0;
      id.push(i + 1);
      time.push(t);
      group.push(g);
      x.push(xi);
      y.push(alpha + 0.3 * t + 0.2 * t * xi + effect + rng.normal());
    }
  }
  const panel: LongPanel = { id: Int32Array.from(id), time: Int32Array.from(time), group: Int32Array.from(group), y: Float64Array.from(y), covariates: [Float64Array.from(x)] };

  for (const estMethod of ['reg', 'ipw', 'dr'] as const) {
    it(`${estMethod}: event-study effects 1 + 0.5e and zero pre-trends lie within 2 SE for most e, and the overall effect within 2 SE`, () => {
      const r = callawaySantAnna(panel, { estMethod, controlGroup: 'notyettreated' });
      const d = r.aggregations.dynamic;
      let inside = 0;
      d.levels.forEach((e, q) => {
        const truth = e >= 0 ? 1 + 0.5 * e : 0;
        if (Math.abs((d.att[q] as number) - truth) < 2 * (d.se[q] as number)) inside++;
      });
      expect(inside).toBeGreaterThanOrEqual(d.levels.length - 1);
      const truthOverall = d.levels.filter((e) => e >= 0).reduce((s, e) => s + 1 + 0.5 * e, 0) / d.levels.filter((e) => e >= 0).length;
      expect(Math.abs(d.overall.att - truthOverall)).toBeLessThan(2 * d.overall.se);
      expect(r.waldPretest.statistic).not.toBeNull();
    });
  }
});

describe('callawaySantAnna on degenerate designs', () => {
  const code = (f: () => unknown): string | undefined => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(FtzError);
      return (e as FtzError).code;
    }
    return undefined;
  };

  it('no never-treated units with never-treated controls throws causal.no_control_units', () => {
    const treatedOnly = Array.from(mpdta.group.keys()).filter((i) => mpdta.group[i] !== 0);
    const sub = subset(noCovariates, treatedOnly);
    expect(code(() => callawaySantAnna(sub))).toBe('causal.no_control_units');
  });

  it('with not-yet-treated controls and no never-treated units, the last cohort becomes a control and later periods are dropped', () => {
    const treatedOnly = Array.from(mpdta.group.keys()).filter((i) => mpdta.group[i] !== 0);
    const r = callawaySantAnna(subset(noCovariates, treatedOnly), { estMethod: 'reg', controlGroup: 'notyettreated' });
    expect(Array.from(r.periods)).toEqual([2003, 2004, 2005, 2006]);
    expect(Array.from(r.groups)).toEqual([2004, 2006]);
    expect(r.warnings.map((w) => w.code)).toContain('causal.dropped_late_periods');
  });

  it('a cohort with a single unit is estimated, with a causal.few_units_in_cohort warning, as R did does', () => {
    const group = Int32Array.from(mpdta.group, (g, i) => (mpdta.id[i] === 8001 ? 2005 : g));
    const r = callawaySantAnna({ ...noCovariates, group }, { estMethod: 'reg' });
    expect(r.warnings.map((w) => w.code)).toContain('causal.few_units_in_cohort');
    const cells = Array.from(r.attGt.group.keys()).filter((k) => r.attGt.group[k] === 2005);
    expect(cells.length).toBeGreaterThan(0);
    for (const k of cells) expect(Number.isFinite(r.attGt.att[k])).toBe(true);
  });

  it('a cohort with fewer than k + 5 units is estimated with a causal.few_units_in_cohort warning', () => {
    const ids = [...new Set(Array.from(mpdta.id).filter((_, i) => mpdta.group[i] === 2007))].slice(0, 3);
    const group = Int32Array.from(mpdta.group, (g, i) => (ids.includes(mpdta.id[i] as number) ? 2005 : g));
    const r = callawaySantAnna({ ...noCovariates, group }, { estMethod: 'reg' });
    expect(Array.from(r.groups)).toEqual([2004, 2005, 2006, 2007]);
    const w = r.warnings.find((x) => x.code === 'causal.few_units_in_cohort');
    expect(w?.params).toEqual({ group: 2005, n: 3, min: 5 });
    expect(renderMessage('causal.few_units_in_cohort', { group: 2005, n: 3, min: 5 }, 'zh-CN')).toContain('2005');
  });

  it('a unit first treated before the panel starts throws causal.treated_before_panel naming the unit', () => {
    const group = Int32Array.from(mpdta.group, (g, i) => (mpdta.id[i] === 8001 ? 2001 : g));
    let err: unknown;
    try {
      callawaySantAnna({ ...noCovariates, group });
    } catch (e) {
      err = e;
    }
    expect((err as FtzError).code).toBe('causal.treated_before_panel');
    expect((err as FtzError).params).toEqual({ unit: '8001', group: 2001, first: 2003 });
  });

  it('units treated in the first period are dropped with a causal.dropped_treated_first_period warning, as did does', () => {
    const ids = [...new Set(Array.from(mpdta.id).filter((_, i) => mpdta.group[i] === 2007))].slice(0, 4);
    const group = Int32Array.from(mpdta.group, (g, i) => (ids.includes(mpdta.id[i] as number) ? 2003 : g));
    const r = callawaySantAnna({ ...noCovariates, group }, { estMethod: 'reg' });
    expect(r.n).toBe(496);
    expect(r.warnings.find((w) => w.code === 'causal.dropped_treated_first_period')?.params).toEqual({ n: 4, first: 2003, anticipation: 0 });
  });

  it('collinear covariates throw causal.singular_design', () => {
    const lpop = mpdta.covariates[0] as Float64Array;
    const twice = lpop.map((v) => 2 * v + 1);
    for (const estMethod of ['reg', 'dr'] as const) {
      expect(code(() => callawaySantAnna({ ...mpdta, covariates: [lpop, twice] }, { estMethod }))).toBe('causal.singular_design');
    }
  });

  it('a covariate that predicts a cohort perfectly throws causal.perfect_prediction for ipw and dr', () => {
    const flag = Float64Array.from(mpdta.group, (g) => (g === 2004 ? 1 : 0));
    for (const estMethod of ['ipw', 'dr'] as const) {
      expect(code(() => callawaySantAnna({ ...noCovariates, covariates: [flag] }, { estMethod }))).toBe('causal.perfect_prediction');
    }
  });

  it('an unbalanced panel, a duplicated row or a group that changes within a unit throws causal.bad_panel', () => {
    const keep = Array.from(mpdta.id.keys()).filter((i) => i !== 7);
    expect(code(() => callawaySantAnna(subset(noCovariates, keep)))).toBe('causal.bad_panel');
    const dup = Array.from(mpdta.id.keys()).concat([0]);
    expect(code(() => callawaySantAnna(subset(noCovariates, dup)))).toBe('causal.bad_panel');
    const group = Int32Array.from(mpdta.group, (g, i) => (i === 1 ? 2006 : g));
    expect(code(() => callawaySantAnna({ ...noCovariates, group }))).toBe('causal.bad_panel');
  });

  it('invalid options throw causal.option_invalid', () => {
    expect(code(() => callawaySantAnna(noCovariates, { anticipation: -1 }))).toBe('causal.option_invalid');
    expect(code(() => callawaySantAnna(noCovariates, { estMethod: 'ols' as 'reg' }))).toBe('causal.option_invalid');
  });

  it('anticipation of one period moves the base period of cohort g to g − 2', () => {
    const r = callawaySantAnna(noCovariates, { estMethod: 'reg', anticipation: 1 });
    const j = Array.from(r.attGt.group).findIndex((g, k) => g === 2006 && r.attGt.time[k] === 2006);
    expect(r.attGt.basePeriod[j]).toBe(2004);
    // Cohort 2004 has no period before 2003 = 2004 − 1 − 1 … it is treated "in the first period" and dropped.
    expect(Array.from(r.groups)).toEqual([2006, 2007]);
  });
});

function subset(p: LongPanel, rows: readonly number[]): LongPanel {
  return {
    id: Int32Array.from(rows, (i) => p.id[i] as number),
    time: Int32Array.from(rows, (i) => p.time[i] as number),
    group: Int32Array.from(rows, (i) => p.group[i] as number),
    y: Float64Array.from(rows, (i) => p.y[i] as number),
  };
}
