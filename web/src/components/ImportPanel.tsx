/** Import a file from the browser as a new dataset version; its region–year series join the indicator list. */
import { useState, type FormEvent } from 'react';
import type { DatasetSummary } from '../../../src/server/apiTypes.js';
import { ApiError, postFile } from '../api.js';
import { useLang } from '../lang.js';
import { useInvalidate } from '../useApi.js';

interface ImportAnswer {
  readonly dataset: DatasetSummary;
  readonly warnings: readonly { code: string; message: { zh: string; en: string } }[];
  readonly observations: number;
  readonly indicators: readonly string[];
}

/** A dataset name the server accepts, from a file name: letters, digits, CJK, _ and - only. */
function nameFromFile(file: string): string {
  const base = file.replace(/\.[^.]+$/, '').replace(/[^\p{L}\p{N}_-]+/gu, '_').replace(/^_+|_+$/g, '');
  return (base || 'dataset').slice(0, 64);
}

export function ImportPanel({ onImported }: { readonly onImported: (indicator: string | null) => void }) {
  const { lang, t } = useLang();
  const invalidate = useInvalidate();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [encoding, setEncoding] = useState('auto');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<ImportAnswer | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file || !name) return;
    setBusy(true);
    setError(null);
    setDone(null);
    const q = new URLSearchParams({ dataset: name, file_name: file.name, encoding });
    try {
      const answer = await postFile<ImportAnswer>(`api/datasets?${q}`, file, lang);
      setDone(answer);
      invalidate(['api/indicators', 'api/datasets', 'api/observations']);
      onImported(answer.indicators[0] ?? null);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(String(err), 'client.unknown', 0));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="import-panel" data-testid="import-panel">
      <summary>{t('import.title')}</summary>
      <form onSubmit={(e) => void submit(e)}>
        <p className="muted small">{t('import.help')}</p>
        <label className="control control-block">
          <span className="control-label">{t('import.file')}</span>
          <input
            type="file"
            accept=".csv,.tsv,.txt,.xlsx,.parquet"
            data-testid="import-file"
            onChange={(e) => {
              const f = e.target.files?.[0] ?? null;
              setFile(f);
              if (f) setName(nameFromFile(f.name));
            }}
          />
        </label>
        <label className="control control-block">
          <span className="control-label">{t('import.name')}</span>
          <input type="text" value={name} maxLength={64} data-testid="import-name" onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="control control-block">
          <span className="control-label">{t('import.encoding')}</span>
          <select value={encoding} onChange={(e) => setEncoding(e.target.value)} data-testid="import-encoding">
            <option value="auto">{t('import.encodingAuto')}</option>
            <option value="utf8">UTF-8</option>
            <option value="gbk">GBK / GB18030</option>
          </select>
        </label>
        <button type="submit" className="btn" disabled={!file || !name || busy} data-testid="import-submit">
          {busy ? t('import.busy') : t('import.submit')}
        </button>
        {error && (
          <div className="state state-error" role="alert" data-testid="import-error">
            <span className="state-message">{error.message}</span>
            {error.code && <code className="state-code">{error.code}</code>}
          </div>
        )}
        {done && (
          <div className="state" role="status" data-testid="import-done">
            {t('import.done', {
              name: done.dataset.name, version: done.dataset.version, rows: done.dataset.rows,
              indicators: done.indicators.length, encoding: done.dataset.encoding,
            })}
            {done.warnings.map((w) => (
              <div key={w.code + w.message.en} className="muted small">{lang === 'zh' ? w.message.zh : w.message.en}</div>
            ))}
          </div>
        )}
      </form>
    </details>
  );
}
