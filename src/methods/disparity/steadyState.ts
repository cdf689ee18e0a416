export interface ChainStructure {
  /** Communicating classes (sets of mutually reachable states), each sorted. */
  readonly communicatingClasses: readonly (readonly number[])[];
  /** Closed communicating classes (no way out): the recurrent classes of a finite chain. */
  readonly recurrentClasses: readonly (readonly number[])[];
  readonly irreducible: boolean;
}

/**
 * Communicating and recurrent classes of a finite chain from the transitive closure of its positive
 * entries (Warshall 1962). Rows that sum to 0 (states never left in the data) are treated as absorbing,
 * as giddy does with `fill_empty_classes`.
 */
export function chainStructure(P: readonly (readonly number[])[]): ChainStructure {
  const k = P.length;
  const reach: boolean[][] = P.map((row, i) => {
    const empty = row.every((v) => v === 0);
    return row.map((v, j) => v > 0 || i === j || (empty && i === j));
  });
  for (let m = 0; m < k; m++) {
    for (let i = 0; i < k; i++) {
      if (!reach[i]?.[m]) continue;
      for (let j = 0; j < k; j++) if (reach[m]?.[j]) (reach[i] as boolean[])[j] = true;
    }
  }
  const seen = new Array<boolean>(k).fill(false);
  const classes: number[][] = [];
  for (let i = 0; i < k; i++) {
    if (seen[i]) continue;
    const c: number[] = [];
    for (let j = 0; j < k; j++) if (reach[i]?.[j] && reach[j]?.[i]) {
      c.push(j);
      seen[j] = true;
    }
    classes.push(c);
  }
  const recurrent = classes.filter((c) => c.every((i) => (reach[i] as boolean[]).every((r, j) => !r || c.includes(j))));
  return { communicatingClasses: classes, recurrentClasses: recurrent, irreducible: classes.length === 1 };
}

/** GTH state reduction on a stochastic matrix restricted to `states` (a closed class). */
function gth(P: readonly (readonly number[])[], states: readonly number[]): Float64Array {
  const m = states.length;
  const A = states.map((i) => states.map((j) => (P[i] as readonly number[])[j] as number));
  for (let n = m - 1; n > 0; n--) {
    const rowN = A[n] as number[];
    let s = 0;
    for (let j = 0; j < n; j++) s += rowN[j] as number;
    for (let i = 0; i < n; i++) (A[i] as number[])[n] = ((A[i] as number[])[n] as number) / s;
    for (let i = 0; i < n; i++) {
      const rowI = A[i] as number[];
      const ain = rowI[n] as number;
      if (ain === 0) continue;
      for (let j = 0; j < n; j++) rowI[j] = (rowI[j] as number) + ain * (rowN[j] as number);
    }
  }
  const pi = new Float64Array(m);
  pi[0] = 1;
  let total = 1;
  for (let j = 1; j < m; j++) {
    let v = 0;
    for (let i = 0; i < j; i++) v += (pi[i] as number) * ((A[i] as number[])[j] as number);
    pi[j] = v;
    total += v;
  }
  for (let j = 0; j < m; j++) pi[j] = (pi[j] as number) / total;
  return pi;
}

/**
 * The stationary (ergodic, steady-state) distribution π = πP of a finite Markov chain by the
 * Grassmann–Taksar–Heyman algorithm (Grassmann, Taksar & Heyman 1985, Operations Research 33:1107), which
 * uses no subtractions and so keeps full relative accuracy. When the chain has one recurrent class the
 * distribution is unique (transient states get 0); with several recurrent classes it is not, and `null`
 * is returned with the classes listed in `structure`.
 *
 * @example
 * steadyState([[0.9, 0.1], [0.5, 0.5]]).distribution; // [5/6, 1/6]
 */
export function steadyState(P: readonly (readonly number[])[]): { distribution: number[] | null; structure: ChainStructure } {
  const structure = chainStructure(P);
  if (structure.recurrentClasses.length !== 1) return { distribution: null, structure };
  const states = structure.recurrentClasses[0] as readonly number[];
  const out = new Array<number>(P.length).fill(0);
  if (states.length === 1) {
    out[states[0] as number] = 1;
    return { distribution: out, structure };
  }
  const pi = gth(P, states);
  states.forEach((s, i) => (out[s] = pi[i] as number));
  return { distribution: out, structure };
}
