import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** A page rendered to pixels (RGB, row-major). */
export interface PageImage {
  readonly width: number;
  readonly height: number;
  readonly rgb: Buffer;
}

function need(tool: string, pkg: string): void {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' });
  } catch {
    throw new Error(`${tool} is not installed: install Debian's ${pkg} (see .ci/run)`);
  }
}

/** The PDF's text layer (poppler's pdftotext), pages separated by form feeds. */
export function pdfText(file: string): string {
  need('pdftotext', 'poppler-utils');
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
}

/** Fonts the PDF uses, with whether each is embedded (poppler's pdffonts). */
export function pdfFonts(file: string): { name: string; embedded: boolean }[] {
  need('pdffonts', 'poppler-utils');
  const lines = execFileSync('pdffonts', [file]).toString('utf8').split('\n').slice(2).filter((l) => l.trim());
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    return { name: cols[0] ?? '', embedded: cols.at(-5) === 'yes' };
  });
}

function parsePpm(buf: Buffer): PageImage {
  // P6 header: magic, width, height, maxval, each separated by whitespace, then raw RGB bytes.
  const header: string[] = [];
  let p = 0;
  while (header.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[p] as number))) p++;
    let tok = '';
    while (!/\s/.test(String.fromCharCode(buf[p] as number))) tok += String.fromCharCode(buf[p++] as number);
    header.push(tok);
  }
  p++;
  if (header[0] !== 'P6') throw new Error(`not a binary PPM (${header[0]})`);
  return { width: Number(header[1]), height: Number(header[2]), rgb: buf.subarray(p) };
}

/**
 * Renders every page of a PDF with poppler's pdftoppm: PNG files (for people to look at) under `pngDir` named
 * `<prefix>-N.png`, and the pixels of each page for checks.
 */
export function pdfPages(file: string, dpi: number, png?: { dir: string; prefix: string }): PageImage[] {
  need('pdftoppm', 'poppler-utils');
  const dir = mkdtempSync(join(tmpdir(), 'ftzlab-pdf-'));
  try {
    execFileSync('pdftoppm', ['-r', String(dpi), file, join(dir, 'page')]);
    if (png) execFileSync('pdftoppm', ['-r', String(dpi), '-png', file, join(png.dir, png.prefix)]);
    return readdirSync(dir).filter((f) => f.endsWith('.ppm')).sort().map((f) => parsePpm(readFileSync(join(dir, f))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Pixels within `tolerance` (per channel) of a colour. */
export function countColour(img: PageImage, [r, g, b]: readonly [number, number, number], tolerance = 24): number {
  let n = 0;
  for (let i = 0; i + 2 < img.rgb.length; i += 3) {
    if (Math.abs((img.rgb[i] as number) - r) <= tolerance && Math.abs((img.rgb[i + 1] as number) - g) <= tolerance && Math.abs((img.rgb[i + 2] as number) - b) <= tolerance) n++;
  }
  return n;
}

/** Converts a Word document to PDF with LibreOffice (a separate renderer from the one that wrote it). */
export function docxToPdf(docx: string, outDir: string): string {
  need('soffice', 'libreoffice-writer-nogui');
  const profile = mkdtempSync(join(tmpdir(), 'ftzlab-lo-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docx], { stdio: 'pipe', timeout: 120_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const pdf = join(outDir, basename(docx).replace(/\.docx$/, '.pdf'));
  if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${docx}`);
  return pdf;
}
