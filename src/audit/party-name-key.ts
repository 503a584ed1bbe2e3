import { toAscii, tokenizeName } from '../parties/index.ts';

const APOSTROPHES = /['’ʼ`ʻ‘]/g;

/**
 * The form a party name is stored under in screening_party_names: the matching engine's transliteration to
 * lower-case ASCII, words joined by one space. Writing every script to ASCII is what lets an officer typing
 * "Zvezda" find "ООО Звезда", and a name screened in Cyrillic and in Latin share one row.
 */
export function partyNameKey(raw: string): string {
  return toAscii(raw)
    .replace(APOSTROPHES, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
    .join(' ');
}

/**
 * The officer's search in the same form, less legal forms ("LLC" typed for a stored "Ltd" would otherwise
 * lower the similarity of an otherwise exact name). A search made only of legal forms keeps them, so it
 * still finds something rather than nothing.
 */
export function partyQueryKey(raw: string): string {
  const core = tokenizeName(raw).words.join(' ');
  return core || partyNameKey(raw);
}
