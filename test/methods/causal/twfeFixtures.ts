import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/reference/econ');

/** mpdta (500 counties × 2003–2007) as typed columns; `cohort` is first.treat (0 = never treated). */
export interface Mpdta {
  readonly n: number;
  readonly year: Int32Array;
  readonly county: Int32Array;
  readonly lpop: Float64Array;
  readonly lemp: Float64Array;
  readonly cohort: Int32Array;
  /** treat × post: 1 from the first treated year on. */
  readonly d: Float64Array;
  /** lpop × (year − 2005), the time-varying covariate of make_twfe_reference.R. */
  readonly xcov: Float64Array;
}

export function readMpdta(): Mpdta {
  const lines = readFileSync(join(root, 'mpdta.csv'), 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
  const header = (lines[0] as string).split(',').map((h) => h.replaceAll('"', ''));
  const col = (name: string): number => header.indexOf(name);
  const n = lines.length - 1;
  const m = { n, year: new Int32Array(n), county: new Int32Array(n), lpop: new Float64Array(n), lemp: new Float64Array(n), cohort: new Int32Array(n), d: new Float64Array(n), xcov: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const c = (lines[i + 1] as string).split(',');
    const num = (name: string): number => Number(c[col(name)]);
    m.year[i] = num('year');
    m.county[i] = num('countyreal');
    m.lpop[i] = num('lpop');
    m.lemp[i] = num('lemp');
    m.cohort[i] = num('first.treat');
    m.d[i] = m.cohort[i]! > 0 && m.year[i]! >= m.cohort[i]! ? 1 : 0;
    m.xcov[i] = m.lpop[i]! * (m.year[i]! - 2005);
  }
  return m;
}

/** The R reference values: `(case, term, stat) → value` from twfe_reference.csv. */
export function readReference(): (caseName: string, term: string, stat: string) => number {
  const lines = readFileSync(join(root, 'twfe_reference.csv'), 'utf8').split(/\r?\n/).filter((l) => l.length > 0).slice(1);
  const map = new Map<string, number>();
  for (const line of lines) {
    const [c, t, s, v] = line.split(',').map((x) => x.replaceAll('"', ''));
    map.set(`${c}|${t}|${s}`, Number(v));
  }
  return (caseName, term, stat) => {
    const v = map.get(`${caseName}|${term}|${stat}`);
    if (v === undefined) throw new Error(`no reference value for ${caseName} ${term} ${stat}`);
    return v;
  };
}
