import { readFileSync } from 'node:fs';

// Readers for the reference files in test/fixtures/reference/structure (see its README.md).

const root = new URL('../../fixtures/reference/structure/', import.meta.url);

export function readFixtureText(name: string): string {
  return readFileSync(new URL(name, root), 'utf8');
}

export function readFixtureJson<T>(name: string): T {
  return JSON.parse(readFixtureText(name)) as T;
}

/** A matrix or named vector as R prints it; a named vector is one row named ''. */
export interface RPrinted {
  colNames: string[];
  rowNames: string[];
  rows: number[][];
}

const isNumber = (token: string): boolean => /^-?(\d|\.\d)/.test(token) || token === 'NaN' || token === 'NA';

/**
 * The tables R printed under each `## heading` of econgeo_v1.3_examples_output.txt, in order. A line of
 * names starts a table; a line starting with a name is a matrix row; a line of numbers is a vector's values.
 */
export function readEconGeoExamples(): Map<string, RPrinted[]> {
  const sections = new Map<string, RPrinted[]>();
  let current: RPrinted[] = [];
  for (const raw of readFixtureText('econgeo_v1.3_examples_output.txt').split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('## ')) {
      current = [];
      sections.set(line.slice(3).trim(), current);
      continue;
    }
    if (line === '') continue;
    const tokens = line.split(/\s+/);
    if (tokens.every((t) => !isNumber(t))) {
      current.push({ colNames: tokens, rowNames: [], rows: [] });
      continue;
    }
    const table = current[current.length - 1];
    if (table === undefined) continue;
    const named = !isNumber(tokens[0] as string);
    table.rowNames.push(named ? (tokens[0] as string) : '');
    table.rows.push((named ? tokens.slice(1) : tokens).map(Number));
  }
  return sections;
}

/** The `index`-th table under `heading`; throws when absent so a test fails loudly on a changed file. */
export function econGeoTable(sections: Map<string, RPrinted[]>, heading: string, index = 0): RPrinted {
  const table = sections.get(heading)?.[index];
  if (table === undefined) throw new Error(`econgeo_v1.3_examples_output.txt has no table ${index} under "## ${heading}"`);
  return table;
}

/** Largest |actual − expected| over all entries, after checking both have the same number of entries. */
export function maxAbsDiff(actual: ArrayLike<number>, expected: ArrayLike<number> | readonly (readonly number[])[]): number {
  const flat = Array.from(expected as ArrayLike<number | readonly number[]>).flat() as number[];
  if (actual.length !== flat.length) return Number.POSITIVE_INFINITY;
  let worst = 0;
  flat.forEach((v, i) => {
    const a = actual[i] as number;
    worst = Number.isNaN(a) && Number.isNaN(v) ? worst : Math.max(worst, Math.abs(a - v));
  });
  return Number.isNaN(worst) ? Number.POSITIVE_INFINITY : worst;
}

/** The code and params of what `f` throws ('no error' when it returns). */
export function thrown(f: () => unknown): { code: string; params: unknown } {
  try {
    f();
  } catch (e) {
    const err = e as { code?: string; params?: unknown };
    return { code: err.code ?? `uncoded: ${String(e)}`, params: err.params };
  }
  return { code: 'no error', params: undefined };
}
