import type { EntityKind, ListEntity } from '../../src/entity/list-entity.ts';
import type { PartyQuery } from '../../src/parties/types.ts';

/** An entry on a list, by the source's own id. */
export interface EntryRef {
  source: string;
  entryId: string;
}

/** Where a case came from, so every miss can be traced back to the lists or the data file that made it. */
export interface Provenance {
  /** The list (source id) or data file the query name was taken from. */
  from: string;
  /** Entries involved: the query's own entry first, then the target or the confusable entry. */
  entries: string[];
  /** How the case was formed: the shared identifier, the alias quality, the shared word, the source URL… */
  via: string;
}

export interface BenchCase {
  /** Class name as printed in the table; classes starting with `neg-` are negatives. */
  cls: string;
  query: PartyQuery;
  /** Positives: this entry must be among the hits at review or above. */
  target?: EntryRef;
  /** Confusable pairs: this other entry must not rank above the target at review or above. */
  avoid?: EntryRef;
  /** Entries known to be the same entity as the target (`source/entryId`): alerts on them are not false. */
  alsoRight?: string[];
  /** Entries that are the target entity on a list other than the query's: finding one finds the target. */
  found?: string[];
  /** Negatives: the listed entry whose name the query equals; such a case is reported apart, not as false. */
  collision?: string;
  /** Negatives: the listed entry (and name) the query equals spelt otherwise (sound-alike.ts); reported apart. */
  spellingCollision?: string;
  provenance: Provenance;
}

export const ref = (e: EntryRef): string => `${e.source}/${e.entryId}`;

/**
 * Latin letters that are not a base letter plus a mark, so NFKD leaves them: Turkish dotless ı ("AYDIN" is
 * "Aydın"), Polish ł, Nordic ø, South Slavic đ, Icelandic ð.
 */
const LETTER_FOLDS: Record<string, string> = { ı: 'i', ł: 'l', ø: 'o', đ: 'd', ð: 'd' };

/**
 * Case- and accent-free word list of a name, written for the benchmark (deliberately not the engine's
 * normaliser, so the benchmark does not share its blind spots). Used to spot trivial pairs and collisions.
 */
export function words(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ıłøđð]/g, (c) => LETTER_FOLDS[c]!)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Word-set key: "PETROV, Ivan" and "Ivan Petrov" are the same spelling, only reordered. */
export const wordKey = (name: string): string => [...new Set(words(name))].sort().join(' ');

/**
 * Legal-form words and phrases the benchmark sets aside when it asks whether two organisation names are the
 * same name: a short list of the forms the lists' Russian, Belarusian and English-language entries use,
 * written for the benchmark (not the engine's legal-form table, so it does not share its gaps).
 */
const LEGAL_PHRASES = [
  'public joint stock company',
  'open joint stock company',
  'closed joint stock company',
  'joint stock company',
  'limited liability company',
  'j s co',
];
// "the" too: "The Belarusian Optical and Mechanical Association" is the name without its article.
const LEGAL_WORDS = new Set(
  'llc ltd limited inc plc gmbh jsc ojsc pjsc cjsc oao zao ooo pao ao the'.split(' '),
);

/**
 * Word-set key without legal forms: "Trust Logistics LLC" and "Trust Logistics", "OAO NPO Bazalt" and "NPO
 * BAZALT" are one name. A name of legal-form words only keeps its plain key.
 */
export function coreKey(name: string): string {
  let text = ` ${words(name).join(' ')} `;
  for (const p of LEGAL_PHRASES) text = text.replaceAll(` ${p} `, ' ');
  const core = [...new Set(text.split(' ').filter((w) => w && !LEGAL_WORDS.has(w)))].sort().join(' ');
  return core || wordKey(name);
}

export const namesOf = (e: ListEntity): string[] => [e.name, ...e.aliases.map((a) => a.value)];

/** The kind as a screening client would send it; lists' `unknown` and aircraft send none. */
export function queryKind(kind: EntityKind): PartyQuery['kind'] | undefined {
  return kind === 'person' || kind === 'organization' || kind === 'vessel' ? kind : undefined;
}

export function queryOf(name: string, kind: EntityKind): PartyQuery {
  const k = queryKind(kind);
  return k ? { name, kind: k } : { name };
}

/**
 * The list an entry really belongs to. Some sources bundle several lists and repeat one entity across them:
 * EU entries are keyed by regulation (`32014R0269:…`, `32014R0833:…`), CSL entries by sub-list (`SDN:…`,
 * `EL:…`). Within one such unit an entity appears once.
 */
export const listUnit = (e: EntryRef): string => {
  const colon = e.entryId.indexOf(':');
  return colon > 0 ? `${e.source}:${e.entryId.slice(0, colon)}` : e.source;
};

/** Appends to the list under `key`, creating it. */
export function push<K, V>(m: Map<K, V[]>, key: K, value: V): void {
  const list = m.get(key);
  if (list) list.push(value);
  else m.set(key, [value]);
}
