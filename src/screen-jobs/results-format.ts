import type { RowResult } from './types.ts';

export const RESULT_CSV_HEADER =
  'row,reference,decision,screening_id,finding_kind,finding_severity,finding_source,finding_entry_id,finding_entry_name,finding_score,error\r\n';

// RFC 4180 quoting; a leading =, +, - or @ is prefixed so a spreadsheet never runs a party name as a formula.
function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function ndjsonResult(r: RowResult): string {
  const line = r.screeningId
    ? {
        row: r.rowNo,
        reference: r.reference,
        decision: r.decision,
        screeningId: r.screeningId,
        strongestFinding: r.strongest,
      }
    : { row: r.rowNo, reference: r.reference, error: r.error };
  return `${JSON.stringify(line)}\n`;
}

export function csvResult(r: RowResult): string {
  const e = r.error as { detail?: string; errors?: { pointer: string; message: string }[] } | null;
  const error = e
    ? [e.detail, ...(e.errors ?? []).map((x) => `${x.pointer} ${x.message}`)].filter(Boolean).join('; ')
    : null;
  const cells = [
    r.rowNo,
    r.reference,
    r.decision,
    r.screeningId,
    ...strongestFindingColumns(r.strongest),
    error,
  ];
  return `${cells.map(csvCell).join(',')}\r\n`;
}
/** The strongest finding's CSV cells: kind, severity, source, entry id, entry name, score. */
function strongestFindingColumns(s: unknown): (string | number | null)[] {
  const f = s as {
    kind?: string;
    severity?: string;
    source?: string;
    entryId?: string;
    entryName?: string;
    score?: number;
  } | null;
  return [
    f?.kind ?? null,
    f?.severity ?? null,
    f?.source ?? null,
    f?.entryId ?? null,
    f?.entryName ?? null,
    f?.score ?? null,
  ];
}
