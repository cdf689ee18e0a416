/** Download the run's tables as XLSX or DOCX (three-line tables), in the UI language. */
import { useState } from 'react';
import { ApiError, postForFile, saveFile } from '../../api.js';
import { useLang } from '../../lang.js';
import { ErrorBox } from '../States.js';
import type { IndexRequest } from './spec.js';

type Format = 'xlsx' | 'docx';

export function ExportButtons({ request }: { readonly request: IndexRequest }) {
  const { lang, t } = useLang();
  const [busy, setBusy] = useState<Format | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const download = async (format: Format) => {
    setBusy(format);
    setError(null);
    try {
      const file = await postForFile(`api/index/export?format=${format}&lang=${lang}`, request, lang, `nqpf-index.${format}`);
      saveFile(file);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(String(e), 'client.unknown', 0));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="export" data-testid="index-export">
      <span className="control-label">{t('index.export')}</span>
      <button type="button" className="btn" data-testid="export-xlsx" disabled={busy !== null} onClick={() => void download('xlsx')}>
        ⤓ {t('index.exportXlsx')}
      </button>
      <button type="button" className="btn" data-testid="export-docx" disabled={busy !== null} onClick={() => void download('docx')}>
        ⤓ {t('index.exportDocx')}
      </button>
      {busy ? (
        <span className="state-inline" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('index.exporting')}
        </span>
      ) : (
        <span className="muted small">{t('index.exportHint')}</span>
      )}
      {error && <ErrorBox error={error} />}
    </div>
  );
}
