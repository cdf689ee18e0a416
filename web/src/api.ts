/** The one place the dashboard talks HTTP: relative `api/...` URLs, so it works under any base path. */
import type { ApiErrorBody, Lang } from '../../src/server/apiTypes.js';
import { localeOf, translate } from './i18n.js';

/** An API failure carrying the server's coded error, with its message already in the UI language. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(message: string, code: string, status: number, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const e = (body as { error: unknown }).error;
  return typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string';
}

/**
 * GET `path` (relative, e.g. `api/zones`) and parse JSON. The server localises error messages from
 * `Accept-Language`, so the error shown to the user is in the language of the page.
 */
async function readAnswer<T>(res: Response, lang: Lang): Promise<T> {
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!res.ok) {
    if (isErrorBody(body)) throw new ApiError(body.error.message, body.error.code, res.status, body.error.details);
    throw new ApiError(translate(lang, 'state.httpError', { status: res.status }), `http.${res.status}`, res.status);
  }
  if (body === null) throw new ApiError(translate(lang, 'state.httpError', { status: res.status }), 'client.bad_json', res.status, text.slice(0, 200));
  return body as T;
}

/**
 * GET `path` (relative, e.g. `api/zones`) and parse JSON. The server localises error messages from
 * `Accept-Language`, so the error shown to the user is in the language of the page.
 */
export async function getJson<T>(path: string, lang: Lang, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { Accept: 'application/json', 'Accept-Language': localeOf(lang) }, ...(signal ? { signal } : {}) });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(translate(lang, 'state.networkError'), 'client.network', 0, String(cause));
  }
  return readAnswer<T>(res, lang);
}

/** POST a file's bytes as the request body (the import route reads the file name from the query). */
export async function postFile<T>(path: string, file: Blob, lang: Lang): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      body: file,
      headers: { Accept: 'application/json', 'Accept-Language': localeOf(lang), 'Content-Type': 'application/octet-stream' },
    });
  } catch (cause) {
    throw new ApiError(translate(lang, 'state.networkError'), 'client.network', 0, String(cause));
  }
  return readAnswer<T>(res, lang);
}

async function postJsonRequest(path: string, body: unknown, lang: Lang, accept: string, signal?: AbortSignal): Promise<Response> {
  try {
    return await fetch(path, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { Accept: accept, 'Accept-Language': localeOf(lang), 'Content-Type': 'application/json' },
      ...(signal ? { signal } : {}),
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(translate(lang, 'state.networkError'), 'client.network', 0, String(cause));
  }
}

/** POST `body` as JSON and parse the JSON answer (the index run takes its spec this way). */
export async function postJson<T>(path: string, body: unknown, lang: Lang, signal?: AbortSignal): Promise<T> {
  return readAnswer<T>(await postJsonRequest(path, body, lang, 'application/json', signal), lang);
}

/** A file the server produced, with the name it suggested in `Content-Disposition`. */
export interface DownloadedFile {
  readonly blob: Blob;
  readonly fileName: string;
}

function fileNameOf(res: Response, fallback: string): string {
  const header = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain?.[1] ?? fallback;
}

/** POST `body` as JSON and read the answer as a file (XLSX/DOCX exports); errors come back as coded JSON. */
export async function postForFile(path: string, body: unknown, lang: Lang, fallbackName: string): Promise<DownloadedFile> {
  const res = await postJsonRequest(path, body, lang, '*/*');
  if (!res.ok) await readAnswer<unknown>(res, lang);
  return { blob: await res.blob(), fileName: fileNameOf(res, fallbackName) };
}

/** Hand a file to the browser's download manager. */
export function saveFile(file: DownloadedFile): void {
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // the click starts the download synchronously; revoke once the browser has taken the blob
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
