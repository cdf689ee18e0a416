/**
 * Builds the CBAM law tables: `cbam/goods.csv` (covered CN codes and product groups), `cbam/defaults.csv`
 * (default values for China, tCO2e per tonne, without mark-up), `cbam/markups.csv` (mark-up per group and year)
 * and `cbam/rules.csv` (free-allocation factors, the mass threshold, direct-only groups). Every row carries a
 * citation and a status: `verified` (seen in the official text), `secondary` (a transcription or a
 * non-official page) or `recalled` (not yet checked). The calculator uses only verified rows unless told
 * otherwise.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildContext, BuiltTable, SourceRecord } from './lib/context.js';
import { readCsvObjects, writeCsv } from './lib/csv.js';

const SRC_DEFAULTS = 'cbam.default_values_2025_2621';
const SRC_CBAM = 'cbam.regulation_2023_956';
const SRC_ETS = 'cbam.ets_directive';
const GROUPS = new Set(['Cement', 'Fertilisers', 'Iron and steel', 'Aluminium', 'Hydrogen']);
const STATUSES = new Set(['verified', 'secondary', 'recalled']);
const DEFAULTS_CITATION = 'Commission Implementing Regulation (EU) 2025/2621, Annex I (table for China), as replaced by Implementing Regulation (EU) 2026/1740';
const FALLBACK_CITATION = "Commission Implementing Regulation (EU) 2025/2621, Annex I (table 'Other countries and territories', which applies where a country's table has no value), as replaced by Implementing Regulation (EU) 2026/1740";

const num = (s: string | undefined): number | null => (s === undefined || s.trim() === '' ? null : Number(s));

export async function build(ctx: BuildContext): Promise<BuiltTable[]> {
  const dir = join(ctx.sourcesDir, 'cbam');
  const ids = new Set((JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8')) as SourceRecord[]).map((r) => r.id));
  for (const id of [SRC_DEFAULTS, SRC_CBAM, SRC_ETS]) if (!ids.has(id)) throw new Error(`cbam/sources.json lacks ${id}`);
  const out = join(ctx.bundledDir, 'cbam');
  mkdirSync(out, { recursive: true });

  // ---- goods ----
  // 7203 is flagged as a heading without a value, but it has no subheadings: the fallback table prices it.
  const fallbackCns = new Set(readCsvObjects(join(dir, 'other_countries_fallback.csv')).map((r) => r['cn'] ?? ''));
  const goods = readCsvObjects(join(dir, 'cbam_annex_goods_IR2025_2621_keys.csv'));
  const byKey = new Map<string, Record<string, string>>();
  const cnSeen = new Set<string>();
  const goodRows = goods.map((g) => {
    const key = g['good_key'] ?? '';
    const cn = g['cn_code_digits'] ?? '';
    const level = Number(g['cn_level_digits']);
    const group = g['product_group'] ?? '';
    if (!/^\d+$/.test(cn) || cn.length !== level || ![4, 6, 8, 10].includes(level)) throw new Error(`good ${key}: CN ${cn} does not have ${level} digits`);
    if (!key.startsWith(`${cn}-`)) throw new Error(`good ${key} does not start with its CN code ${cn}`);
    if (!GROUPS.has(group)) throw new Error(`good ${key}: unknown product group ${group}`);
    if (cnSeen.has(cn)) throw new Error(`CN ${cn} listed twice`);
    cnSeen.add(cn);
    byKey.set(key, g);
    // The key's tail is the transcription's abridged English description (cut at 40 characters).
    const description = key.slice(cn.length + 1).replaceAll('-', ' ');
    return [cn, level, group, description, g['is_heading_without_value_for_CHN'] === 'True' && !fallbackCns.has(cn) ? 1 : 0, key];
  });
  const nGoods = writeCsv(join(out, 'goods.csv'), ['cn', 'level', 'product_group', 'description_abridged_en', 'heading_only', 'good_key'], goodRows);

  // ---- default values, with what each was checked against (data/sources/cbam/default_value_checks.csv) ----
  // Every value is a transcription (status `secondary`) until read in the Official Journal; the checks record
  // the independent parses it agrees with. A numeric disagreement stops the build; a route letter that
  // differs is noted (it selects the CBAM benchmark).
  const checks = new Map<string, { matched: Set<string>; routeNotes: string[] }>();
  for (const r of readCsvObjects(join(dir, 'default_value_checks.csv'))) {
    const key = r['good_key'] ?? '';
    const c = checks.get(key) ?? { matched: new Set<string>(), routeNotes: [] };
    const field = r['field'] ?? '';
    const origin = (r['source'] ?? '').replace(/^GitHub (\S+).*$/, '$1');
    if (r['status'] === 'mismatch') {
      if (field !== 'production_route') throw new Error(`default value check: ${key} ${field} ${r['value_in_transcription']} ≠ ${r['value_found']} (${origin})`);
      c.routeNotes.push(`route ${r['value_in_transcription'] || '(none)'} here, ${r['value_found'] || '(none)'} in ${origin} (pre-correction workbook)`);
    } else if (r['status'] === 'match' && field !== 'production_route' && (r['value_found'] ?? '') !== '') c.matched.add(origin);
    checks.set(key, c);
  }
  const checkedAgainst = (key: string): string => {
    const c = checks.get(key);
    if (!c || c.matched.size === 0) return 'not checked against a second source';
    return `direct, indirect and total agree with ${c.matched.size} independent parse(s) of the Commission workbook 'DVs as adopted_v20260204' (${[...c.matched].sort().join(', ')}); not read in the Official Journal${c.routeNotes.length ? `; ${c.routeNotes.join('; ')}` : ''}`;
  };
  const fallback = new Map(readCsvObjects(join(dir, 'other_countries_fallback.csv')).map((r) => [r['cn'] ?? '', r]));
  const defaults = readCsvObjects(join(dir, 'cbam_defaults_CHN_IR2025_2621.csv'));
  let headings = 0;
  const defaultRows = defaults.flatMap((d) => {
    const key = d['good_key'] ?? '';
    const g = byKey.get(key);
    if (!g) throw new Error(`default value for unknown good ${key}`);
    if (d['country_iso3'] !== 'CHN') throw new Error(`default value for ${d['country_iso3']}`);
    const direct = num(d['default_direct_t_co2e_per_t']);
    const indirect = num(d['default_indirect_t_co2e_per_t']);
    const total = num(d['default_total_t_co2e_per_t']);
    const heading = g['is_heading_without_value_for_CHN'] === 'True';
    if (heading !== (direct === null && total === null)) throw new Error(`${key}: heading flag and values disagree`);
    if (heading) {
      const f = fallback.get(g['cn_code_digits'] ?? '');
      if (!f) {
        headings++;
        return [];
      }
      // The annex's fallback table fills a good China's table leaves without a value.
      return [['OTHER', f['cn'] ?? '', Number(f['direct']), f['indirect'] ?? '', Number(f['total']), f['route'] ?? '', 'secondary', FALLBACK_CITATION, `${f['reason']}; ${f['checked_against']}`, SRC_DEFAULTS]];
    }
    // The transcription leaves indirect empty where the annex gives none (iron and steel, aluminium).
    if (direct === null || total === null || Math.abs(direct + (indirect ?? 0) - total) > 0.0101) throw new Error(`${key}: direct ${direct} + indirect ${indirect} ≠ total ${total}`);
    return [['CHN', g['cn_code_digits'] ?? '', direct, indirect ?? '', total, d['production_route_code'] ?? '', 'secondary', DEFAULTS_CITATION, checkedAgainst(key), SRC_DEFAULTS]];
  });
  const nDefaults = writeCsv(join(out, 'defaults.csv'), ['origin', 'cn', 'direct', 'indirect', 'total', 'route', 'status', 'citation', 'checked_against', 'source_id'], defaultRows);

  // ---- mark-ups ----
  const markupStatus = readCsvObjects(join(dir, 'markup_status.csv'));
  const markupRule = new Map(markupStatus.map((r) => [r['product_group'] ?? '', r]));
  const markups = readCsvObjects(join(dir, 'cbam_markup_schedule.csv')).map((m) => {
    const group = m['product_group'] ?? '';
    const rule = markupRule.get(group);
    if (!GROUPS.has(group) || !rule) throw new Error(`mark-up for ${group}: no status row`);
    if (!STATUSES.has(rule['status'] ?? '')) throw new Error(`markup_status.csv: status ${rule['status']}`);
    const pct = Number(m['markup_pct']);
    if (!(pct >= 0 && pct <= 100)) throw new Error(`mark-up ${pct} for ${group}`);
    return [group, Number(m['year']), pct, rule['status'] ?? '', rule['citation'] ?? '', rule['note'] ?? '', SRC_DEFAULTS];
  });
  // A year's mark-up holds for later years until another is set ("30 % for the year 2028 and onwards").
  const nMarkups = writeCsv(join(out, 'markups.csv'), ['product_group', 'from_year', 'markup_pct', 'status', 'citation', 'note', 'source_id'], markups);

  // ---- rules ----
  const rules = readCsvObjects(join(dir, 'rules.csv')).map((r) => {
    if (!STATUSES.has(r['status'] ?? '')) throw new Error(`rules.csv: status ${r['status']} for ${r['rule']}`);
    if (!Number.isFinite(Number(r['value']))) throw new Error(`rules.csv: value ${r['value']} for ${r['rule']}`);
    const source = (r['citation'] ?? '').includes('2003/87/EC') ? SRC_ETS : SRC_CBAM;
    return [r['rule'] ?? '', r['key'] ?? '', Number(r['value']), r['unit'] ?? '', r['citation'] ?? '', r['status'] ?? '', r['note'] ?? '', source];
  });
  const nRules = writeCsv(join(out, 'rules.csv'), ['rule', 'key', 'value', 'unit', 'citation', 'status', 'note', 'source_id'], rules);

  const count = (s: string): number => defaultRows.filter((r) => r[6] === s).length;
  const crossChecked = defaultRows.filter((r) => String(r[8]).startsWith('direct, indirect and total agree')).length;
  ctx.log(`cbam: ${nGoods} goods (${headings} headings without a value for China), ${nDefaults} default values ` +
    `(${count('verified')} verified, ${count('secondary')} secondary, ${crossChecked} agreeing with an independent parse), ${nMarkups} mark-ups, ${nRules} rules ` +
    `(${rules.filter((r) => r[5] === 'verified').length} verified); every default's direct + indirect = total within 0.01`);
  return [
    { name: 'cbam.goods', file: 'cbam/goods.csv', rows: nGoods, sources: [SRC_DEFAULTS, SRC_CBAM] },
    { name: 'cbam.defaults', file: 'cbam/defaults.csv', rows: nDefaults, sources: [SRC_DEFAULTS] },
    { name: 'cbam.markups', file: 'cbam/markups.csv', rows: nMarkups, sources: [SRC_DEFAULTS] },
    { name: 'cbam.rules', file: 'cbam/rules.csv', rows: nRules, sources: [SRC_CBAM, SRC_ETS] },
  ];
}
