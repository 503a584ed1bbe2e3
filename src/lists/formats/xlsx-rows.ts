import { type XmlNode, xmlRecords } from './xml-records.ts';
import { zipEntryChunks } from './zip-entry.ts';

/** Visible text of a shared string or inline string: every <t>, skipping phonetic runs (<rPh>). */
function cellText(node: XmlNode): string {
  if (node.name === 'rPh') return '';
  if (node.name === 't') return node.text;
  return node.children.map(cellText).join('');
}

/**
 * The shared-string table of an XLSX. It must be held in memory: sheet cells refer to strings by index, and
 * Excel writers put the worksheet before sharedStrings.xml in the zip, so no single pass can resolve them.
 * It is each distinct string once (36,665 strings, ~4 MB of XML for the April 2025 ConList), not the rows.
 */
export async function sharedStrings(file: string): Promise<string[]> {
  const strings: string[] = [];
  const chunks = zipEntryChunks(file, 'xl/sharedStrings.xml');
  for await (const si of xmlRecords(chunks, { isRecord: (name) => name === 'si' }, `${file}!sharedStrings`)) {
    strings.push(cellText(si));
  }
  return strings;
}

function columnIndex(ref: string): number | undefined {
  const letters = /^([A-Z]+)\d*$/.exec(ref)?.[1];
  if (!letters) return undefined;
  let index = 0;
  for (const ch of letters) index = index * 26 + (ch.charCodeAt(0) - 64);
  return index - 1;
}

/**
 * Streams the first worksheet as arrays of cell strings (blank cells as ''), one per <row>. Only the text that
 * a CSV export would carry is produced: shared and inline strings as written, numbers as their stored digits.
 */
export async function* xlsxRows(file: string, strings: string[]): AsyncGenerator<string[]> {
  const label = `${file}!sheet1`;
  const rows = xmlRecords(
    zipEntryChunks(file, 'xl/worksheets/sheet1.xml'),
    { isRecord: (n) => n === 'row' },
    label,
  );
  for await (const row of rows) {
    const cells: string[] = [];
    for (const c of row.children) {
      if (c.name !== 'c') continue;
      const index = columnIndex(c.attrs.r ?? '') ?? cells.length;
      const type = c.attrs.t;
      const v = c.children.find((n) => n.name === 'v')?.text ?? '';
      let value: string;
      if (type === 's') {
        const s = strings[Number(v)];
        if (s === undefined)
          throw new Error(`${label}: cell ${c.attrs.r} points at missing shared string ${v}`);
        value = s;
      } else if (type === 'inlineStr') {
        value = c.children
          .filter((n) => n.name === 'is')
          .map(cellText)
          .join('');
      } else value = v;
      while (cells.length < index) cells.push('');
      cells[index] = value;
    }
    yield cells;
  }
}
