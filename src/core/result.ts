/**
 * The one object every analysis returns. Shells (CLI, API, page, report) render it; none computes anything
 * itself. See ARCHITECTURE: `{ kind, spec, tables, figures, warnings, provenance }`.
 */

export interface Label {
  readonly zh: string;
  readonly en: string;
}

export type ColumnType = 'text' | 'number' | 'integer' | 'boolean' | 'date';

export interface Column {
  readonly name: string;
  readonly type: ColumnType;
  readonly label: Label;
  readonly unit?: Label;
  /** values, one per row; `null` is missing, never 0 */
  readonly values: readonly (string | number | boolean | null)[];
}

/** A named columnar table: all columns have the same length. */
export interface Table {
  readonly name: string;
  readonly title: Label;
  readonly columns: readonly Column[];
  readonly sourceIds: readonly string[];
}

/** A chart as data + encoding, not pixels: the page draws it with ECharts, the report renders it to SVG. */
export interface Figure {
  readonly name: string;
  readonly title: Label;
  readonly kind: 'line' | 'bar' | 'map' | 'scatter' | 'density' | 'heatmap' | 'radar' | 'interval';
  readonly table: string;
  readonly encoding: Readonly<Record<string, string>>;
  readonly sourceIds: readonly string[];
}

export interface Warning {
  /** stable code, e.g. `import.missing_values` */
  readonly code: string;
  readonly message: Label;
  readonly details?: unknown;
}

export interface SourceCitation {
  readonly id: string;
  readonly publisher: string;
  readonly title: string;
  readonly url: string;
  readonly licence: string;
}

export interface Provenance {
  readonly package: { readonly name: 'ftzlab'; readonly version: string };
  /** SHA-256 of each input (bundled manifest, user dataset version), so the same spec replays */
  readonly inputs: readonly { readonly name: string; readonly sha256: string }[];
  readonly sources: readonly SourceCitation[];
  readonly options: Readonly<Record<string, unknown>>;
  readonly seed: number | null;
  readonly createdAt: string;
}

export interface Result<K extends string = string, S = unknown> {
  readonly kind: K;
  readonly spec: S;
  readonly tables: readonly Table[];
  readonly figures: readonly Figure[];
  readonly warnings: readonly Warning[];
  readonly provenance: Provenance;
}

/** Builds a table from row objects, checking that every column has a declared type. */
export function tableFromRows(
  name: string,
  title: Label,
  columns: readonly { name: string; type: ColumnType; label: Label; unit?: Label }[],
  rows: readonly Readonly<Record<string, string | number | boolean | null>>[],
  sourceIds: readonly string[] = [],
): Table {
  return {
    name,
    title,
    sourceIds,
    columns: columns.map((c) => ({ ...c, values: rows.map((r) => r[c.name] ?? null) })),
  };
}
