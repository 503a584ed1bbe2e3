import type { ScreenRequest } from '../contract/screening-types.ts';

/** The CSV upload's columns (openapi.yaml, createScreenJob); a header names them, in any order. */
export const CSV_COLUMNS = [
  'reference',
  'date',
  'party_name',
  'party_role',
  'party_kind',
  'party_country',
  'party_identifiers',
  'goods_codes',
  'control_numbers',
  'origin',
  'destination',
  'transit',
] as const;

/** RFC 4180 cells of one line; null when a quote is left open (the row becomes an error row). */
export function csvCells(line: string): string[] | null {
  const cells: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < line.length) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.length === 0) quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
    i++;
  }
  if (quoted) return null;
  cells.push(cell);
  return cells;
}

/** Header problems refuse the whole upload (400): without them no row could be read. */
export function headerProblems(header: string[]): string[] {
  const problems: string[] = [];
  const known = new Set<string>(CSV_COLUMNS);
  for (const h of header) if (!known.has(h)) problems.push(`unknown column "${h}"`);
  if (!header.includes('party_name')) problems.push('the party_name column is required');
  if (new Set(header).size !== header.length) problems.push('a column is named twice');
  return problems;
}

const list = (v: string | undefined) =>
  (v ?? '')
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/**
 * One CSV record → a ScreenRequest, without judging the values: the ScreenRequest schema does that, so a CSV
 * row is held to exactly the rules of POST /screen. Returns a message when the record cannot be mapped at all.
 */
export function csvRequest(header: string[], cells: string[]): ScreenRequest | string {
  if (cells.length !== header.length)
    return `the row has ${cells.length} cells, the header has ${header.length}`;
  const c = Object.fromEntries(header.map((h, i) => [h, cells[i]!.trim()])) as Record<string, string>;
  const party: Record<string, unknown> = { name: c.party_name ?? '' };
  if (c.party_role) party.role = c.party_role;
  if (c.party_kind) party.kind = c.party_kind;
  if (c.party_country) party.country = c.party_country.toUpperCase();
  const ids = list(c.party_identifiers);
  if (ids.length > 0) {
    const parsed = ids.map((pair) => {
      const at = pair.indexOf(':');
      return at > 0 ? { scheme: pair.slice(0, at).trim(), value: pair.slice(at + 1).trim() } : null;
    });
    if (parsed.some((p) => p === null)) return 'party_identifiers must be scheme:value pairs separated by |';
    party.identifiers = parsed;
  }
  const req: Record<string, unknown> = { parties: [party] };
  if (c.reference) req.reference = c.reference;
  if (c.date) req.date = c.date;
  const goods = [
    ...list(c.goods_codes).map((code) => ({ code })),
    ...list(c.control_numbers).map((controlNumber) => ({ controlNumber })),
  ];
  if (goods.length > 0) req.goods = goods;
  const route: Record<string, unknown> = {};
  if (c.origin) route.origin = c.origin.toUpperCase();
  if (c.destination) route.destination = c.destination.toUpperCase();
  const transit = list(c.transit).map((t) => t.toUpperCase());
  if (transit.length > 0) route.transit = transit;
  if (Object.keys(route).length > 0) req.route = route;
  return req as ScreenRequest;
}
