import { existsSync } from 'node:fs';
import { FtzError } from '../../core/errors.js';

/** Where the headless browser that prints PDFs is: FTZLAB_CHROMIUM, else Debian's chromium. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.FTZLAB_CHROMIUM ?? '/usr/bin/chromium';
}

/**
 * Prints an HTML report to PDF with headless Chromium, which embeds the (subset) fonts the page uses, CJK
 * included; page numbers in the footer. The browser is loaded only when a PDF is asked for.
 */
export async function htmlToPdf(html: string, options: { title: string; chromium?: string } = { title: '' }): Promise<Buffer> {
  const path = options.chromium ?? chromiumPath();
  if (!existsSync(path)) throw new FtzError('report.no_browser', { path });
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: path,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    // The report is self-contained: refuse every request, so printing never waits on the network.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4', printBackground: true, preferCSSPageSize: true, displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="width:100%;font-size:8px;color:#777;text-align:center;font-family:sans-serif"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
    });
    return Buffer.from(pdf);
  } catch (e) {
    throw new FtzError('report.render_failed', { format: 'PDF', reason: e instanceof Error ? e.message.split('\n')[0] ?? 'unknown' : String(e) });
  } finally {
    await browser.close();
  }
}
