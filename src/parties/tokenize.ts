import { bracketSeatLast } from './bracket-seat.ts';
import data from './data/name-structure.json' with { type: 'json' };
import arabicLatin from './data/translit/arabic-latin.json' with { type: 'json' };
import { markLegalForms, splitCompounds } from './legal-forms.ts';
import { spellMarkers } from './nasab-spelling.ts';
import { type GenericMarks, markGeneric } from './org-generic.ts';
import { readingsOf } from './readings.ts';
import { segmentUnspaced } from './segment.ts';
import { skeleton } from './skeleton.ts';
import { nameWords } from './words.ts';

/**
 * Key lengths are capped before any deletion neighbourhood is built: its size grows with the cube of the key's
 * length. Measured on the real lists' vocabulary (97,000 names, unspaced scripts segmented): the longest token
 * skeleton has 29 letters ("konstruktorskotehnologicheski"), the longest glued pair 40; 24+ letters are a few
 * dozen tokens. A longer word is cut to MAX_TOKEN_CHARS on both sides (lists and queries alike, so they still
 * meet); a pair longer than MAX_GLUE_CHARS gets no glued key (a cut glued key could pass for its first word).
 */
export const MAX_TOKEN_CHARS = 32;
export const MAX_GLUE_CHARS = 40;

/**
 * The key of two adjacent words written as one ("SOHAINFO" for "Soha Info"), or undefined when too long, or so
 * short that the folds ate the words: "Lee Ye" glued folds to the skeleton of the one-syllable "Ri" (Korean
 * surname variants, skeleton.ts), which is no one's way of writing two words as one.
 */
export function glueKey(a: string, b: string): string | undefined {
  const k = skeleton(a + b);
  return k.length > MAX_GLUE_CHARS || k.length < MIN_GLUE_CHARS ? undefined : k;
}
const MIN_GLUE_CHARS = 4;

/** Token flags; they lower a token's weight but never drop it. */
export const TAIL = 1; // after a trailing legal form: "MCI TRADING DOO *BEOGRAD PALILULA*" (seat/branch)
export const PATRONYMIC = 2; // "-ovich/-ovna": often missing on one side
export const INITIAL = 4; // a single letter: "V. Putin"
export const TITLE = 8; // a title before a person's name: "*General* Ivan Petrov" (titles.ts)
export const ANCESTOR = 16; // a nasab chain's marker and the father's names: "Mehdi *ben Mohamed ben Mohamed* Kammoun"
export const GIVEN = 32; // a person's given name: the first word, or the first after a comma ("JADHRAN, *Ibrahim*")
export const FAMILY = 64; // a person's family name: the words before a comma, else the last word
/** A generic word of an organisation name (org-generic.ts): "*Federal State Unitary Enterprise* Almaz". */
export const GENERIC = 128;
/** A generic word of status ("state", "federal", "of"): GENERIC too, and never a distinct part (org-generic.ts). */
export const STATUS = 256;

/** Bit masks are 32-bit and glued pairs use two bits, so we keep the first 16 core tokens. */
export const MAX_TOKENS = 16;
/**
 * Words read per name, core and legal-form alike: the core keeps MAX_TOKENS; this bounds the work spent on a
 * name of hundreds of one-syllable tokens (each word costs a skeleton, ~8 µs when not memoised). Real names
 * reach 55 words only where a list packs several aliases into one string; the same cut applies to both sides.
 */
const MAX_WORDS = 32;

export interface NameTokens {
  /** Skeletons of the core (non-legal-form) tokens, in order. */
  skels: string[];
  /** The same tokens as plain ASCII words (glued pairs are keyed on the skeleton of the joined words). */
  words: string[];
  flags: number[];
  /** Skeletons of the legal-form tokens, kept for the explanation. */
  legal: string[];
  /** Query side only (tokenizeName's `withReadings`): other systems' spellings of each core token (readings.ts). */
  readings?: (TokenReadings | undefined)[];
  /** Query side: a word typed without spaces was split one way among others as likely (written-break.ts). */
  ambiguousBreak?: boolean;
}

export interface TokenReadings {
  skels: string[];
  vowelless: boolean;
}

export const PATRONYMIC_RE = /(ovich|evich|ovych|evych|ovna|evna|ivna|ogly|kyzy)$/;

export function tokenizeName(
  raw: string,
  person = false,
  withReadings = false,
  /** How a query's words are read as legal forms first (legal-forms.ts markLegalForms). */
  spellLegal?: (skel: string) => string,
): NameTokens {
  // Persons have no legal forms (nor compounds of them); their leading titles are flagged instead.
  const {
    words: plain,
    titles,
    beforeComma,
    commaTitles,
    upper,
    commaBefore,
    letters,
  } = nameWords(person ? raw : bracketSeatLast(raw), person, MAX_WORDS); // a seat in brackets: bracket-seat.ts
  // Nasab spellings on both readings: a query of no kind is read as an organisation, its list entry as a person.
  const spelled = spellMarkers(plain);
  const words = (person ? spelled : splitCompounds(spelled).slice(0, MAX_WORDS)).map((w) =>
    w.length > MAX_TOKEN_CHARS ? w.slice(0, MAX_TOKEN_CHARS) : w,
  );
  // A skeleton can be longer than its word (x → ks), so it is cut again.
  const allSkels = words.map((w) => skeleton(w).slice(0, MAX_TOKEN_CHARS));
  // Persons have no legal forms, and their initials ("A. S.") must not read as "a s" (aksjeselskap).
  const legal = person ? allSkels.map(() => false) : markLegalForms(allSkels, spellLegal);
  // Generic words and honorifics among the core words (organisations only), by position in `words`.
  const marks = person ? undefined : genericMarks(allSkels, words, legal);
  let lastLegalStart = -1;
  for (let i = 0; i < legal.length; i++) if (legal[i] && (i === 0 || !legal[i - 1])) lastLegalStart = i;
  // A seat follows a name's core and its legal form; "State Corporation Rostec" has no core before "corporation",
  // and in "Tactical Missile Corporation, Joint Stock Company Avangard" the comma inside the legal run ends the
  // parent's name and starts the member's: "Avangard" is the member's core, not a seat (the EU's style).
  const hasCoreBeforeLegal =
    lastLegalStart > 0 &&
    legal.slice(0, lastLegalStart).some((l, i) => !l && !marks?.generic[i]) &&
    !commaInsideRun(legal, lastLegalStart, words.length === plain.length ? commaBefore : undefined);
  const out: NameTokens = { skels: [], words: [], flags: [], legal: [] };
  const coreCount = legal.filter((l) => !l).length;
  for (let i = 0; i < words.length; i++) {
    const s = allSkels[i]!;
    if (legal[i]) {
      out.legal.push(spellLegal ? spellLegal(s) : s);
      continue;
    }
    if (out.skels.length >= MAX_TOKENS) continue;
    let f = 0;
    if ((hasCoreBeforeLegal && i > lastLegalStart) || marks?.honour[i]) f |= TAIL;
    if (marks?.generic[i]) f |= GENERIC;
    if (marks?.status[i]) f |= STATUS;
    if (i < titles || (i >= beforeComma && i < beforeComma + commaTitles)) f |= TITLE;
    if (coreCount >= 3 && words[i]!.length >= 7 && PATRONYMIC_RE.test(words[i]!)) f |= PATRONYMIC;
    // Judge initials on the written word: "Yi" folds to the skeleton "i" but is a name, not an initial; "Ю." is one.
    if ((words[i]!.length === 1 || letters?.[i]) && !/\d/.test(s)) f |= INITIAL;
    out.skels.push(s);
    out.words.push(words[i]!);
    out.flags.push(f);
  }
  // A name made only of legal-form words ("Company Limited") keeps them as its core rather than vanishing.
  if (out.skels.length === 0 && out.legal.length > 0) {
    out.skels = out.legal.slice(0, MAX_TOKENS);
    out.words = words.slice(0, MAX_TOKENS);
    out.flags = out.skels.map(() => 0);
    out.legal = [];
  }
  if (person) {
    markAncestors(out);
    markGivenFamily(out, beforeComma, upper);
  }
  if (withReadings) out.readings = attachReadings(segmentUnspaced(raw), out.words);
  return out;
}

/** A comma before a word of the legal run starting at `start`, other than its first. */
function commaInsideRun(legal: boolean[], start: number, commaBefore: boolean[] | undefined): boolean {
  if (!commaBefore) return false;
  for (let i = start + 1; i < legal.length && legal[i]; i++) if (commaBefore[i]) return true;
  return false;
}

/** markGeneric over the core words only, mapped back to positions in the full word list. */
function genericMarks(skels: string[], words: string[], legal: boolean[]): GenericMarks {
  const at = legal.flatMap((l, i) => (l ? [] : [i]));
  const core = markGeneric(
    at.map((i) => skels[i]!),
    at.map((i) => words[i]!),
  );
  const out: GenericMarks = {
    generic: legal.map(() => false),
    status: legal.map(() => false),
    honour: legal.map(() => false),
  };
  at.forEach((i, k) => {
    out.generic[i] = core.generic[k]!;
    out.status[i] = core.status[k]!;
    out.honour[i] = core.honour[k]!;
  });
  return out;
}

const NASAB_MARKERS = new Set(data.nasabMarkers.map((m) => skeleton(m.word)));
/** A nasab chain's marker ("ben", "bin", "ibn"), by skeleton (data/name-structure.json). */
export const isNasabMarker = (skel: string): boolean => NASAB_MARKERS.has(skel);

/**
 * Lists write a person's full nasab chain ("MEHDI BEN MOHAMED BEN MOHAMED KAMMOUN") where a customer types the
 * given and family name ("Mehdi Kammoun"): the chain's markers and the ancestors' names after them are often
 * missing on one side, like a Slavic patronymic, so they weigh as one (ANCESTOR_FACTOR). A marker counts only
 * between two names (as in name-structure.ts): "Ben Smith" has no chain.
 */
function markAncestors(t: NameTokens): void {
  const n = t.skels.length;
  for (let i = 1; i < n - 1; i++) {
    if (!NASAB_MARKERS.has(t.skels[i]!) || NASAB_MARKERS.has(t.skels[i - 1]!)) continue;
    t.flags[i]! |= ANCESTOR;
    t.flags[i + 1]! |= ANCESTOR;
  }
}

/**
 * The given name and the family name, by the conventions lists and customers write: "FAMILY, Given Middle"
 * (a comma after the family name, as OFAC and the UK list write it), "Given Middle FAMILY" in capitals (the UN
 * and UK lists; both Spanish surnames are capitals) or "Given Middle Family" (the family name last). Titles and initials are neither. A name of one core word has neither: there is nothing to tell apart.
 * Positional only: "Zhang Jun" (family first, no comma) gets the roles the other way round, which is why
 * name-score.ts accepts the two roles found in either order.
 */
function markGivenFamily(t: NameTokens, beforeComma: number, upper: boolean[] | null): void {
  const core: number[] = [];
  for (let i = 0; i < t.skels.length; i++) if (!(t.flags[i]! & (TITLE | INITIAL))) core.push(i);
  if (core.length < 2) return;
  const comma = beforeComma > 0 && core.some((i) => i >= beforeComma) && core.some((i) => i < beforeComma);
  // "Francisco Javier DIAZ MADRIZ": the capitals are the family names (both of a Spanish name), the rest given;
  // read so only when they close the name ("TARAD MOHAMMAD Alnori Alfares ALJARBA" mixes two conventions).
  let caps = comma ? [] : core.filter((i) => upper?.[i]);
  if (caps.length > 0 && caps[0] !== core[core.length - caps.length]) caps = [];
  let family: number[];
  let given: number;
  if (comma) {
    family = core.filter((i) => i < beforeComma);
    given = core.find((i) => i >= beforeComma)!;
  } else if (caps.length > 0 && caps.length < core.length) {
    family = caps;
    given = core.find((i) => !upper?.[i])!;
  } else {
    family = [core[core.length - 1]!];
    given = core[0]!;
  }
  // "Abdul Sattar", "Abu Bakr", "Seyyed Aminollah": the given name is two words; a name with no second word for
  // it ("TABATABAEI, Syed", "Abdul Manan") has no given name to tell apart.
  const givens = [given];
  if (COMPOUND_GIVEN.has(t.words[given]!)) {
    const next = core[core.indexOf(given) + 1];
    if (next === undefined || family.includes(next)) return;
    givens.push(next);
  }
  for (const i of family) t.flags[i]! |= FAMILY;
  for (const i of givens) t.flags[i]! |= GIVEN;
}

const COMPOUND_GIVEN = new Set(arabicLatin.compoundGiven.first);

/** Extra readings per name (see attachReadings): measured with bench:worst's pathological corpus. */
const MAX_NAME_READINGS = 12;

function attachReadings(segmented: string, words: string[]): (TokenReadings | undefined)[] | undefined {
  const byWord = readingsOf(segmented);
  if (byWord.size === 0) return undefined;
  // Each extra reading costs a typo-neighbourhood lookup: a name gets MAX_NAME_READINGS in all, first words first,
  // so a real name (a few words, a few readings each) keeps them all and 300 unspaced kana cannot multiply them.
  let left = MAX_NAME_READINGS;
  return words.map((w) => {
    const r = byWord.get(w);
    if (!r) return undefined;
    const own = skeleton(w);
    const skels = [...new Set(r.alts.map((a) => skeleton(a).slice(0, MAX_TOKEN_CHARS)))]
      .filter((k) => k !== own)
      .slice(0, Math.max(0, left));
    left -= skels.length;
    return skels.length > 0 || r.vowelless ? { skels, vowelless: r.vowelless } : undefined;
  });
}
