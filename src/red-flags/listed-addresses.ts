import { countryCode } from '../entity/countries.ts';
import type { EntityTable } from '../parties/index.ts';
import { runInSlices, type Steps, toAscii } from '../parties/index.ts';
import type { ListedAddress, Party } from './facts.ts';

const PLAIN = /^[\x20-\x7e]*$/;

/** A list's addresses end in a few hundred distinct country names: each is looked up once, not once per address. */
const countryNames = new Map<string, boolean>();
function isCountryName(segment: string): boolean {
  let known = countryNames.get(segment);
  if (known === undefined) {
    known = countryCode(segment) !== undefined;
    if (countryNames.size < 10_000) countryNames.set(segment, known);
  }
  return known;
}

/**
 * An address as a key: its words in ASCII, sorted, without a trailing country name, so "Ul. Vymyshlennaya
 * D. 1, Moscow 101000, Russia" and "ul. Vymyshlennaya d.1, 101000 Moscow" meet. Too little to identify a
 * place (fewer than three words, or no number: a city and a country) gives no key rather than a false match.
 * Abbreviations (ul./ulitsa) and misspellings are not reconciled: a miss is possible, a namesake street is not
 * confused with another number.
 */
export function addressKey(text: string): string | undefined {
  const segments = text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (segments.length > 1 && isCountryName(segments.at(-1)!)) segments.pop();
  const joined = segments.join(' ');
  // Most printed addresses are ASCII: lower-casing them is all the transliteration would do, at a fraction of the cost.
  const ascii = PLAIN.test(joined) ? joined.toLowerCase() : toAscii(joined);
  const words = [...new Set(ascii.split(/[^a-z0-9]+/).filter((w) => w !== ''))].sort();
  if (words.length < 3 || !words.some((w) => /\d/.test(w))) return undefined;
  return words.join(' ');
}

/**
 * Each list's addresses by key, made on first use per list table (entries are read once from the table's
 * buffers; the map holds one short string and entry numbers per address) and dropped with the table. Reading
 * every entry of every list takes about a second: made at once it held the event loop, and so every tenant's
 * requests, behind the one request that asked. It is made in slices (parties' runInSlices), so only the
 * requests that need it wait for it; they share one promise. Per list, not per snapshot: after an activation
 * only the activated list's addresses are read again, as the other lists' tables are the same objects.
 */
const indexes = new WeakMap<EntityTable, Promise<Map<string, number[]>>>();
function addressIndex(table: EntityTable): Promise<Map<string, number[]>> {
  let index = indexes.get(table);
  if (!index) {
    index = runInSlices(addressIndexSteps(table));
    indexes.set(table, index);
    // A failed build (a shutdown's abort) must not stay cached for the table's life.
    index.catch(() => indexes.delete(table));
  }
  return index;
}

/** Entry numbers (in the whole table, ascending) whose address has this key. */
async function entriesAt(table: EntityTable, key: string): Promise<number[]> {
  const found: number[] = [];
  let offset = 0;
  for (const piece of table.pieces) {
    for (const n of (await addressIndex(piece)).get(key) ?? []) found.push(offset + n);
    offset += piece.length;
  }
  return found;
}

/** Entries read between two looks at the clock: a few hundred microseconds of work. */
const ENTRIES_PER_STEP = 64;

function* addressIndexSteps(table: EntityTable): Steps<Map<string, number[]>> {
  const index = new Map<string, number[]>();
  for (let i = 0; i < table.length; i++) {
    if (i % ENTRIES_PER_STEP === 0) yield;
    for (const a of table.get(i).addresses ?? []) {
      const key = addressKey(a.full);
      if (!key) continue;
      const at = index.get(key);
      if (!at) index.set(key, [i]);
      else if (at.at(-1) !== i) at.push(i);
    }
  }
  return index;
}

/** Roles whose address is where the goods go: the ones the FinCEN/BIS "common address" red flag is about. */
const RECEIVING = new Set(['consignee', 'end_user']);

/** The consignee's and end user's addresses found on a list, by party index. */
export async function listedAddresses(
  parties: readonly Party[],
  table: EntityTable | undefined,
): Promise<Map<number, ListedAddress>> {
  const found = new Map<number, ListedAddress>();
  const asked = parties.flatMap((p, i) =>
    p.address && p.role && RECEIVING.has(p.role) ? [{ p, i, key: addressKey(p.address) }] : [],
  );
  if (!table || asked.every((a) => !a.key)) return found;
  for (const { p, i, key } of asked) {
    for (const n of key ? await entriesAt(table, key) : []) {
      const entity = table.get(n);
      const address = entity.addresses.find((a) => addressKey(a.full) === key)!;
      // Both countries known and different: the same street name and number in another country.
      if (p.country && address.country && p.country.slice(0, 2) !== address.country) continue;
      found.set(i, {
        source: entity.source,
        entryId: entity.entryId,
        name: entity.name,
        address: address.full,
      });
      break;
    }
  }
  return found;
}
