import type { Locale } from '../core/locale.js';
import type { Backend } from './backend.js';

/** What every command gets: the language, the output streams and the backend (opened on first use). */
export class CliContext {
  private backendPromise: Promise<Backend> | undefined;

  constructor(
    readonly locale: Locale,
    readonly stdout: (text: string) => void,
    readonly stderr: (text: string) => void,
  ) {}

  /** zh or en text, chosen by the user's locale */
  t(zh: string, en: string): string {
    return this.locale === 'zh-CN' ? zh : en;
  }

  log(message: string): void {
    this.stderr(`${message}\n`);
  }

  json(value: unknown): void {
    this.stdout(JSON.stringify(value, null, 2) + '\n');
  }

  backend(): Promise<Backend> {
    // The backend (DuckDB and every analysis) loads on first use, so `did …` and `--help` start fast.
    this.backendPromise ??= import('./backend.js').then((b) => b.openBackend(this.locale, (m) => this.log(m)));
    return this.backendPromise;
  }

  async close(): Promise<void> {
    if (this.backendPromise) (await this.backendPromise.catch(() => undefined))?.close();
  }
}
