import { FtzError } from '../../core/errors.js';

/** Specific embedded emissions of a good, tCO2e per tonne, split as CBAM reports them. */
export interface SpecificEmissions {
  readonly direct: number;
  readonly indirect: number;
}

/** A precursor consumed by a production process: its mass and either its emissions or its own process. */
export interface Precursor {
  readonly name: string;
  /** Tonnes of precursor consumed in the reporting period. */
  readonly massT: number;
  readonly emissions: SpecificEmissions | ProductionProcess;
}

/** A production process over a reporting period (Regulation (EU) 2023/956, Annex IV). */
export interface ProductionProcess {
  /** Direct emissions attributed to the process, tCO2e. */
  readonly attributedDirectT: number;
  /** Indirect emissions (electricity consumed) attributed to the process, tCO2e. */
  readonly attributedIndirectT: number;
  /** Activity level: tonnes of the good produced. */
  readonly activityLevelT: number;
  readonly precursors?: readonly Precursor[];
}

const MAX_DEPTH = 16;

/**
 * Specific embedded emissions of a complex good (Annex IV, point 2 of Regulation (EU) 2023/956):
 * SEE_g = (AttrEm_g + EE_InpMat) / AL_g with EE_InpMat = Σ_i M_i · SEE_i over the precursors, applied
 * separately to direct and indirect emissions. A simple good is the case without precursors. A precursor may
 * itself be described by its process (a chain such as pig iron → crude steel → hot-rolled coil).
 */
export function specificEmbeddedEmissions(process: ProductionProcess, depth = 0): SpecificEmissions {
  if (depth > MAX_DEPTH) throw new FtzError('carbon.bad_matrix', { what: 'precursor chain', detail: `deeper than ${MAX_DEPTH} levels (a precursor that contains itself?)` });
  const { attributedDirectT: d, attributedIndirectT: ind, activityLevelT: al } = process;
  for (const [what, v] of [['attributed direct emissions', d], ['attributed indirect emissions', ind]] as const) {
    if (!(Number.isFinite(v) && v >= 0)) throw new FtzError('carbon.bad_matrix', { what: 'production process', detail: `${what} = ${v}; must be finite and non-negative` });
  }
  if (!(Number.isFinite(al) && al > 0)) throw new FtzError('carbon.bad_matrix', { what: 'production process', detail: `activity level = ${al}; must be a positive number of tonnes` });
  let inDirect = 0;
  let inIndirect = 0;
  for (const p of process.precursors ?? []) {
    if (!(Number.isFinite(p.massT) && p.massT >= 0)) throw new FtzError('carbon.bad_matrix', { what: `precursor ${p.name}`, detail: `mass = ${p.massT}; must be finite and non-negative` });
    const see = 'activityLevelT' in p.emissions ? specificEmbeddedEmissions(p.emissions, depth + 1) : p.emissions;
    if (!(Number.isFinite(see.direct) && see.direct >= 0 && Number.isFinite(see.indirect) && see.indirect >= 0)) {
      throw new FtzError('carbon.bad_matrix', { what: `precursor ${p.name}`, detail: 'its specific emissions must be finite and non-negative' });
    }
    inDirect += p.massT * see.direct;
    inIndirect += p.massT * see.indirect;
  }
  return { direct: (d + inDirect) / al, indirect: (ind + inIndirect) / al };
}
