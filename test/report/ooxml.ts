/**
 * Just enough WordprocessingML reading to check a generated table: normalise document.xml for a golden
 * comparison, and pull out each cell's text, span and borders. The XML comes from the docx package, so
 * regular expressions over its fixed serialisation are enough (no nested tables, no mixed content).
 */

const VOLATILE = / (?:w:rsid\w*|w14:paraId|w14:textId|w:id|r:id|wp14:anchorId|wp14:editId)="[^"]*"/g;

function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The body only (no namespace declarations), volatile ids stripped, one element per line, indented. */
export function normaliseDocumentXml(xml: string): string {
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(xml)?.[1];
  if (body === undefined) throw new Error('no <w:body> in document.xml');
  const tokens = body.replace(VOLATILE, '').split(/(<[^>]+>)/).filter((t) => t !== '');
  const lines: string[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    const next = tokens[i + 1];
    const after = tokens[i + 2];
    if (t.startsWith('</')) {
      depth--;
      lines.push(`${'  '.repeat(depth)}${t}`);
    } else if (t.startsWith('<') && t.endsWith('/>')) {
      lines.push(`${'  '.repeat(depth)}${t}`);
    } else if (t.startsWith('<') && next !== undefined && !next.startsWith('<') && after?.startsWith('</')) {
      lines.push(`${'  '.repeat(depth)}${t}${next}${after}`);
      i += 2;
    } else if (t.startsWith('<')) {
      lines.push(`${'  '.repeat(depth)}${t}`);
      depth++;
    } else {
      lines.push(`${'  '.repeat(depth)}${t}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export interface Border {
  readonly val: string;
  readonly sz: number;
}

export interface DocxCell {
  readonly text: string;
  readonly span: number;
  readonly align: string | null;
  readonly borders: Readonly<Record<string, Border>>;
  readonly fonts: readonly string[];
}

function attr(tag: string, name: string): string | null {
  return new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
}

function borders(xml: string, container: string): Record<string, Border> {
  const out: Record<string, Border> = {};
  const inner = new RegExp(`<${container}>([\\s\\S]*?)</${container}>`).exec(xml)?.[1] ?? '';
  for (const m of inner.matchAll(/<w:(\w+) ([^>]*)\/>/g)) out[m[1] as string] = { val: attr(m[2] as string, 'w:val') ?? '', sz: Number(attr(m[2] as string, 'w:sz') ?? 0) };
  return out;
}

/** The table-level borders (`w:tblBorders`) of the first table. */
export function tableBorders(xml: string): Record<string, Border> {
  const tbl = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml)?.[0] ?? '';
  return borders(tbl, 'w:tblBorders');
}

/** Rows of cells of the first table in document.xml. */
export function docxTableCells(xml: string): DocxCell[][] {
  const tbl = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml)?.[0];
  if (tbl === undefined) throw new Error('no table in document.xml');
  return [...tbl.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((tr) =>
    [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc): DocxCell => {
      const x = tc[0];
      return {
        text: decode([...x.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
        span: Number(attr(/<w:gridSpan [^>]*>/.exec(x)?.[0] ?? '', 'w:val') ?? 1),
        align: attr(/<w:jc [^>]*>/.exec(x)?.[0] ?? '', 'w:val'),
        borders: borders(x, 'w:tcBorders'),
        fonts: [...x.matchAll(/<w:rFonts ([^>]*)\/>/g)].map((m) => `${attr(m[1] as string, 'w:ascii')}/${attr(m[1] as string, 'w:eastAsia')}`),
      };
    }),
  );
}

/** Text of every paragraph outside tables. */
export function bodyParagraphs(xml: string): string[] {
  const outside = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  return [...outside.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((p) => decode([...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')));
}
