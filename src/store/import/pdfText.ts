/**
 * The text layer of a PDF as lines, through Mozilla's PDF.js (pdfjs-dist): text items are joined in reading
 * order and a new line starts where the baseline moves or the item ends a line. A scanned PDF without a text
 * layer gives no lines (the caller then reports that no measure was found).
 */
export async function pdfTextLines(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // A copy: PDF.js takes ownership of (detaches) the buffer it is given.
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false }).promise;
  const lines: string[] = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent();
      let line = '';
      let y: number | null = null;
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const baseline = item.transform[5] as number;
        if (y !== null && Math.abs(baseline - y) > 2) {
          lines.push(line);
          line = '';
        }
        line += item.str;
        y = baseline;
        if (item.hasEOL) {
          lines.push(line);
          line = '';
          y = null;
        }
      }
      if (line) lines.push(line);
    }
  } finally {
    await doc.destroy();
  }
  return lines;
}
