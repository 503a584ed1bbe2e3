import type { Party } from '../contract/screening-types.ts';
import { tokenizeName } from '../parties/index.ts';

/**
 * A party's identity for false-positive memory: its core name words (transliterated, legal forms dropped, order
 * ignored), country and kind. "ООО Звезда" and "Zvezda LLC" of RU are one party; the same name in another
 * country or of another kind is not, so a cleared namesake never silences a different party.
 */
export function partyKey(p: Party): string {
  const words = [...tokenizeName(p.name, p.kind === 'person').words].sort();
  return [words.join(' '), p.country ?? '', p.kind ?? 'unknown'].join('|');
}
