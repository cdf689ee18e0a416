import type { ErrorParams } from '../errorCodes.js';

type Templates = { [K in keyof ErrorParams]: (p: ErrorParams[K]) => string };

const list = (xs: readonly string[]): string => (xs.length ? xs.join(', ') : '(none)');
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;

export const en: Templates = {
  'import.file_not_found': (p) => `File not found: ${p.file}. Check the path and try again.`,
  'import.file_too_large': (p) =>
    `${p.file} is ${mb(p.size)}, above the import limit of ${mb(p.limit)}. Split the file or convert it to Parquet.`,
  'import.unsupported_format': (p) =>
    `${p.file}: files ending in "${p.extension}" cannot be imported. Use CSV, TSV, XLSX or Parquet.`,
  'import.empty_file': (p) => `${p.file} is empty: there is no header row and no data.`,
  'import.no_rows': (p) => `${p.file} has a header row but no data rows.`,
  'import.encoding_invalid': (p) =>
    `${p.file} is not valid ${p.encoding} (first bad byte at offset ${p.byteOffset}, line ${p.line}). ` +
    `If it was saved by Excel in Chinese Windows, import it with --encoding gbk (or --encoding auto).`,
  'import.encoding_unknown': (p) => `Unknown encoding "${p.encoding}". Use auto, utf8, gbk or gb18030.`,
  'import.header_empty': (p) => `${p.file}: column ${p.column} of the header row has no name. Give every column a name.`,
  'import.header_duplicate': (p) =>
    `${p.file}: the column name "${p.column}" appears twice (columns ${p.first} and ${p.second}). Rename one of them.`,
  'import.row_width': (p) =>
    `${p.file}, row ${p.row}: expected ${p.expected} cells like the header but found ${p.found}. ` +
    `Check for a stray delimiter or an unquoted comma in that row.`,
  'import.unclosed_quote': (p) =>
    `${p.file}, row ${p.row}: a quoted cell is never closed. Close the quote or remove it.`,
  'import.cell_too_large': (p) =>
    `${p.file}, row ${p.row}, column "${p.column}": the cell holds ${p.size} characters, above the limit of ${p.limit}. ` +
    `Is the file really a table? Shorten the cell or split the text out.`,
  'import.missing_column': (p) =>
    `${p.file}: the ${p.layout} layout needs a column "${p.column}", but the header has: ${list(p.found)}. ` +
    `Rename the column, or name it with the matching option (e.g. --region-col).`,
  'import.duplicate_key': (p) =>
    `${p.file}, row ${p.row}: the key ${p.key} already appeared in row ${p.firstRow}. ` +
    `Each key may appear once: remove or merge the duplicate rows.`,
  'import.non_numeric': (p) =>
    `${p.file}, row ${p.row}, column "${p.column}": "${p.value}" is not a number. ` +
    `Fix the cell, or leave it empty for a missing value.`,
  'import.unknown_region': (p) =>
    `${p.file}, row ${p.row}, column "${p.column}": "${p.value}" is not a known province or city. ` +
    `Use a GB/T 2260 code (e.g. 310000) or a name such as 上海市 / 上海 / Shanghai (see \`ftzlab regions\`).`,
  'import.bad_year': (p) =>
    `${p.file}, row ${p.row}, column "${p.column}": "${p.value}" is not a year. Write years as 2019 or 2019年.`,
  'import.sheet_not_found': (p) =>
    `${p.file} has no sheet "${p.sheet}". Its sheets are: ${list(p.sheets)}.`,
  'import.xlsx_too_large': (p) =>
    `${p.file} would unpack to ${mb(p.unpacked)}, above the limit of ${mb(p.limit)}. ` +
    `Save the sheet you need as CSV, or split the workbook.`,
  'import.xlsx_invalid': (p) => `${p.file} is not a readable XLSX workbook (${p.reason}). Re-save it from Excel as .xlsx.`,
  'import.parquet_invalid': (p) => `${p.file} is not a readable Parquet file (${p.reason}).`,
  'import.nbs_layout': (p) =>
    `${p.file}, line ${p.line}: this looks like an NBS data-portal export but ${p.reason}. ` +
    `Export it again from data.stats.gov.cn without editing, or import it with --layout table.`,
  'dataset.name_invalid': (p) =>
    `"${p.name}" is not a valid dataset name. Use 1–64 letters, digits, Chinese characters, "_" or "-".`,
  'dataset.not_found': (p) => `No dataset named "${p.name}". See \`ftzlab data list\`.`,
  'dataset.version_not_found': (p) =>
    `Dataset "${p.name}" has no version ${p.version}. Its versions are: ${list(p.versions.map(String))}.`,
  'export.unsupported_format': (p) =>
    `${p.file}: cannot export to "${p.extension}". Use .csv, .xlsx, .parquet or .json.`,
  'zone.not_found': (p) => `No Pilot FTZ with id "${p.id}". Known ids: ${list(p.known)}.`,
  'indicator.not_found': (p) => `No indicator "${p.code}". See \`ftzlab indicators\` or GET /api/indicators.`,
  'region.not_found': (p) => `No region "${p.code}". See \`ftzlab regions\`.`,
  'store.locked': (p) =>
    `The database ${p.path} is in use by another process (${p.holder}). ` +
    `Use the running server's API, or stop it, or point FTZLAB_DB at another file.`,
  'store.open_failed': (p) => `Cannot open the database ${p.path}: ${p.reason}`,
  'store.bundle_missing': (p) =>
    `The bundled data is missing at ${p.path}. Reinstall ftzlab, or run \`npm run build:data\` in a source checkout.`,
  'api.bad_request': (p) => `Bad request: ${p.issues}`,
  'api.payload_too_large': (p) => `The request body is larger than the limit of ${mb(p.limit)}.`,
  'api.host_not_allowed': (p) =>
    `Host "${p.host}" is not allowed. ftzlab answers only to localhost unless FTZLAB_ALLOWED_HOSTS names other hosts.`,
  'api.not_found': (p) => `Nothing at ${p.path}. See /api/openapi.json for the routes.`,
  'server.port_in_use': (p) => `Port ${p.port} is already in use. Choose another with --port.`,
  'internal.unexpected': (p) => `Unexpected error: ${p.reason}. Please report it with the command you ran.`,
  // index
  'index.framework_invalid': (p) => `Framework ${p.framework} is not valid: ${p.issues}`,
  'index.unknown_indicator': (p) =>
    `Framework ${p.framework} uses indicator "${p.code}", which the data does not have. See \`ftzlab indicators\` or add the column to your data.`,
  'index.zero_variance': (p) =>
    `Indicator "${p.indicator}" has the same value for every unit (${p.scope}): it cannot be normalised or weighted. Drop it from the framework or choose another normalisation.`,
  'index.all_missing': (p) => `Indicator "${p.indicator}" has no value at all (${p.scope}). Drop it, or restrict the years.`,
  'index.missing_values': (p) =>
    `Indicator "${p.indicator}" has ${p.count} missing values and ${p.method} cannot use them. Choose an imputation option explicitly, or restrict units and years.`,
  'index.nonpositive_geometric': (p) =>
    `Geometric aggregation needs positive values, but unit ${p.unit} has ${p.value} for "${p.indicator}". Use a min-max shift (e.g. 0.01) or arithmetic aggregation.`,
  'index.ahp_invalid': (p) => `The AHP comparison matrix is not valid: ${p.reason}.`,
  'index.ahp_inconsistent': (p) =>
    `The AHP judgements are inconsistent: consistency ratio ${p.cr.toFixed(3)} is above ${p.limit}. Revise the comparisons.`,
  'index.weights_invalid': (p) => `Weights are not valid: ${p.reason}.`,
  'index.dimension_mismatch': (p) => `${p.what}: expected ${p.expected}, found ${p.found}.`,
  'index.negative_values': (p) =>
    `${p.method} needs non-negative values, but unit ${p.unit} has ${p.value} for "${p.indicator}". Normalise with min-max first.`,
  'index.out_of_range': (p) => `${p.what} must lie in [${p.min}, ${p.max}], but unit ${p.unit} has ${p.value}.`,
  // disparity
  'disparity.too_few_units': (p) => `${p.method} needs at least ${p.min} units; got ${p.n}.`,
  'disparity.negative_values': (p) => `${p.method} needs non-negative values; unit ${p.unit} has ${p.value}.`,
  'disparity.groups_invalid': (p) => `Groups are not valid: ${p.reason}.`,
  'spatial.weights_invalid': (p) => `Spatial weights are not valid: ${p.reason}.`,
  'disparity.constant_variable': (p) =>
    `${p.method} is undefined for a constant variable: "${p.variable}" has zero variance.`,
  'disparity.nonpositive_values': (p) => `${p.method} needs positive values; unit ${p.unit} has ${p.value}.`,
  'disparity.length_mismatch': (p) => `${p.what}: expected length ${p.expected}, found ${p.found}.`,
  'disparity.option_invalid': (p) => `Option ${p.option} = ${p.value} is not valid: ${p.reason}.`,
  'spatial.gal_invalid': (p) => `The GAL weights file is not valid at line ${p.line}: ${p.reason}.`,
  'spatial.geometry_invalid': (p) => `Geometry of feature ${p.feature} is not valid: ${p.reason}.`,
  // causal
  'causal.too_few_periods': (p) => `${p.method} needs at least ${p.min} ${p.phase === 'pre' ? 'pre-treatment' : 'post-treatment'} period(s); the data have ${p.n}.`,
  'causal.too_few_controls': (p) => `${p.method} needs at least ${p.min} control units; the data have ${p.n}.`,
  'causal.constant_predictor': (p) => `${p.method}: predictor ${p.predictor} does not vary across control units; remove it.`,
  'causal.singular_design': (p) => `The design of ${p.what} is singular (${p.detail}): drop collinear covariates or fixed effects.`,
  'causal.no_control_units': (p) => `No ${p.control} control units are left (${p.detail}). Use not-yet-treated controls, or check the treatment-timing column.`,
  'causal.small_cohort': (p) => `Cohort ${p.group} has only ${p.n} unit(s): its effects cannot be estimated with a standard error.`,
  'causal.treated_before_panel': (p) => `Unit ${p.unit} is treated from ${p.group}, before the panel starts in ${p.first}: drop it or code it as always treated.`,
  'causal.perfect_prediction': (p) => `The propensity score perfectly separates treated and control units for group ${p.group}, time ${p.time} (${p.detail}). Use fewer covariates or the outcome-regression method.`,
  'causal.bad_panel': (p) => `The panel is not usable: ${p.detail}.`,
  'causal.dropped_treated_first_period': (p) => `Dropped ${p.n} unit(s) already treated in the first period ${p.first}${p.anticipation > 0 ? ` (anticipation ${p.anticipation})` : ''}: they have no pre-treatment period.`,
  'causal.few_units_in_cohort': (p) => `Cohort ${p.group === 0 ? 'never treated' : p.group} has only ${p.n} unit(s) (fewer than ${p.min}): estimates for it may be unstable.`,
  'causal.dropped_late_periods': (p) => `No never-treated units: periods from ${p.from} on were dropped and cohort ${p.group} serves only as a not-yet-treated control.`,
  'causal.no_pretest': (p) => `The Wald pre-test of parallel trends is not reported: ${p.reason}.`,
  'causal.option_invalid': (p) => `Option ${p.option} = ${p.value} is not valid: ${p.reason}.`,
  'causal.group_without_treated': (p) => `Group ${p.group} has no treated observations (${p.detail}): its treatment effect cannot be estimated; drop the group or merge it with another.`,
  'causal.too_few_clusters': (p) => `${p.method} needs at least ${p.min} clusters; the data have ${p.n}.`,
  'causal.collinear_mediator': (p) => `The mediator ${p.mediator} is collinear with the treatment or absorbed by the fixed effects (${p.detail}): the direct and indirect effects are not identified.`,
  'carbon.bad_matrix': (p) => `The ${p.what} is not usable: ${p.detail}.`,
  'carbon.singular_leontief': (p) => `I − A cannot be inverted (${p.detail}): some sector uses at least as much input as it produces; check the intermediate flows and total outputs.`,
  'carbon.option_invalid': (p) => `Option ${p.option} = ${p.value} is not valid: ${p.reason}.`,
  'carbon.unknown_cn_code': (p) => `${p.file}, row ${p.row}: CN code "${p.value}" is not a CBAM good (Annex I of Regulation (EU) 2023/956); check the code, or remove the row if the good is not covered.`,
  'carbon.ambiguous_cn_code': (p) => `${p.file}, row ${p.row}: CN code "${p.value}" is shorter than the CBAM entries under it (${p.candidates.slice(0, 6).join(', ')}${p.candidates.length > 6 ? ', …' : ''}); give the 8-digit CN code so the covered good and its default value are known.`,
  'carbon.no_default_value': (p) => `${p.file}, row ${p.row}: no usable default value for CN ${p.cn}: ${
    p.reason === 'origin' ? `default values are bundled for China only, not for origin ${p.origin}`
      : p.reason === 'heading_only' ? `the annex gives values only for the listed subheadings of ${p.good} (${p.candidates.slice(0, 8).join(', ')}${p.candidates.length > 8 ? ', …' : ''}), and ${p.cn} is not one of them; check the code`
        : p.reason === 'unverified' ? `the bundled default for ${p.good} is ${p.status === 'secondary' ? 'a transcription' : 'unchecked'}, not yet read in the Official Journal; allow unverified values to use it (CLI --allow-unverified, or the dashboard's check box), and it is marked in the output`
          : p.reason === 'no_indirect_default' ? 'indirect emissions count for this good and no default value covers them'
            : `no default value is listed for ${p.good}`
  }. Or give the actual emissions in direct_tco2_per_t (and indirect_tco2_per_t).`,
  'carbon.bad_quantity': (p) => `${p.file}, row ${p.row}, column ${p.column}: "${p.value}" is not usable (${p.reason}).`,
  'carbon.bad_unit': (p) => `${p.file}, row ${p.row}, column ${p.column}: "${p.value}" looks like the wrong unit; expected ${p.expected}.`,
  'carbon.bad_budget': (p) => `The carbon budget is not usable: ${p.detail}.`,
  'neglist.docx_invalid': (p) => `${p.file} is not a readable Word document (${p.reason}); save it again as .docx, or as plain text.`,
  'neglist.pdf_invalid': (p) => `${p.file} is not a readable PDF (${p.reason}); a scanned PDF needs OCR first, or import the text.`,
  'neglist.no_measures': (p) => `${p.file}: no numbered measure found (lines such as "1 禁止投资…" or "1. …" under a section heading such as 一、农、林、牧、渔业).`,
  'neglist.numbering_gap': (p) => `${p.file}, line ${p.line}: measure ${p.found} follows ${p.expected - 1}; measure ${p.expected} is missing. Check the text (a measure split over lines, or a lost item) and import again.`,
  'neglist.numbering_repeat': (p) => `${p.file}, line ${p.line}: measure ${p.number} appears again (first at line ${p.first}).`,
  'neglist.unknown_section': (p) => `${p.file}, line ${p.line}: "${p.heading}" is not a GB/T 4754 section title; fix the heading (e.g. 一、农、林、牧、渔业).`,
  'neglist.count_mismatch': (p) => `${p.file}: ${p.found} measures read, but the list should have ${p.expected} (--count).`,
  'neglist.edition_not_found': (p) => `There is no list edition "${p.id}" (known: ${p.known.join(', ')}).`,
  'neglist.scenario_not_found': (p) => `There is no saved scenario "${p.name}"${p.version === null ? '' : ` version ${p.version}`} (saved: ${p.known.join(', ') || 'none'}). Save one on the simulator page or with \`ftzlab neglist scenario save NAME --spec FILE\`.`,
  'report.no_browser': (p) => `A PDF is printed by a headless Chromium, which was not found at ${p.path}. Install it (Debian: apt-get install chromium) or set FTZLAB_CHROMIUM to its path; the DOCX, XLSX and HTML formats need no browser.`,
  'report.render_failed': (p) => `The ${p.format} report could not be written: ${p.reason}.`,
  'carbon.budget_not_found': (p) => `There is no carbon budget "${p.name}"${p.known.length ? ` (budgets: ${p.known.join(', ')})` : ' (none has been created yet)'}.`,
  'carbon.budget_version_not_found': (p) => `Carbon budget "${p.name}" has no version ${p.version} (versions: ${p.versions.join(', ')}).`,
  'carbon.budget_name_invalid': (p) => `"${p.name}" is not a valid budget name: use up to 64 letters, digits, _ or -.`,
  'carbon.no_inventory_year': (p) => `The inventory has no sector emissions for ${p.region} in ${p.year}${p.first !== null ? ` (it covers ${p.first}–${p.last})` : ''}.`,
};
