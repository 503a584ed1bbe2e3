import { parsePrintedDate } from '../../printed-dates.ts';

/**
 * UK dates are dd/mm/yyyy, but an unknown day or month is printed as `00` (ConList) or as the literal `dd`/`mm`
 * (FCDO list): "00/00/1961", "dd/mm/1945", "00/05/1961". Those mean "some day in 1961", so they shrink to the
 * precision actually given instead of being dropped as invalid dates.
 */
export function ukDate(text: string): string | undefined {
  const m = /^\s*(\d{2}|dd)\/(\d{2}|mm)\/(\d{4})\s*$/i.exec(text);
  if (m) {
    const [, day, month, year] = m as unknown as [string, string, string, string];
    const unknownMonth = month === '00' || month.toLowerCase() === 'mm';
    if (unknownMonth) return parsePrintedDate(year);
    if (day === '00' || day.toLowerCase() === 'dd') return parsePrintedDate(`${month}/${year}`);
  }
  return parsePrintedDate(text);
}

/**
 * ConList packs several values in one cell as "(1) Germany. (2) Morocco"; the FCDO list uses separate cells.
 * Splits on the "(n)" markers and drops the trailing full stops the numbering leaves behind.
 */
export function numberedValues(cell: string): string[] {
  const text = cell.trim();
  if (!text) return [];
  if (!/^\(\d+\)/.test(text)) return [text];
  return text
    .split(/\(\d+\)/)
    .map((v) =>
      v
        .trim()
        .replace(/[.,;]$/, '')
        .trim(),
    )
    .filter((v) => v !== '' && v !== '-');
}
