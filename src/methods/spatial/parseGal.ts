import { FtzError } from '../../core/errors.js';
import { weightsFromNeighbors, type SpatialWeights } from './spatialWeights.js';

/**
 * Parses a GAL contiguity file (Anselin's GeoDa format, as read by libpysal `io.open(...).read()`): a header
 * `n` or `0 n shapefile key`, then for each unit a line `id k` followed by a line with its k neighbour ids.
 * Units are kept in file order (libpysal's `id_order`), so data must be listed in that order. Weights are
 * binary; apply {@link transformWeights} for row standardisation.
 *
 * @example
 * const w = transformWeights(parseGal(text), 'row');
 */
export function parseGal(text: string): SpatialWeights {
  const lines = text.split(/\r?\n/);
  let li = 0;
  const nextLine = (): string | undefined => {
    while (li < lines.length) {
      const l = (lines[li++] as string).trim();
      if (l !== '') return l;
    }
    return undefined;
  };
  const header = nextLine();
  if (header === undefined) throw new FtzError('spatial.gal_invalid', { line: 1, reason: 'the file is empty' });
  const h = header.split(/\s+/);
  const n = Number(h.length > 1 ? h[1] : h[0]);
  if (!Number.isInteger(n) || n < 1) throw new FtzError('spatial.gal_invalid', { line: li, reason: `header "${header}" has no unit count` });
  const ids: string[] = [];
  const raw: string[][] = [];
  for (let u = 0; u < n; u++) {
    const head = nextLine();
    if (head === undefined) throw new FtzError('spatial.gal_invalid', { line: li + 1, reason: `expected ${n} units, found ${u}` });
    const parts = head.split(/\s+/);
    const k = Number(parts[1]);
    if (parts.length !== 2 || !Number.isInteger(k) || k < 0) {
      throw new FtzError('spatial.gal_invalid', { line: li, reason: `expected "id count", found "${head}"` });
    }
    ids.push(parts[0] as string);
    if (k === 0) {
      // GeoDa writes an empty line after an island; skip it if present.
      if (li < lines.length && (lines[li] as string).trim() === '') li++;
      raw.push([]);
      continue;
    }
    const nb = nextLine();
    const list = nb === undefined ? [] : nb.split(/\s+/);
    if (list.length !== k) {
      throw new FtzError('spatial.gal_invalid', { line: li, reason: `unit ${parts[0]} declares ${k} neighbours but lists ${list.length}` });
    }
    raw.push(list);
  }
  const pos = new Map<string, number>();
  ids.forEach((id, i) => {
    if (pos.has(id)) throw new FtzError('spatial.gal_invalid', { line: 0, reason: `unit ${id} appears twice` });
    pos.set(id, i);
  });
  const lists = raw.map((list, i) =>
    list.map((id) => {
      const j = pos.get(id);
      if (j === undefined) throw new FtzError('spatial.gal_invalid', { line: 0, reason: `unit ${ids[i]} lists unknown neighbour ${id}` });
      return j;
    }),
  );
  return weightsFromNeighbors(ids, lists);
}
