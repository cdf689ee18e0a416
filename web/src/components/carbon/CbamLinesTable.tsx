/**
 * Every line of the shipment file as calculated: the good, the basis of its emissions, the default value used
 * (before the mark-up) with its legal citation and verification status, and each step to the certificates.
 */
import type { CbamExposureLine } from '../../../../src/analyses/carbon/cbamExposure.js';
import { useLang } from '../../lang.js';
import { NoData } from '../States.js';
import { eur, exact, tco2 } from './cbamFormat.js';
import { productGroupLabel } from './labels.js';
import { LawStatusBadge } from './LawStatusBadge.js';

function DefaultCell({ line }: { readonly line: CbamExposureLine }) {
  const { lang, t } = useLang();
  const dv = line.default_value;
  if (!dv) return <NoData />;
  return (
    <span className="cbam-default">
      <span className="strong">{exact(dv.total, lang)}</span>
      <span className="muted small">
        {t('cbam.defaultParts', { direct: exact(dv.direct, lang), indirect: dv.indirect === null ? '—' : exact(dv.indirect, lang), total: exact(dv.total, lang) })}
        {dv.route && ` · ${t('cbam.route', { route: dv.route })}`}
      </span>
    </span>
  );
}

function CitationCell({ line }: { readonly line: CbamExposureLine }) {
  const { t } = useLang();
  const dv = line.default_value;
  if (!dv) return <NoData />;
  return (
    <div className="cbam-citation" data-testid="cbam-citation">
      <div className="citation">{dv.citation}</div>
      <LawStatusBadge status={dv.status} />
      {dv.checked_against && (
        <details className="source-note-more">
          <summary>{t('cbam.checkedAgainst')}</summary>
          <p>{dv.checked_against}</p>
        </details>
      )}
    </div>
  );
}

export function CbamLinesTable({ lines, priced }: { readonly lines: readonly CbamExposureLine[]; readonly priced: boolean }) {
  const { lang, t } = useLang();
  return (
    <div className="table-scroll table-wide-nomax cbam-lines" data-testid="cbam-lines">
      <table className="table">
        <thead>
          <tr>
            <th className="num">{t('cbam.col.row')}</th>
            <th>{t('cbam.col.cn')}</th>
            <th>{t('cbam.col.good')}</th>
            <th>{t('cbam.col.origin')}</th>
            <th>{t('cbam.col.year')}</th>
            <th>{t('cbam.col.declarant')}</th>
            <th className="num">{t('cbam.col.quantity')}</th>
            <th>{t('cbam.col.basis')}</th>
            <th>{t('cbam.col.default')}</th>
            <th className="wrap">{t('cbam.col.citation')}</th>
            <th className="num">{t('cbam.col.markup')}</th>
            <th className="num">{t('cbam.col.see')}</th>
            <th className="num">{t('cbam.col.embedded')}</th>
            <th className="num">{t('cbam.col.fa')}</th>
            <th className="num">{t('cbam.col.deduction')}</th>
            <th className="num">{t('cbam.col.certificates')}</th>
            <th className="num">{t('cbam.col.cost')}</th>
            <th>{t('cbam.col.exempt')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.row} data-row={l.row}>
              <td className="num">{l.row}</td>
              <td className="mono">
                {l.cn}
                {l.good_cn !== l.cn && <div className="muted small">→ {l.good_cn}</div>}
              </td>
              <td className="wrap cbam-good">
                {l.description_en}
                <div className="muted small">
                  {productGroupLabel(l.product_group, t)}
                  {!l.counts_indirect && ` · ${t('cbam.directOnly')}`}
                </div>
              </td>
              <td>{l.origin}</td>
              <td>{l.year}</td>
              <td>{l.declarant || <span className="muted">{t('cbam.noDeclarant')}</span>}</td>
              <td className="num">{exact(l.quantity_t, lang)}</td>
              <td>{t(`cbam.basis.${l.basis}`)}</td>
              <td>
                <DefaultCell line={l} />
              </td>
              <td className="wrap">
                <CitationCell line={l} />
              </td>
              <td className="num">{l.markup_pct}%</td>
              <td className="num">{exact(l.see_tco2_per_t, lang)}</td>
              <td className="num">{tco2(l.embedded_tco2, lang)}</td>
              <td className="num">{tco2(l.free_allocation_adjustment_tco2, lang)}</td>
              <td className="num">{tco2(l.carbon_price_deduction_tco2, lang)}</td>
              <td className="num strong">{tco2(l.certificates, lang)}</td>
              <td className="num">{priced && l.cost_eur !== null ? eur(l.cost_eur, lang) : <span className="muted">{t('cbam.notPriced')}</span>}</td>
              <td>{l.exempt_de_minimis ? t('cbam.yes') : t('cbam.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
