/**
 * One zone's scorecard ("one base, two wings, three focal points"): the items of each part with rank, interval,
 * trend and source, the figures, and a what-if on the index weights or a saved negative-list scenario against the
 * baseline. Everything shown comes from the server's Result; the page only lays it out.
 */
import { useMemo, useRef, useState } from 'react';
import type { SourceCitation } from '../../../src/core/result.js';
import type { ZoneSummary, ZonesResponse } from '../../../src/server/apiTypes.js';
import { PageTitle } from '../components/PageTitle.js';
import { ErrorBox } from '../components/States.js';
import { ProvenanceSources } from '../components/index/ProvenanceSources.js';
import { Field } from '../components/index/SpecForm.js';
import { ConventionsDetails, ScorecardWarnings } from '../components/scorecard/ConventionsDetails.js';
import { PartSection } from '../components/scorecard/PartSection.js';
import { ReportLinks } from '../components/scorecard/ReportLinks.js';
import type { ScorecardRequest } from '../components/scorecard/scorecard.js';
import { ScorecardFigures } from '../components/scorecard/ScorecardFigures.js';
import { RESULT_PATH, changedItems, num, partsOf, tableRows, text, type Result, type ScenariosResponse } from '../components/scorecard/scorecard.js';
import { useBasemap } from '../components/scorecard/useBasemap.js';
import { WhatIfPanel, type Dimension } from '../components/scorecard/WhatIfPanel.js';
import { WhatIfTable } from '../components/scorecard/WhatIfTable.js';
import { DEFAULT_FORM, whatIfRequest, type WhatIfForm } from '../components/scorecard/whatIfForm.js';
import { usePost } from '../components/structure/usePost.js';
import { useLang } from '../lang.js';
import { hrefOf, type Route } from '../route.js';
import { useApi } from '../useApi.js';
import '../components/scorecard/scorecard.css';

type ScorecardRoute = Extract<Route, { page: 'scorecard' }>;

// the zone, the form and an applied what-if outlive a visit to another page, as the index page's form does
let rememberedZone: string | null = null;
let rememberedForm: WhatIfForm = DEFAULT_FORM;
let rememberedApplied: WhatIfForm | null = null;

function ScorecardLoading() {
  const { t } = useLang();
  return (
    <div className="state state-loading" role="status" aria-live="polite" data-testid="sc-loading">
      <span className="spinner" aria-hidden="true" />
      {t('scorecard.loading')}
    </div>
  );
}

function ScorecardBody({ zone, result, whatIf, busy, zones, form, setForm, applied, setApplied, running }: {
  readonly zone: string;
  readonly result: Result;
  readonly whatIf: Result | null;
  readonly busy: boolean;
  readonly zones: ReadonlyMap<string, ZoneSummary>;
  readonly form: WhatIfForm;
  readonly setForm: (f: WhatIfForm) => void;
  readonly applied: WhatIfForm | null;
  readonly setApplied: (f: WhatIfForm | null) => void;
  readonly running: boolean;
}) {
  const { lang } = useLang();
  const { basemap, state: basemapState } = useBasemap();
  const scenarios = useApi<ScenariosResponse>('api/neglist/scenarios');
  const shown = whatIf ?? result;
  const parts = useMemo(() => partsOf(shown, lang), [shown, lang]);
  const changed = useMemo(() => changedItems(whatIf), [whatIf]);
  const citations = useMemo(() => new Map<string, SourceCitation>(shown.provenance.sources.map((s) => [s.id, s])), [shown]);
  const dimensions = useMemo<Dimension[]>(
    () => tableRows(shown, 'index_dimension_weights').map((r) => ({ code: text(r['code']), name: text(lang === 'zh' ? r['name_zh'] : r['name_en']), weight: num(r['weight']) ?? Number.NaN })),
    [shown, lang],
  );
  return (
    <>
      <WhatIfPanel
        form={form}
        onChange={setForm}
        dimensions={dimensions}
        scenarios={scenarios}
        running={running}
        applied={applied !== null}
        onApply={() => setApplied(form)}
        onReset={() => {
          setForm(DEFAULT_FORM);
          setApplied(null);
        }}
      />
      {whatIf && <WhatIfTable result={whatIf} />}
      <div className={busy ? 'sc-results busy' : 'sc-results'} data-testid="sc-results" data-what-if={whatIf ? 'true' : 'false'}>
        {shown.warnings.length > 0 && (
          <div className="panel sc-warnings-panel">
            <ScorecardWarnings result={shown} />
          </div>
        )}
        {parts.map((p) => (
          <PartSection key={p.code} part={p} zones={zones} citations={citations} changed={changed} />
        ))}
        <ScorecardFigures result={shown} basemap={basemap} basemapState={basemapState} fileStem={`scorecard-${zone}`} />
        <ConventionsDetails result={shown} />
        <section className="panel">
          <ProvenanceSources sources={shown.provenance.sources} testId="sc-sources" />
        </section>
      </div>
    </>
  );
}

export function ScorecardPage({ route }: { readonly route: ScorecardRoute }) {
  const { lang, t } = useLang();
  const zonesState = useApi<ZonesResponse>('api/zones');
  const list = useMemo(() => (zonesState.status === 'ok' ? zonesState.data.zones : []), [zonesState.status, zonesState.data]);
  const zones = useMemo(() => new Map(list.map((z) => [z.id, z])), [list]);
  const zone = route.zone ?? rememberedZone ?? list[0]?.id ?? null;
  if (route.zone) rememberedZone = route.zone;

  const [form, setFormState] = useState<WhatIfForm>(rememberedForm);
  const [applied, setAppliedState] = useState<WhatIfForm | null>(rememberedApplied);
  const setForm = (f: WhatIfForm) => {
    rememberedForm = f;
    setFormState(f);
  };
  const setApplied = (f: WhatIfForm | null) => {
    rememberedApplied = f;
    setAppliedState(f);
  };

  const baseline = usePost<Result>(RESULT_PATH, zone ? { zone } : null);
  const request = applied && zone ? whatIfRequest(applied, zone) : null;
  const whatIf = usePost<Result>(RESULT_PATH, request);
  const running = request !== null && whatIf.status === 'loading';
  // while a new what-if runs, the previous one stays on screen (dimmed) rather than the page jumping back
  const lastWhatIf = useRef<{ readonly zone: string; readonly data: Result } | null>(null);
  if (!request) lastWhatIf.current = null;
  else if (whatIf.status === 'ok' && zone) lastWhatIf.current = { zone, data: whatIf.data };
  const shownWhatIf = !request ? null : whatIf.status === 'ok' ? whatIf.data : running && lastWhatIf.current?.zone === zone ? lastWhatIf.current.data : null;

  const current = zone ? zones.get(zone) : undefined;
  const zoneName = current ? (lang === 'zh' ? current.name_zh : current.name_en) : (zone ?? '');
  const onZone = (id: string) => {
    rememberedZone = id;
    window.location.hash = hrefOf({ page: 'scorecard', zone: id });
  };

  return (
    <div className="page sc-page" data-testid="scorecard-page" data-zone={zone ?? ''}>
      <PageTitle title={zone ? t('scorecard.titleZone', { zone: zoneName }) : t('scorecard.title')} />
      <p className="lead">{t('scorecard.lead')}</p>
      <div className="panel sc-toolbar">
        <Field label={t('scorecard.zone')}>
          <select className="select" data-testid="sc-zone" value={zone ?? ''} disabled={list.length === 0} onChange={(e) => onZone(e.target.value)}>
            {list.map((z) => (
              <option key={z.id} value={z.id}>
                {lang === 'zh' ? z.name_zh : z.name_en}
              </option>
            ))}
          </select>
        </Field>
        {zone && (
          <div className="sc-links">
            <a href={hrefOf({ page: 'zone', id: zone })} data-testid="sc-zone-link">
              {t('scorecard.zonePage')} →
            </a>
            <a href={hrefOf({ page: 'compare' })} data-testid="sc-compare-link">
              {t('scorecard.compareLink')} →
            </a>
          </div>
        )}
        {zone && <ReportLinks zone={zone} spec={request ? reportSpec(request) : null} />}
      </div>
      {zonesState.status === 'error' && <ErrorBox error={zonesState.error} onRetry={zonesState.retry} />}
      {baseline.status === 'error' && <ErrorBox error={baseline.error} onRetry={baseline.retry} />}
      {whatIf.status === 'error' && request && (
        <div data-testid="sc-whatif-error">
          <ErrorBox error={whatIf.error} onRetry={whatIf.retry} title={t('scorecard.whatIf.failed')} />
        </div>
      )}
      {baseline.status === 'loading' && <ScorecardLoading />}
      {zone && baseline.status === 'ok' && (
        <ScorecardBody
          zone={zone}
          result={baseline.data}
          whatIf={shownWhatIf}
          busy={running}
          zones={zones}
          form={form}
          setForm={setForm}
          applied={applied}
          setApplied={setApplied}
          running={running}
        />
      )}
    </div>
  );
}

/** The applied what-if as a report spec: the same settings, without the what-if flag. */
function reportSpec(request: ScorecardRequest): Record<string, unknown> {
  return Object.fromEntries(Object.entries(request).filter(([k]) => k !== 'whatIf'));
}
