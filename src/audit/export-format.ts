import type { ScreeningLogRow } from './screening-log-store.ts';

export const CSV_COLUMNS = [
  'id',
  'screenedAt',
  'reference',
  'decision',
  'reviewStatus',
  'outcome',
  'apiKeyId',
  'partyNames',
  'sources',
  'entryIds',
  'topFinding',
  // Last, so the columns before it keep their positions for importers written before named reviewers.
  'reviewedBy',
] as const;

// RFC 4180 quoting; a leading =, +, - or @ is prefixed so a spreadsheet never runs a party name as a formula.
function csvCell(v: string | null): string {
  if (v === null) return '';
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

export function csvLine(r: ScreeningLogRow): string {
  const cells = [
    r.id,
    r.screenedAt,
    r.reference,
    r.decision,
    r.reviewStatus,
    r.outcome,
    r.apiKeyId,
    r.partyNames.join(' | '),
    r.sources.join(' '),
    r.entryIds.join(' '),
    r.topFinding,
    (r.reviewedBy ?? []).join(' | '),
  ];
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** NDJSON carries the full stored result, so an export is a complete record, not only the summary. */
export function ndjsonLine(r: ScreeningLogRow): string {
  const { cursor: _c, ...rest } = r;
  return `${JSON.stringify(rest)}\n`;
}
