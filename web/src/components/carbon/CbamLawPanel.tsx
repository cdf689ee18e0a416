/**
 * The law rows behind the calculation, folded away: those used and those left out because they are not
 * verified, each with its legal citation and verification status.
 */
import type { LawRow } from '../../../../src/analyses/carbon/cbamLaw.js';
import { useLang } from '../../lang.js';
import { exact } from './cbamFormat.js';
import { productGroupLabel, ruleLabel } from './labels.js';
import { LawStatusBadge } from './LawStatusBadge.js';

function LawTable({ rows, caption, testId }: { readonly rows: readonly LawRow[]; readonly caption: string; readonly testId: string }) {
  const { lang, t } = useLang();
  return (
    <div className="table-scroll table-wide-nomax" data-testid={testId}>
      <table className="table cbam-law-table">
        <caption>
          {caption} ({rows.length})
        </caption>
        <thead>
          <tr>
            <th>{t('cbam.col.rule')}</th>
            <th>{t('cbam.col.key')}</th>
            <th className="num">{t('cbam.col.value')}</th>
            <th className="wrap">{t('cbam.col.citation')}</th>
            <th className="wrap">{t('cbam.col.note')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                {t('cbam.lawNone')}
              </td>
            </tr>
          )}
          {rows.map((r, i) => (
            <tr key={`${r.rule}|${r.key}|${i}`} data-rule={r.rule}>
              <td>{ruleLabel(r.rule, t)}</td>
              <td>{r.rule === 'markup_pct' || r.rule === 'de_minimis_excluded' || r.rule === 'direct_only' ? productGroupLabelOf(r.key, t) : r.key}</td>
              <td className="num">
                {exact(r.value, lang)}
                {r.unit && <span className="muted small"> {r.unit}</span>}
              </td>
              <td className="wrap">
                <div className="cbam-citation">
                  <div className="citation">{r.citation}</div>
                  <LawStatusBadge status={r.status} />
                </div>
              </td>
              <td className="wrap cbam-note">{r.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A mark-up key reads `Cement from 2026`: the group is translated, the year kept. */
function productGroupLabelOf(key: string, t: ReturnType<typeof useLang>['t']): string {
  const m = /^(.*) from (\d{4})$/.exec(key);
  if (!m) return productGroupLabel(key, t);
  return `${productGroupLabel(m[1] ?? '', t)} · ${m[2]}–`;
}

export function CbamLawPanel({ law }: { readonly law: { readonly used: readonly LawRow[]; readonly not_used: readonly LawRow[] } }) {
  const { t } = useLang();
  return (
    <details className="panel cbam-law" data-testid="cbam-law">
      <summary className="panel-title">{t('cbam.lawTitle', { used: law.used.length, notUsed: law.not_used.length })}</summary>
      <p className="muted small result-lead">{t('cbam.lawLead')}</p>
      <LawTable rows={law.used} caption={t('cbam.lawUsed')} testId="cbam-law-used" />
      <LawTable rows={law.not_used} caption={t('cbam.lawNotUsed')} testId="cbam-law-not-used" />
    </details>
  );
}
