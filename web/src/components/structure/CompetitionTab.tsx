/**
 * Duplicate competition among the 22 zones: the similarity matrix of their industry positionings as a heatmap
 * ordered by cluster, the clusters on the map of host provinces, the most alike pairs with the industries they
 * share, and the warnings (zones not scored, unverified entries left out).
 */
import { useMemo, useRef, useState } from 'react';
import type { ZoneSimilarityOutput } from '../../../../src/analyses/structure/zoneSimilarity.js';
import type { ZoneSummary } from '../../../../src/server/apiTypes.js';
import { readBasemap } from '../../basemap.js';
import { formatFixed } from '../../format.js';
import { useLang } from '../../lang.js';
import { hrefOf } from '../../route.js';
import { useApi } from '../../useApi.js';
import { ProvenanceSources } from '../index/ProvenanceSources.js';
import { ResultPanel } from '../index/ResultPanel.js';
import { Segmented } from '../index/Segmented.js';
import { Field } from '../index/SpecForm.js';
import { ErrorBox, Loading } from '../States.js';
import { ClusterMap } from './ClusterMap.js';
import { CodeChips } from './CodeChips.js';
import { clusterColour, shortZoneName } from './labels.js';
import { heatmapOrder } from './order.js';
import { SimilarityHeatmap } from './SimilarityHeatmap.js';
import { StructureWarnings } from './StructureWarnings.js';
import { usePost } from './usePost.js';

const LEVELS = ['sei', 'gbt4754', 'io42'] as const;
const MEASURES = ['cosine', 'jaccard'] as const;

interface SimilarityForm {
  readonly level: (typeof LEVELS)[number];
  readonly measure: (typeof MEASURES)[number];
  readonly includeUnverified: boolean;
  /** as typed */
  readonly clusters: string;
}

let rememberedForm: SimilarityForm = { level: 'gbt4754', measure: 'cosine', includeUnverified: false, clusters: '5' };

function clustersOf(text: string): number | null {
  const v = Number(text);
  return text.trim() !== '' && Number.isInteger(v) && v >= 1 && v <= 22 ? v : null;
}

function PairsTable({ result }: { readonly result: ZoneSimilarityOutput }) {
  const { lang, t } = useLang();
  const byId = new Map(result.zones.map((z) => [z.id, z]));
  const name = (id: string) => {
    const z = byId.get(id);
    return z ? shortZoneName(z.name, id, lang) : id;
  };
  return (
    <div className="table-scroll table-compact" data-testid="similarity-pairs">
      <table className="table">
        <thead>
          <tr>
            <th className="num">#</th>
            <th>{t('structure.col.pair')}</th>
            <th className="num">{t(`structure.measure.${result.spec.measure}`)}</th>
            <th className="wrap">{t('structure.col.shared', { level: t(`structure.level.${result.spec.level}`) })}</th>
          </tr>
        </thead>
        <tbody>
          {result.topPairs.map((p, i) => (
            <tr key={`${p.a}-${p.b}`} data-pair={`${p.a}-${p.b}`}>
              <td className="num">{i + 1}</td>
              <td>
                <a href={hrefOf({ page: 'structure', tab: 'profile', zone: p.a })}>{name(p.a)}</a> × <a href={hrefOf({ page: 'structure', tab: 'profile', zone: p.b })}>{name(p.b)}</a>
              </td>
              <td className="num">{formatFixed(p.similarity, lang, 2)}</td>
              <td className="wrap structure-shared">
                <CodeChips level={result.spec.level} codes={p.shared} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MatrixTable({ result, order }: { readonly result: ZoneSimilarityOutput; readonly order: readonly number[] }) {
  const { lang, t } = useLang();
  const zones = order.map((i) => result.zones[i] as ZoneSimilarityOutput['zones'][number]);
  return (
    <details className="more-table" data-testid="similarity-matrix">
      <summary>{t('structure.matrixTable')}</summary>
      <div className="table-scroll table-compact">
        <table className="table structure-matrix">
          <thead>
            <tr>
              <th>{t('structure.col.zone')}</th>
              <th className="num">{t('structure.col.cluster')}</th>
              {zones.map((z) => (
                <th key={z.id} className="num" title={lang === 'zh' ? z.name.zh : z.name.en}>
                  {z.id}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {order.map((i) => {
              const z = result.zones[i] as ZoneSimilarityOutput['zones'][number];
              return (
                <tr key={z.id} data-zone={z.id}>
                  <th scope="row">{shortZoneName(z.name, z.id, lang)}</th>
                  <td className="num">{z.cluster ?? <span className="muted">{t('structure.notScored')}</span>}</td>
                  {order.map((j) => {
                    const v = result.matrix[i]?.[j];
                    return (
                      <td key={j} className="num">
                        {typeof v === 'number' ? formatFixed(v, lang, 2) : <span className="na">—</span>}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function ClusterList({ result }: { readonly result: ZoneSimilarityOutput }) {
  const { lang, t } = useLang();
  const clusters = [...new Set(result.zones.map((z) => z.cluster).filter((c): c is number => c !== null))].sort((a, b) => a - b);
  const unscored = result.zones.filter((z) => !z.scored);
  return (
    <ul className="structure-cluster-list" data-testid="similarity-clusters">
      {clusters.map((c) => (
        <li key={c} data-cluster={c}>
          <span className="swatch-dot" style={{ background: clusterColour(c) }} aria-hidden="true" /> <strong>{t('structure.clusterN', { n: c })}</strong>{' '}
          {result.zones
            .filter((z) => z.cluster === c)
            .map((z) => shortZoneName(z.name, z.id, lang))
            .join(lang === 'zh' ? '、' : ', ')}
        </li>
      ))}
      {unscored.length > 0 && (
        <li data-cluster="none">
          <span className="swatch-dot" style={{ background: clusterColour(null) }} aria-hidden="true" /> <strong>{t('structure.notScored')}</strong>{' '}
          {unscored.map((z) => shortZoneName(z.name, z.id, lang)).join(lang === 'zh' ? '、' : ', ')}
        </li>
      )}
    </ul>
  );
}

export function CompetitionTab({ zones }: { readonly zones: readonly ZoneSummary[] }) {
  const { t } = useLang();
  const [form, setFormState] = useState<SimilarityForm>(rememberedForm);
  const setForm = (next: SimilarityForm) => {
    rememberedForm = next;
    setFormState(next);
  };
  const clusters = clustersOf(form.clusters);
  const body = clusters === null ? null : { level: form.level, measure: form.measure, includeUnverified: form.includeUnverified, clusters };
  const sim = usePost<ZoneSimilarityOutput>('api/structure/similarity', body);
  // the previous matrix stays on screen, dimmed, while a new one is computed
  const last = useRef<ZoneSimilarityOutput | null>(null);
  if (sim.status === 'ok') last.current = sim.data;
  const shown = sim.status === 'ok' ? sim.data : sim.status === 'loading' ? last.current : null;
  const busy = sim.status === 'loading' && shown !== null;
  const basemapRaw = useApi<unknown>('api/basemap');
  const basemap = useMemo(() => (basemapRaw.status === 'ok' ? readBasemap(basemapRaw.data) : null), [basemapRaw.status, basemapRaw.data]);
  const order = useMemo(() => (shown ? heatmapOrder(shown) : []), [shown]);

  return (
    <>
      <div className="panel controls structure-controls" data-testid="similarity-controls">
        <Field label={t('structure.level')}>
          <Segmented label={t('structure.level')} testId="similarity-level" value={form.level} onChange={(v) => setForm({ ...form, level: v })} options={LEVELS.map((l) => ({ value: l, label: t(`structure.level.${l}`) }))} />
        </Field>
        <Field label={t('structure.measure')}>
          <Segmented label={t('structure.measure')} testId="similarity-measure" value={form.measure} onChange={(v) => setForm({ ...form, measure: v })} options={MEASURES.map((m) => ({ value: m, label: t(`structure.measure.${m}`) }))} />
        </Field>
        <Field label={t('structure.clusters')}>
          <input className="select input-number" type="number" min={1} max={22} step={1} data-testid="similarity-clusters-input" aria-invalid={clusters === null} value={form.clusters} onChange={(e) => setForm({ ...form, clusters: e.target.value })} />
        </Field>
        <label className="check">
          <input type="checkbox" data-testid="similarity-include-unverified" checked={form.includeUnverified} onChange={(e) => setForm({ ...form, includeUnverified: e.target.checked })} />
          <span>
            {t('structure.includeUnverified')}
            <span className="spec-hint block">{t('structure.includeUnverifiedHint')}</span>
          </span>
        </label>
        {clusters === null && (
          <span className="form-error" role="alert">
            {t('structure.badClusters')}
          </span>
        )}
      </div>

      {sim.status === 'error' && <ErrorBox error={sim.error} onRetry={sim.retry} />}
      {sim.status === 'loading' && body !== null && shown === null && (
        <div className="panel map-placeholder">
          <Loading />
        </div>
      )}
      {shown && (
        <div className={busy ? 'structure-results busy' : 'structure-results'} aria-busy={busy} data-testid="similarity-results">
          <StructureWarnings warnings={shown.warnings} testId="similarity-warnings" />
          <div className="structure-two structure-two-wide">
            <ResultPanel title={t('structure.heatmapTitle')} lead={t('structure.heatmapLead', { level: t(`structure.level.${shown.spec.level}`), measure: t(`structure.measure.${shown.spec.measure}`) })} testId="similarity-heatmap-panel">
              <SimilarityHeatmap result={shown} order={order} />
              <MatrixTable result={shown} order={order} />
            </ResultPanel>
            <ResultPanel title={t('structure.clusterMapTitle')} lead={t('structure.clusterMapLead')} testId="cluster-map-panel">
              {basemapRaw.status === 'error' && <ErrorBox error={basemapRaw.error} onRetry={basemapRaw.retry} />}
              {basemap ? <ClusterMap result={shown} zones={zones} basemap={basemap} /> : basemapRaw.status === 'loading' && <Loading />}
              <ClusterList result={shown} />
            </ResultPanel>
          </div>
          <ResultPanel title={t('structure.pairsTitle')} lead={t('structure.pairsLead')} testId="similarity-pairs-panel">
            <PairsTable result={shown} />
            <ProvenanceSources sources={shown.provenance.sources} testId="similarity-sources" />
          </ResultPanel>
        </div>
      )}
    </>
  );
}
