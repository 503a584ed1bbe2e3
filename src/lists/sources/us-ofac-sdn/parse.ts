import { csvRows } from './csv-rows.ts';

/** A row of sdn.csv / cons_prim.csv, in the column order of OFAC's data specification. */
export interface SdnRow {
  entNum: string | null;
  name: string | null;
  /** `individual`, `vessel`, `aircraft`, or null for an organisation. */
  type: string | null;
  programs: string[];
  title: string | null;
  callSign: string | null;
  vesselType: string | null;
  tonnage: string | null;
  grossRegisteredTonnage: string | null;
  vesselFlag: string | null;
  vesselOwner: string | null;
  remarks: string | null;
  line: number;
}

/** A row of add.csv / cons_add.csv. */
export interface AddressRow {
  addNum: string | null;
  address: string | null;
  cityStatePostal: string | null;
  country: string | null;
  remarks: string | null;
}

/** A row of alt.csv / cons_alt.csv; `altType` is aka, fka or nka. */
export interface AliasRow {
  altNum: string | null;
  altType: string | null;
  altName: string | null;
  remarks: string | null;
}

/** A primary row with everything the side files hold for its ent_num. */
export interface LegacyRecord {
  sdn: SdnRow;
  addresses: AddressRow[];
  aliases: AliasRow[];
  /** sdn_comments.csv: the part of Remarks that did not fit the 1,000-character column. */
  remarksContinuation: string | null;
}

// Several programs share one cell as "SDGT] [IFSR", the inside of a bracketed list.
function programs(cell: string | null): string[] {
  if (!cell) return [];
  return cell
    .split(/\]\s*\[/)
    .map((p) => p.replace(/[[\]]/g, '').trim())
    .filter((p) => p.length > 0);
}

export async function* parseSdnRows(path: string): AsyncGenerator<SdnRow> {
  for await (const { line, cells } of csvRows(path, 12)) {
    const [entNum, name, type, program, title, callSign, vesselType, tonnage, grt, flag, owner, remarks] =
      cells;
    yield {
      entNum: entNum ?? null,
      name: name ?? null,
      type: type?.toLowerCase() ?? null,
      programs: programs(program ?? null),
      title: title ?? null,
      callSign: callSign ?? null,
      vesselType: vesselType ?? null,
      tonnage: tonnage ?? null,
      grossRegisteredTonnage: grt ?? null,
      vesselFlag: flag ?? null,
      vesselOwner: owner ?? null,
      remarks: remarks ?? null,
      line,
    };
  }
}

async function groupBy<T>(
  rows: AsyncIterable<{ cells: (string | null)[] }>,
  toRecord: (cells: (string | null)[]) => T,
): Promise<Map<string, T[]>> {
  const map = new Map<string, T[]>();
  for await (const { cells } of rows) {
    const entNum = cells[0];
    if (!entNum) continue;
    const list = map.get(entNum);
    if (list) list.push(toRecord(cells));
    else map.set(entNum, [toRecord(cells)]);
  }
  return map;
}

export function readAddresses(path: string): Promise<Map<string, AddressRow[]>> {
  return groupBy(csvRows(path, 6), ([, addNum, address, city, country, remarks]) => ({
    addNum: addNum ?? null,
    address: address ?? null,
    cityStatePostal: city ?? null,
    country: country ?? null,
    remarks: remarks ?? null,
  }));
}

export function readAliases(path: string): Promise<Map<string, AliasRow[]>> {
  return groupBy(csvRows(path, 5), ([, altNum, altType, altName, remarks]) => ({
    altNum: altNum ?? null,
    altType: altType?.toLowerCase() ?? null,
    altName: altName ?? null,
    remarks: remarks ?? null,
  }));
}

export async function readComments(path: string): Promise<Map<string, string>> {
  const grouped = await groupBy(csvRows(path, 2), ([, text]) => text ?? '');
  // The continuation picks up mid-word where Remarks was cut, so the pieces are joined with no separator.
  return new Map([...grouped].map(([entNum, parts]) => [entNum, parts.join('')]));
}
