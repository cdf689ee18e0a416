import { extname, resolve } from 'node:path';
import { FtzError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import type { CliContext } from './context.js';

/**
 * Writes a Result's tables to the .xlsx or .docx file named by `--out`, with its notes (conventions,
 * sources, warnings, provenance) in the user's language. Report writers (docx, exceljs) load only when asked
 * for: they add a second to every CLI start otherwise.
 */
export async function writeTables(ctx: CliContext, result: Result, file: string, title: { zh: string; en: string }): Promise<void> {
  const path = resolve(file);
  const ext = extname(path).toLowerCase();
  if (ext !== '.docx' && ext !== '.xlsx') throw new FtzError('export.unsupported_format', { file: path, extension: ext || '(none)' });
  const lang = ctx.locale === 'zh-CN' ? 'zh' : 'en';
  const { resultNotes } = await import('../report/renderResult.js');
  const notes = resultNotes(result, lang, title);
  if (ext === '.docx') await (await import('../report/docxReport.js')).writeTablesDocx(result.tables, notes, lang, path);
  else await (await import('../report/xlsxReport.js')).writeTablesXlsx(result.tables, notes, lang, path);
  ctx.log(ctx.t(`已写入 ${path}`, `wrote ${path}`));
}
