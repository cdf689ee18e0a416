/**
 * Stable error codes and the parameters each one carries. Codes never change meaning once published: users
 * and scripts match on them, and the messages in `messages/` are rendered from the parameters.
 */
export interface ErrorParams {
  'import.file_not_found': { file: string };
  'import.file_too_large': { file: string; size: number; limit: number };
  'import.unsupported_format': { file: string; extension: string };
  'import.empty_file': { file: string };
  'import.no_rows': { file: string };
  'import.encoding_invalid': { file: string; encoding: string; line: number; byteOffset: number };
  'import.encoding_unknown': { encoding: string };
  'import.header_empty': { file: string; column: number };
  'import.header_duplicate': { file: string; column: string; first: number; second: number };
  'import.row_width': { file: string; row: number; expected: number; found: number };
  'import.unclosed_quote': { file: string; row: number };
  'import.cell_too_large': { file: string; row: number; column: string; size: number; limit: number };
  'import.missing_column': { file: string; column: string; layout: string; found: string[] };
  'import.duplicate_key': { file: string; row: number; firstRow: number; key: string };
  'import.non_numeric': { file: string; row: number; column: string; value: string };
  'import.unknown_region': { file: string; row: number; column: string; value: string };
  'import.bad_year': { file: string; row: number; column: string; value: string };
  'import.sheet_not_found': { file: string; sheet: string; sheets: string[] };
  'import.xlsx_too_large': { file: string; unpacked: number; limit: number };
  'import.xlsx_invalid': { file: string; reason: string };
  'import.parquet_invalid': { file: string; reason: string };
  'import.nbs_layout': { file: string; line: number; reason: string };
  'dataset.name_invalid': { name: string };
  'dataset.not_found': { name: string };
  'dataset.version_not_found': { name: string; version: number; versions: number[] };
  'export.unsupported_format': { file: string; extension: string };
  'zone.not_found': { id: string; known: string[] };
  'indicator.not_found': { code: string };
  'region.not_found': { code: string };
  'store.locked': { path: string; holder: string };
  'store.open_failed': { path: string; reason: string };
  'store.bundle_missing': { path: string };
  'api.bad_request': { issues: string };
  'api.payload_too_large': { limit: number };
  'api.host_not_allowed': { host: string };
  'api.not_found': { path: string };
  'server.port_in_use': { port: number };
  'internal.unexpected': { reason: string };
  // index codes (methods/index, analyses/nqpfIndex)
  'index.framework_invalid': { framework: string; issues: string };
  'index.unknown_indicator': { framework: string; code: string };
  'index.zero_variance': { indicator: string; scope: string };
  'index.all_missing': { indicator: string; scope: string };
  'index.missing_values': { indicator: string; count: number; method: string };
  'index.nonpositive_geometric': { unit: string; indicator: string; value: number };
  'index.ahp_invalid': { reason: string };
  'index.ahp_inconsistent': { cr: number; limit: number };
  'index.weights_invalid': { reason: string };
  'index.dimension_mismatch': { what: string; expected: number; found: number };
  'index.negative_values': { method: string; unit: string; indicator: string; value: number };
  'index.out_of_range': { what: string; unit: string; value: number; min: number; max: number };
  // disparity codes (methods/disparity)
  'disparity.too_few_units': { method: string; n: number; min: number };
  'disparity.negative_values': { method: string; unit: string; value: number };
  'disparity.groups_invalid': { reason: string };
  'spatial.weights_invalid': { reason: string };
  'disparity.constant_variable': { method: string; variable: string };
  'disparity.nonpositive_values': { method: string; unit: string; value: number };
  'disparity.length_mismatch': { what: string; expected: number; found: number };
  'disparity.option_invalid': { option: string; value: string; reason: string };
  'spatial.gal_invalid': { line: number; reason: string };
  'spatial.geometry_invalid': { feature: string; reason: string };
  // causal codes (methods/causal)
  'causal.too_few_periods': { method: string; phase: 'pre' | 'post'; n: number; min: number };
  'causal.too_few_controls': { method: string; n: number; min: number };
  'causal.constant_predictor': { method: string; predictor: string };
  'causal.singular_design': { what: string; detail: string };
  'causal.no_control_units': { control: string; detail: string };
  'causal.small_cohort': { group: number; n: number };
  'causal.treated_before_panel': { unit: string; group: number; first: number };
  'causal.perfect_prediction': { group: number; time: number; detail: string };
  'causal.bad_panel': { detail: string };
  'causal.dropped_treated_first_period': { n: number; first: number; anticipation: number };
  'causal.few_units_in_cohort': { group: number; n: number; min: number };
  'causal.dropped_late_periods': { from: number; group: number };
  'causal.no_pretest': { reason: string };
  'causal.option_invalid': { option: string; value: string; reason: string };
  'causal.group_without_treated': { group: string; detail: string };
  'causal.too_few_clusters': { method: string; n: number; min: number };
  'causal.collinear_mediator': { mediator: string; detail: string };
  // carbon codes (methods/carbon, analyses/carbon)
  'carbon.bad_matrix': { what: string; detail: string };
  'carbon.singular_leontief': { detail: string };
  'carbon.option_invalid': { option: string; value: string; reason: string };
  'carbon.unknown_cn_code': { file: string; row: number; value: string };
  'carbon.ambiguous_cn_code': { file: string; row: number; value: string; candidates: string[] };
  'carbon.no_default_value': {
    file: string; row: number; cn: string; good: string; origin: string; status: string; candidates: string[];
    reason: 'origin' | 'heading_only' | 'not_listed' | 'unverified' | 'no_indirect_default';
  };
  'carbon.bad_quantity': { file: string; row: number; column: string; value: string; reason: string };
  'carbon.bad_unit': { file: string; row: number; column: string; value: string; expected: string };
  'carbon.bad_budget': { detail: string };
  'carbon.budget_not_found': { name: string; known: string[] };
  'carbon.budget_version_not_found': { name: string; version: number; versions: number[] };
  'carbon.budget_name_invalid': { name: string };
  'carbon.no_inventory_year': { region: string; year: number; first: number | null; last: number | null };
  // negative-list codes (store/import/neglistText, analyses/neglist)
  'neglist.no_measures': { file: string };
  'neglist.docx_invalid': { file: string; reason: string };
  'neglist.pdf_invalid': { file: string; reason: string };
  'neglist.numbering_gap': { file: string; line: number; expected: number; found: number };
  'neglist.numbering_repeat': { file: string; line: number; number: number; first: number };
  'neglist.unknown_section': { file: string; line: number; heading: string };
  'neglist.count_mismatch': { file: string; expected: number; found: number };
  'neglist.edition_not_found': { id: string; known: string[] };
  'neglist.scenario_not_found': { name: string; version: number | null; known: string[] };
  'report.no_browser': { path: string };
  'report.render_failed': { format: string; reason: string };
}

export type ErrorCode = keyof ErrorParams;
