import { parse } from 'csv-parse/sync';
import { strToU8, zipSync } from 'fflate';

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * Builds a minimal XLSX holding the cells of a CSV, the way Excel writers lay it out: the worksheet before
 * sharedStrings.xml in the zip, blank cells left out, every text cell a shared string (one as inline string
 * and one as a rich-text run with a phonetic part, the two other ways text cells are stored).
 */
export function xlsxFromCsv(csv: string): Uint8Array {
  const rows = parse(csv, { relax_column_count: true }) as string[][];
  const strings: string[] = [];
  const index = new Map<string, number>();
  let inlineDone = false;
  const sheetRows = rows.map((cells, r) => {
    const xml = cells.map((value, c) => {
      if (value === '') return '';
      const ref = `${columnName(c)}${r + 1}`;
      if (!inlineDone && r > 1) {
        inlineDone = true;
        return `<c r="${ref}" t="inlineStr"><is><t>${xmlEscape(value)}</t></is></c>`;
      }
      if (!index.has(value)) {
        index.set(value, strings.length);
        strings.push(value);
      }
      return `<c r="${ref}" s="0" t="s"><v>${index.get(value)}</v></c>`;
    });
    return `<row r="${r + 1}">${xml.join('')}</row>`;
  });
  const si = strings.map((s, i) =>
    i === 0
      ? `<si><r><t>${xmlEscape(s)}</t></r><rPh><t>ignored</t></rPh></si>`
      : `<si><t xml:space="preserve">${xmlEscape(s)}</t></si>`,
  );
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
    'xl/worksheets/sheet1.xml': strToU8(
      `\uFEFF<?xml version="1.0" encoding="utf-8"?><worksheet ${ns}><sheetData>${sheetRows.join('')}</sheetData></worksheet>`,
    ),
    'xl/sharedStrings.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><sst ${ns} count="${si.length}">${si.join('')}</sst>`,
    ),
  });
}
