import type { EntityKind, EntityName, ListEntity } from '../../../entity/list-entity.ts';
import { parsePrintedDate, printedDatesIn } from '../../printed-dates.ts';
import { detectScript } from '../../script.ts';
import { identifiersOf } from './identifiers.ts';
import type { EuOjRow } from './parse.ts';
import { splitCellValues } from './parse.ts';
import { addressesIn, countriesIn } from './places.ts';
import { splitPrintedName } from './printed-name.ts';

export const SOURCE_ID = 'eu-oj';

const KINDS: Record<string, EntityKind> = {
  Person: 'person',
  LegalEntity: 'organization',
  Organization: 'organization',
  Company: 'organization',
  Vessel: 'vessel',
};

/**
 * "EU Reg. 833/2014" from CELEX 32014R0833. EU acts were numbered number/year until 2014 and year/number from
 * 2015 (Regulation (EU) 2015/735); CFSP decisions have always been year/number.
 */
export function actLabel(celex: string): string {
  const m = /^3(\d{4})([RDL])(\d{4})$/.exec(celex);
  if (!m) return `EU act ${celex}`;
  const year = Number(m[1]);
  const num = Number(m[3]);
  if (m[2] === 'R') return year < 2015 ? `EU Reg. ${num}/${year}` : `EU Reg. ${year}/${num}`;
  return m[2] === 'D' ? `EU Dec. ${year}/${num}` : `EU Dir. ${year}/${num}`;
}

export function programOf(row: Pick<EuOjRow, 'celex' | 'annex'>): string {
  return row.annex ? `${actLabel(row.celex)} Annex ${row.annex}` : actLabel(row.celex);
}

/**
 * recordId is the number printed in the annex and restarts in every annex (833/2014 has a No 1 in Annex III and
 * another in Annex IV), and some annexes print no numbers at all; so the key is act + annex + number, falling back
 * to the normalised name. The same key from a consolidated text and an amending act means the same entry.
 */
export function entryKey(row: Pick<EuOjRow, 'celex' | 'annex' | 'recordId' | 'name'>): string {
  const local =
    row.recordId ||
    `~${row.name
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')}`;
  return `${row.celex}:${row.annex}:${local}`;
}

function names(row: EuOjRow, primary: string, printed: string[]): EntityName[] {
  const out: EntityName[] = [];
  const add = (values: string[], quality: EntityName['quality']) => {
    for (const value of values) {
      if (value !== primary && !out.some((n) => n.value === value)) {
        out.push({ value, quality, script: detectScript(value) });
      }
    }
  };
  add(printed, 'strong');
  add(splitCellValues(row.fields.alias ?? ''), 'strong');
  add(splitCellValues(row.fields.previousName ?? ''), 'strong');
  add(splitCellValues(row.fields.weakAlias ?? ''), 'weak');
  return out;
}

function remarksOf(row: EuOjRow): string | undefined {
  const f = row.fields;
  const parts = [
    row.measure && `Measure: ${row.measure}`,
    f.position && `Position: ${f.position}`,
    f.birthPlace && `Born: ${f.birthPlace}`,
    row.reason && `Reason: ${row.reason}`,
    f.notes,
  ].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join('\n') : undefined;
}

/** One row → one entity. Returns a reason instead when the row cannot be screened (no name). */
export function mapEuOjRow(row: EuOjRow, entryId: string): ListEntity | { skip: string } {
  if (!row.name)
    return { skip: `${row.file} row ${row.row}: no name (annex ${row.annex}, record ${row.recordId})` };
  const f = row.fields;
  // The row number locates the record in this one file, not the entry: stored, it would make every entry below
  // an inserted or removed row "changed" in the next version's diff (and rewrite its blob).
  const { row: _row, ...published } = row;
  const addresses = addressesIn(f.address ?? '');
  const countries = [
    ...countriesIn(f.country ?? ''),
    ...countriesIn(f.nationality ?? ''),
    ...countriesIn(f.jurisdiction ?? ''),
    ...countriesIn(f.flag ?? ''),
    ...addresses.flatMap((a) => (a.country ? [a.country] : [])),
  ];
  const birthDates = splitCellValues(f.birthDate ?? '').flatMap(printedDatesIn);
  const listedOn = parsePrintedDate(row.startDate);
  const kind = KINDS[row.schema] ?? 'unknown';
  // The printed cell stays in `raw`; the entity gets the primary name and the other names as aliases.
  const printed = splitPrintedName(row.name, kind);
  const entity: ListEntity = {
    source: SOURCE_ID,
    entryId,
    kind,
    name: printed.primary,
    aliases: names(row, printed.primary, printed.aliases),
    countries: [...new Set(countries)],
    identifiers: identifiersOf(f),
    addresses,
    birthDates: [...new Set(birthDates)],
    programs: [programOf(row), ...(row.programKey ? [row.programKey] : [])],
    url: `https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:${row.amendmentCelex ?? row.celex}`,
    raw: published,
  };
  if (listedOn && listedOn.length === 10) entity.listedOn = listedOn;
  const remarks = remarksOf(row);
  if (remarks) entity.remarks = remarks;
  return entity;
}
