/**
 * A table as read from a file, before typing: header names and cells as strings (null = absent), with the
 * row number each data row had in the file so errors can point at it.
 */
export interface RawTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly (string | null)[])[];
  /** 1-based row (line) number in the file of each data row */
  readonly rowNumbers: readonly number[];
  readonly headerRow: number;
}
