/**
 * One CBAM calculation in reading order: what was counted and how, the totals, the warnings, the chart and
 * table by product, every line with the default value and its legal citation, the mass threshold, the law
 * data used and the sources.
 */
import type { CbamExposureOutput } from '../../../../src/analyses/carbon/cbamExposure.js';
import { formatDate } from '../../format.js';
import { useLang } from '../../lang.js';
import { ProvenanceSources } from '../index/ProvenanceSources.js';
import { ResultPanel } from '../index/ResultPanel.js';
import { CarbonWarnings } from './CarbonWarnings.js';
import { CbamChart } from './CbamChart.js';
import { eur, exact, tco2 } from './cbamFormat.js';
import { CbamLawPanel } from './CbamLawPanel.js';
import { CbamLinesTable } from './CbamLinesTable.js';
import { CbamThreshold } from './CbamThreshold.js';
import { KeyFigures } from './KeyFigures.js';
import { productGroupLabel } from './labels.js';

export function CbamResults({ result, busy }: { readonly result: CbamExposureOutput; readonly busy: boolean }) {
  const { lang, t } = useLang();
  const p = result.provenance;
  const sha = result.file.sha256.slice(0, 12);
  const priced = result.totals.cost_eur !== null;
  const unverifiedUsed = result.spec.allowUnverified;
  return (
    <div className={busy ? 'index-results busy' : 'index-results'} data-testid="cbam-results" aria-busy={busy}>
      <section className="panel run-summary">
        <h2 className="panel-title" data-testid="cbam-results-title">
          {t('cbam.resultsTitle')}
        </h2>
        <p className="run-summary-line">{t('cbam.fileSummary', { file: result.file.name, rows: result.file.rows, used: result.file.rows_used })}</p>
        <p className="run-summary-line">
          {t('cbam.settingsSummary', {
            price: result.spec.price === undefined ? t('cbam.priceNone') : t('cbam.priceValue', { price: exact(result.spec.price, lang) }),
            fa: t(`cbam.fa.${result.spec.freeAllocation}`),
            law: unverifiedUsed ? t('cbam.lawUnverified') : t('cbam.lawVerifiedOnly'),
          })}
        </p>
        <KeyFigures
          testId="cbam-totals"
          figures={[
            { key: 'quantity', label: t('cbam.totalQuantity'), value: exact(result.totals.quantity_t, lang), unit: t('cbam.unitT') },
            { key: 'embedded', label: t('cbam.totalEmbedded'), value: tco2(result.totals.embedded_tco2, lang), unit: t('cbam.unitTco2') },
            { key: 'certificates', label: t('cbam.totalCertificates'), value: tco2(result.totals.certificates, lang), unit: t('cbam.unitTco2') },
            priced && result.totals.cost_eur !== null
              ? { key: 'cost', label: t('cbam.totalCost'), value: eur(result.totals.cost_eur, lang), unit: t('cbam.unitEur') }
              : { key: 'cost', label: t('cbam.totalCost'), value: t('cbam.notPriced') },
          ]}
        />
        <p className="muted small">{t('index.provenance', { version: p.package.version, date: formatDate(p.createdAt.slice(0, 10), lang), sha })}</p>
        <CarbonWarnings warnings={result.warnings} testId="cbam-warnings" />
      </section>

      <ResultPanel title={t('cbam.productsTitle')} testId="cbam-products-panel">
        <CbamChart products={result.by_product} />
        <div className="table-scroll table-compact" data-testid="cbam-products">
          <table className="table">
            <thead>
              <tr>
                <th>{t('cbam.col.cn')}</th>
                <th>{t('cbam.col.good')}</th>
                <th>{t('cbam.col.group')}</th>
                <th className="num">{t('cbam.col.quantity')}</th>
                <th className="num">{t('cbam.col.embedded')}</th>
                <th className="num">{t('cbam.col.certificates')}</th>
                <th className="num">{t('cbam.col.cost')}</th>
              </tr>
            </thead>
            <tbody>
              {result.by_product.map((b) => (
                <tr key={b.good_cn}>
                  <td className="mono">{b.good_cn}</td>
                  <td className="wrap">{b.description_en}</td>
                  <td>{productGroupLabel(b.product_group, t)}</td>
                  <td className="num">{exact(b.quantity_t, lang)}</td>
                  <td className="num">{tco2(b.embedded_tco2, lang)}</td>
                  <td className="num">{tco2(b.certificates, lang)}</td>
                  <td className="num">{b.cost_eur === null ? <span className="muted">{t('cbam.notPriced')}</span> : eur(b.cost_eur, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ResultPanel>

      <ResultPanel title={t('cbam.linesTitle')} lead={t('cbam.linesLead')} testId="cbam-lines-panel">
        <CbamLinesTable lines={result.lines} priced={priced} />
      </ResultPanel>

      <ResultPanel title={t('cbam.thresholdTitle')} testId="cbam-threshold-panel">
        <CbamThreshold result={result} />
      </ResultPanel>

      <CbamLawPanel law={result.law} />

      <section className="panel">
        <ProvenanceSources sources={p.sources} testId="cbam-sources" />
      </section>
    </div>
  );
}
