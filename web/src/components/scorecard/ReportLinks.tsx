/**
 * The zone's report in four formats, in the page's language. With the baseline settings it is a plain download
 * link; once a what-if is applied, the report is asked for with those settings (POST) and saved from the reply.
 */
import { useState } from 'react';
import type { MessageKey } from '../../i18n.js';
import { useLang } from '../../lang.js';

const FORMATS: readonly { readonly format: string; readonly label: MessageKey }[] = [
  { format: 'docx', label: 'scorecard.reportDocx' },
  { format: 'xlsx', label: 'scorecard.reportXlsx' },
  { format: 'html', label: 'scorecard.reportHtml' },
  { format: 'pdf', label: 'scorecard.reportPdf' },
];

async function download(spec: Readonly<Record<string, unknown>>, lang: string, format: string): Promise<void> {
  const res = await fetch('api/report', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': lang === 'zh' ? 'zh-CN' : 'en' },
    body: JSON.stringify({ ...spec, lang, format }),
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `report.${format}`;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ReportLinks({ zone, spec }: { readonly zone: string; readonly spec?: Readonly<Record<string, unknown>> | null }) {
  const { lang, t } = useLang();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="export sc-report" data-testid="sc-report">
      <span className="control-label">{t('scorecard.report')}</span>
      {FORMATS.map(({ format, label }) => spec ? (
        <button
          key={format}
          type="button"
          className="btn"
          data-testid={`sc-report-${format}`}
          disabled={busy !== null}
          onClick={() => {
            setBusy(format);
            setError(null);
            download(spec, lang, format).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e))).finally(() => setBusy(null));
          }}
        >
          {busy === format ? '…' : '⤓'} {t(label)}
        </button>
      ) : (
        <a
          key={format}
          className="btn"
          data-testid={`sc-report-${format}`}
          href={`api/report?${new URLSearchParams({ zone, lang, format }).toString()}`}
          download
        >
          ⤓ {t(label)}
        </a>
      ))}
      <span className="muted small">{t(spec ? 'scorecard.reportHintApplied' : 'scorecard.reportHint')}</span>
      {error && <span className="error small" role="alert">{error}</span>}
    </div>
  );
}
