/**
 * A complexity run: what was computed, the regions ranked by ECI (or fitness) with their diversity and
 * complexity outlook, and the product space: products by ubiquity and complexity, or a chosen region's
 * opportunities by density and complexity outlook gain.
 */
import { useState } from 'react';
import { formatDate, formatFixed, formatInteger } from '../../format.js';
import { useLang } from '../../lang.js';
import { ResultPanel } from '../index/ResultPanel.js';
import { Segmented } from '../index/Segmented.js';
import { KeyFigures } from '../carbon/KeyFigures.js';
import { OpportunityScatter, ProductScatter } from './ComplexityCharts.js';
import type { ComplexityOutput, ComplexityRequest } from './complexitySpec.js';

type View = 'products' | 'opportunities';

/** A number the API may send as null (a NaN on the server) or leave out. */
function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

let rememberedView: View = 'products';

export function ComplexityResults({ result, request, busy }: { readonly result: ComplexityOutput; readonly request: ComplexityRequest; readonly busy: boolean }) {
  const { lang, t } = useLang();
  const fitness = result.spec.method === 'fitness';
  const scoreName = fitness ? t('structure.cx.fitness') : t('structure.cx.eci');
  const productScoreName = fitness ? t('structure.cx.complexity') : t('structure.cx.pci');
  const ranked = result.regions
    .map((r) => ({ ...r, score: num('eci' in r ? r.eci : 'fitness' in r ? r.fitness : null), outlook: num(r.coi) }))
    .sort((a, b) => (b.score ?? Number.NEGATIVE_INFINITY) - (a.score ?? Number.NEGATIVE_INFINITY) || a.region.localeCompare(b.region));
  const products = result.products
    .map((p) => ({ product: p.product, ubiquity: p.ubiquity, complexity: num('pci' in p ? p.pci : 'complexity' in p ? p.complexity : null) }))
    .sort((a, b) => (b.complexity ?? Number.NEGATIVE_INFINITY) - (a.complexity ?? Number.NEGATIVE_INFINITY));
  const withOpportunities = result.spec.opportunities > 0;
  const [view, setViewState] = useState<View>(withOpportunities ? rememberedView : 'products');
  const setView = (v: View) => {
    rememberedView = v;
    setViewState(v);
  };
  const [chosen, setChosen] = useState<string | null>(null);
  const region = ranked.find((r) => r.region === chosen) ?? ranked[0];
  const opportunities = (region && 'opportunities' in region ? (region.opportunities ?? []) : []).map((o) => ({ product: o.product, cog: num(o.cog), density: num(o.density) }));
  const shownView: View = withOpportunities ? view : 'products';
  const sha = result.provenance.inputs[0]?.sha256.slice(0, 12) ?? '';
  const dropped = result.dropped.regions.length + result.dropped.products.length;

  return (
    <div className={busy ? 'structure-results busy' : 'structure-results'} aria-busy={busy} data-testid="complexity-results">
      <section className="panel run-summary">
        <h2 className="panel-title" data-testid="complexity-results-title">
          {t('structure.cx.resultsTitle')}
        </h2>
        <p className="run-summary-line" data-testid="complexity-summary">
          {t('structure.cx.summary', { dataset: request.dataset, version: request.version, region: request.region, product: request.product, value: request.value, method: t(`structure.cx.method.${result.spec.method}`), rca: formatFixed(result.spec.rcaThreshold, lang, 2) })}
        </p>
        <KeyFigures
          testId="complexity-counts"
          figures={[
            { key: 'regions', label: t('structure.cx.regions'), value: formatInteger(result.counts.regions, lang) },
            { key: 'products', label: t('structure.cx.products'), value: formatInteger(result.counts.products, lang) },
            { key: 'rows', label: t('structure.cx.rows'), value: formatInteger(result.counts.rows, lang) },
          ]}
        />
        {!result.identified && (
          <p className="notice" data-testid="complexity-not-identified">
            {t('structure.cx.notIdentified')}
          </p>
        )}
        {dropped > 0 && (
          <p className="notice" data-testid="complexity-dropped">
            {t('structure.cx.dropped', { regions: result.dropped.regions.join(', ') || '—', products: result.dropped.products.join(', ') || '—' })}
          </p>
        )}
        <p className="muted small">{t('index.provenance', { version: result.provenance.package.version, date: formatDate(result.provenance.createdAt.slice(0, 10), lang), sha })}</p>
      </section>

      <div className="structure-two">
        <ResultPanel title={t('structure.cx.rankingTitle', { score: scoreName })} lead={fitness ? t('structure.cx.rankingLeadFitness') : t('structure.cx.rankingLead')} testId="complexity-ranking-panel">
          <div className="table-scroll table-compact" data-testid="complexity-ranking">
            <table className="table">
              <thead>
                <tr>
                  <th className="num">#</th>
                  <th>{t('structure.cx.region')}</th>
                  <th className="num">{t('structure.cx.diversity')}</th>
                  <th className="num">{scoreName}</th>
                  <th className="num">{t('structure.cx.coi')}</th>
                </tr>
              </thead>
              <tbody>
                {ranked.map((r, i) => (
                  <tr key={r.region} data-region={r.region} className={region?.region === r.region && shownView === 'opportunities' ? 'selected' : undefined}>
                    <td className="num">{i + 1}</td>
                    <td>{r.region}</td>
                    <td className="num">{formatInteger(r.diversity, lang)}</td>
                    <td className="num">{r.score === null ? <span className="na">—</span> : formatFixed(r.score, lang, 3)}</td>
                    <td className="num">{r.outlook === null ? <span className="na" title={t('structure.cx.coiNone')}>—</span> : formatFixed(r.outlook, lang, 3)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </ResultPanel>

        <ResultPanel
          title={t('structure.cx.spaceTitle')}
          testId="complexity-space"
          actions={
            <Segmented
              label={t('structure.cx.spaceTitle')}
              testId="complexity-view"
              value={shownView}
              onChange={setView}
              options={[
                { value: 'products', label: t('structure.cx.viewProducts') },
                ...(withOpportunities ? [{ value: 'opportunities' as const, label: t('structure.cx.viewOpportunities') }] : []),
              ]}
            />
          }
        >
          {!withOpportunities && <p className="muted small">{t('structure.cx.noOpportunities')}</p>}
          {shownView === 'products' ? (
            <>
              <p className="muted small result-lead">{t('structure.cx.productsLead', { score: productScoreName })}</p>
              <ProductScatter products={products} complexityName={productScoreName} />
              <details className="more-table" data-testid="complexity-products">
                <summary>{t('structure.cx.productsTable', { n: products.length })}</summary>
                <div className="table-scroll table-compact">
                  <table className="table">
                    <thead>
                      <tr>
                        <th>{t('structure.cx.product')}</th>
                        <th className="num">{t('structure.cx.ubiquity')}</th>
                        <th className="num">{productScoreName}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {products.map((p) => (
                        <tr key={p.product} data-product={p.product}>
                          <td>{p.product}</td>
                          <td className="num">{formatInteger(p.ubiquity, lang)}</td>
                          <td className="num">{p.complexity === null ? <span className="na">—</span> : formatFixed(p.complexity, lang, 3)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </details>
            </>
          ) : (
            region && (
              <>
                <label className="control control-inline">
                  <span className="control-label">{t('structure.cx.region')}</span>
                  <select className="select select-small" data-testid="complexity-region" value={region.region} onChange={(e) => setChosen(e.target.value)}>
                    {ranked.map((r) => (
                      <option key={r.region} value={r.region}>
                        {r.region}
                      </option>
                    ))}
                  </select>
                </label>
                <p className="muted small result-lead">{t('structure.cx.opportunitiesLead')}</p>
                {opportunities.length === 0 ? (
                  <p className="muted">{t('structure.cx.noneForRegion')}</p>
                ) : (
                  <>
                    <OpportunityScatter region={region.region} opportunities={opportunities} />
                    <div className="table-scroll table-compact" data-testid="complexity-opportunities">
                      <table className="table">
                        <thead>
                          <tr>
                            <th>{t('structure.cx.product')}</th>
                            <th className="num">{t('structure.cx.cog')}</th>
                            <th className="num">{t('structure.cx.density')}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {opportunities.map((o) => (
                            <tr key={o.product} data-product={o.product}>
                              <td>{o.product}</td>
                              <td className="num">{o.cog === null ? <span className="na">—</span> : formatFixed(o.cog, lang, 3)}</td>
                              <td className="num">{o.density === null ? <span className="na">—</span> : formatFixed(o.density, lang, 3)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  </>
                )}
              </>
            )
          )}
        </ResultPanel>
      </div>
    </div>
  );
}
