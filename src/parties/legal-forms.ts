import { readTable } from './data-table.ts';
import { tokenHash } from './deletions.ts';
import { osaDistance } from './edit-distance.ts';
import { skeleton } from './skeleton.ts';
import { nameWords } from './words.ts';

/**
 * Legal forms by country (data/legal-forms.csv: the facts of opensanctions/rigour's org_types.yml plus the
 * forms this file knew before; see data/PROVENANCE.md). They are weak tokens: recognised on both sides and
 * left out of the name comparison, so "Kominvex d.o.o." meets "KOMINVEX DOO BEOGRAD", "Continental
 * Aktiengesellschaft" meets "Continental AG" and "Trading LLC" is only "trading". Each alias goes through the
 * tokenizer's own word steps (initialisms joined, compounds split), so a table row and a name spelled the
 * same way always agree; matched on skeletons, so romanisation variants of the Russian phrases fold together.
 */
const MAX_PHRASE_WORDS = 12;

const rows = readTable('legal-forms.csv').filter((r) => r.use === 'yes');
const compoundRows = readTable('legal-compounds.csv');

const single = new Set<string>();
// A compound's legal-form part is itself a legal-form word once split off ("handels" + "gesellschaft").
for (const r of compoundRows) single.add(skeleton(r.suffix ?? ''));
const aliasWords = rows.map((r) => nameWords(r.alias ?? '', false, MAX_PHRASE_WORDS + 1).words);
for (const words of aliasWords) if (words.length === 1) single.add(skeleton(words[0]!));
export const LEGAL_SINGLE: ReadonlySet<string> = single;

/** Legal-form endings of compound words, longest first: "handelsgesellschaft" before "gesellschaft". */
const COMPOUNDS = compoundRows
  .map((r) => ({ suffix: r.suffix ?? '', next: r.next ?? '' }))
  .filter((c) => c.suffix.length > 0)
  .sort((a, b) => b.suffix.length - a.suffix.length);
/** A compound's core part must be a word of its own, not a stray syllable ("ges" in "Georges"). */
const MIN_STEM = 3;

/**
 * Splits words that end in a legal-form word ("handelsgesellschaft" → "handels", "gesellschaft";
 * "handelsges" before "mbh" → "handels", "ges"). A word that is a legal form as a whole stays whole.
 */
export function splitCompounds(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const c =
      w.length > MIN_STEM + 2 && !single.has(skeleton(w))
        ? COMPOUNDS.find(
            (c) =>
              w.length - c.suffix.length >= MIN_STEM &&
              w.endsWith(c.suffix) &&
              (c.next === '' || words[i + 1] === c.next),
          )
        : undefined;
    if (c) out.push(w.slice(0, -c.suffix.length), c.suffix);
    else out.push(w);
  }
  return out;
}

/** Phrases as skeleton-token arrays grouped by first token, longest first so "limited liability company" wins. */
const PHRASES = new Map<string, string[][]>();
for (const words of aliasWords) {
  if (words.length < 2 || words.length > MAX_PHRASE_WORDS) continue;
  const skels = splitCompounds(words).map(skeleton);
  const list = PHRASES.get(skels[0]!) ?? [];
  if (!list.some((p) => p.join(' ') === skels.join(' '))) list.push(skels);
  PHRASES.set(skels[0]!, list);
}
for (const list of PHRASES.values()) list.sort((a, b) => b.length - a.length);

/**
 * Long legal-form words as a person types them: "Corporatwon", "Partnrship" (in "Limited Liability Partnership"),
 * "Aktisonernoe", "Obslchestvo". A misspelt one was a core word no list has, the name's rarest, left unmatched
 * (eval:match --set generated, seeds 1 and 2: 5 of the typo misses). One edit from a legal-form word of
 * FUZZY_LEGAL_CHARS letters or more reads as that word; shorter forms (LLC, GmbH, Ltd.) are too near other words.
 * Only for a query's words no list uses (prepare-query.ts): "Corporacion" is a listed firm's own word, one
 * edit from "corporation" but not a legal form on the lists' side.
 */
// Seven letters take in "Company" and "Limited", the commonest forms typed out ("COMPONY", "LIMETED", "Campany":
// 4 of the vowel-swap misses of eval:match --set variants, seed 1); the 7-letter forms are those two and a few
// Slavic and Turkish words ("zakrito", "sirketi"), none an edit from a common word.
const FUZZY_LEGAL_CHARS = 7;
/**
 * A word of a legal phrase that is no legal form alone ("stock", "joint", "open" of "open joint stock company") may
 * be read through a slip from four letters: it counts only where the whole phrase then reads, every other word as
 * written ("JOINT SMOCK COMPANY", "OPEN JOINT STOCG COMPANY", "JOINT SgTOCK COMPANY": 4 slipped-letter misses of
 * eval:match --set variants, seeds 1 and 2, had left the phrase's words as the name's rarest core words). A word
 * some list uses stays itself (prepare-query.ts), so "OPEN JOINT STACK COMPANY" is not read so ("stack" is listed).
 */
const FUZZY_PHRASE_CHARS = 4;
/** Each long legal-form word and each string one deletion from it → the words (SymSpell, as deletions.ts). */
const LEGAL_NEAR = new Map<string, string[]>();
const phraseWords = new Set([...PHRASES.values()].flat(2));
for (const w of new Set([...single, ...phraseWords])) {
  const phraseOnly = !single.has(w);
  if (w.length < (phraseOnly ? FUZZY_PHRASE_CHARS : FUZZY_LEGAL_CHARS)) continue;
  for (const k of new Set([w, ...deletions(w)])) LEGAL_NEAR.set(k, [...(LEGAL_NEAR.get(k) ?? []), w]);
}
const fuzzyMemo = new Map<string, string>();
const FUZZY_MEMO = 5_000;

function deletions(w: string): string[] {
  return Array.from(w, (_c, i) => w.slice(0, i) + w.slice(i + 1));
}

export function typedLegal(skel: string): string {
  if (skel.length < FUZZY_PHRASE_CHARS || single.has(skel) || phraseWords.has(skel)) return skel;
  let w = fuzzyMemo.get(skel);
  if (w !== undefined) return w;
  w = skel;
  // A short word reads only as a phrase's word, never as a short legal form alone (LLC, GmbH: too near other words).
  const fits = (l: string) =>
    (skel.length >= FUZZY_LEGAL_CHARS || !single.has(l)) && osaDistance(skel, l, 1) <= 1;
  for (const k of [skel, ...deletions(skel)]) {
    const near = LEGAL_NEAR.get(k)?.find(fits);
    if (near) {
      w = near;
      break;
    }
  }
  if (fuzzyMemo.size >= FUZZY_MEMO) fuzzyMemo.clear();
  fuzzyMemo.set(skel, w);
  return w;
}

/**
 * Marks, for each position of a skeleton token list, whether it belongs to a legal-form word or phrase. `spell`:
 * how a query's words are read first (prepare-query.ts: a misspelt long legal-form word, typedLegal).
 */
export function markLegalForms(given: readonly string[], spell?: (skel: string) => string): boolean[] {
  const skels = spell ? given.map(spell) : given;
  const legal = new Array<boolean>(skels.length).fill(false);
  for (let i = 0; i < skels.length; i++) {
    if (legal[i]) continue;
    for (const phrase of PHRASES.get(skels[i]!) ?? []) {
      if (phrase.length > skels.length - i) continue;
      let ok = true;
      for (let k = 1; k < phrase.length && ok; k++) ok = skels[i + k] === phrase[k];
      if (ok) {
        for (let k = 0; k < phrase.length; k++) legal[i + k] = true;
        break;
      }
    }
    if (!legal[i] && single.has(skels[i]!)) legal[i] = true;
  }
  return legal;
}

/**
 * A legal form points, weakly, to a jurisdiction: "JSC", "OAO" and "aktsionernoe obshchestvo" are post-Soviet,
 * "Corporation" and "Inc." Anglo-American, "SA" civil-law (data/legal-families.csv). Each legal word sets the
 * bits of its families; a word the table does not know sets one of the upper bits by its hash, so it agrees
 * only with itself (or, rarely, a word sharing its bit: lenient, never stricter).
 */
const FAMILY_BITS = new Map<string, number>();
const WORD_FAMILIES = new Map<string, number>();
const KNOWN_FAMILY_BITS = 20;
for (const row of readTable('legal-families.csv')) {
  const family = row.family ?? '';
  if (!FAMILY_BITS.has(family) && FAMILY_BITS.size < KNOWN_FAMILY_BITS)
    FAMILY_BITS.set(family, FAMILY_BITS.size);
  const bit = FAMILY_BITS.get(family);
  const word = skeleton(row.word ?? '');
  if (bit === undefined || !word) continue;
  WORD_FAMILIES.set(word, (WORD_FAMILIES.get(word) ?? 0) | (1 << bit));
}

/** The families a name's legal-form words (skeletons) point to, as a bit mask; 0 when it has none. */
export function legalFamilies(legal: readonly string[]): number {
  let mask = 0;
  for (const w of legal)
    mask |=
      WORD_FAMILIES.get(w) ?? 1 << (KNOWN_FAMILY_BITS + ((tokenHash(w) >>> 0) % (32 - KNOWN_FAMILY_BITS)));
  return mask >>> 0;
}

/** Two names' legal forms agree: neither has one, or they share a family ("OAO" and "JSC", not "JSC" and "Corp."). */
export const legalAgrees = (a: number, b: number) => (a === 0 && b === 0) || (a & b) !== 0;
