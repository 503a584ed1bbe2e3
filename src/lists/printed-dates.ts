/**
 * Dates as authorities print them in legal texts and list files ("12.9.2014", "4 Apr. 1944", "2 December 2025",
 * "Approximately 1960", "28/10/2022", ISO) normalised to the entity model's `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 * Day-first everywhere: every EU/UK publication is day-first, and US sources carry ISO or their own parsers.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDay(year: number, month: number, day: number): string | undefined {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return undefined;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function monthNumber(word: string): number | undefined {
  const key = word.toLowerCase().replace(/\.$/, '');
  return MONTHS[key] ?? MONTHS[key.slice(0, 3)];
}

/** One printed date → ISO (partial when only year or month/year is printed); undefined when it is not a date. */
export function parsePrintedDate(text: string): string | undefined {
  const s = text
    .trim()
    .replace(/^(approximately|approx\.?|circa|ca\.|about|around)\s+/i, '')
    .replace(/[.,;]$/, '');
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(s);
  if (m) return isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) return isoDay(Number(m[1]), Number(m[2]), 1) ? `${m[1]}-${m[2]}` : undefined;
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(s);
  if (m) return isoDay(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\s+([A-Za-z]+\.?)\s+(\d{4})$/.exec(s);
  if (m) {
    const month = monthNumber(m[2] ?? '');
    return month ? isoDay(Number(m[3]), month, Number(m[1])) : undefined;
  }
  m = /^([A-Za-z]+\.?)\s+(\d{4})$/.exec(s);
  if (m) {
    const month = monthNumber(m[1] ?? '');
    return month && isoDay(Number(m[2]), month, 1) ? `${m[2]}-${pad(month)}` : undefined;
  }
  m = /^(\d{1,2})[./](\d{4})$/.exec(s);
  if (m) {
    const month = Number(m[1]);
    return isoDay(Number(m[2]), month, 1) ? `${m[2]}-${pad(month)}` : undefined;
  }
  m = /^(\d{4})$/.exec(s);
  if (m && isoDay(Number(m[1]), 1, 1)) return m[1];
  return undefined;
}

const MONTH_WORD = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const DATE_IN_TEXT = new RegExp(
  [
    '\\b\\d{4}-\\d{2}-\\d{2}\\b',
    '\\b\\d{1,2}[./]\\d{1,2}[./]\\d{4}\\b',
    `\\b\\d{1,2}\\s+${MONTH_WORD}\\s+\\d{4}\\b`,
    `\\b${MONTH_WORD}\\s+\\d{4}\\b`,
    '\\b\\d{4}\\b',
  ].join('|'),
  'gi',
);

/**
 * Every date inside a printed cell such as "(a) 1.5.1969, (b) 1970" or "Between 1955 and 1958": the Official
 * Journal lists alternatives in free text, and a matcher wants each alternative, not the sentence.
 */
export function printedDatesIn(text: string): string[] {
  const whole = parsePrintedDate(text);
  if (whole) return [whole];
  const found: string[] = [];
  for (const match of text.matchAll(DATE_IN_TEXT)) {
    const iso = parsePrintedDate(match[0]);
    if (iso && !found.some((f) => f.startsWith(iso) || iso.startsWith(f))) found.push(iso);
  }
  return found;
}
