import { readTable } from './data-table.ts';
import { echoedAcronyms } from './org-echo.ts';
import { skeleton } from './skeleton.ts';
import { nameWords } from './words.ts';

/**
 * An organisation's name has a core (the words that tell it from other firms), a legal form (legal-forms.ts),
 * generic words saying what kind of body it is ("Federal State Budgetary Institution of Science", "Scientific
 * Research Institute", "Design Bureau", "Plant", "of the Russian Academy of Sciences") and sometimes an
 * honorific ("named after B.N. Slyusar", "imeni A.G. Shipunova"). Lists of different countries translate and
 * drop the generic words and honorifics freely: the EU's "Keldysh Institute of Applied Mathematics of the
 * Russian Academy of Sciences" is OFAC's "KELDYSH INSTITUTE OF APPLIED MATHEMATICS". data/org-generic.csv names
 * them; the tokenizer flags them (GENERIC, and TAIL for the honoured person's name), so they weigh little on
 * both sides and coverage is judged on the core. Two roles: `kind` words say what the body is or does ("bank",
 * "design bureau", "holding"): "Yandex Bank" is not "Yandex", so a list's unmatched kind word still tells a
 * one-word query apart (name-ceiling.ts); `status` words say who owns it or its legal status ("state",
 * "federal", "unitary enterprise", "of the") and tell nothing apart. They are kept, never dropped: a generic word still aligns,
 * and it can never make a hit on its own (name-ceiling.ts: a match needs a core word).
 */
const MAX_PHRASE_WORDS = 6;
/** The honoured person: initials and a surname, or a title, initials and a surname. */
const MAX_HONOUR_WORDS = 3;

interface Phrase {
  skels: string[];
  honour: boolean;
  /** Ownership or legal status ("state", "federal unitary enterprise", "of the"), not what the body does. */
  status: boolean;
  /** The marker counts only before initials ("N.A. G.M. Beriev", "im. A.G. Shipunova"): "na"/"im" are words too. */
  beforeInitials: boolean;
}

const PHRASES = new Map<string, Phrase[]>();
/** Skeletons of each state's formal name, the `state` rows (org-state.ts). */
export const STATE_NAMES: string[][] = [];
for (const row of readTable('org-generic.csv')) {
  const words = nameWords(row.phrase ?? '', false, MAX_PHRASE_WORDS + 1).words;
  if (words.length === 0 || words.length > MAX_PHRASE_WORDS) continue;
  const skels = words.map(skeleton);
  if (row.role === 'state') STATE_NAMES.push(skels);
  const list = PHRASES.get(skels[0]!) ?? [];
  list.push({
    skels,
    honour: row.role === 'honour',
    // A state's formal name ("of the Democratic People's Republic of Korea") says who owns the body (org-state.ts).
    status: row.role === 'status' || row.role === 'honour' || row.role === 'state',
    beforeInitials: row.next === 'initials',
  });
  PHRASES.set(skels[0]!, list);
}
for (const list of PHRASES.values()) list.sort((a, b) => b.skels.length - a.skels.length);

/** Initials joined by the tokenizer ("G.M." → "gm") or a lone initial. */
const isInitials = (word: string | undefined) => word !== undefined && word.length <= 2 && !/\d/.test(word);

export interface GenericMarks {
  generic: boolean[];
  /** Generic words of status (a subset of `generic`): "State Corporation Rostec" is Rostec, found by "Rostec". */
  status: boolean[];
  /** Words naming the person an organisation is named after. */
  honour: boolean[];
}

/** A one-word generic entry: "academician" before an honoured name, "plant". */
const isGenericWord = (skel: string | undefined) =>
  skel !== undefined && (PHRASES.get(skel)?.some((p) => p.skels.length === 1 && !p.honour) ?? false);

/** The honoured person's words after a marker: up to the surname (the first word longer than initials). */
function markHonour(
  skels: readonly string[],
  words: readonly string[],
  honour: boolean[],
  from: number,
): void {
  for (let k = from; k < Math.min(words.length, from + MAX_HONOUR_WORDS); k++) {
    // A title before the name ("academician") is a generic word, marked as such by the caller's loop.
    if (isGenericWord(skels[k])) continue;
    honour[k] = true;
    if (!isInitials(words[k])) return;
  }
}

/** Marks generic words and honorific spans among an organisation name's core words (skeletons and words). */
export function markGeneric(skels: readonly string[], words: readonly string[]): GenericMarks {
  const n = skels.length;
  const generic = new Array<boolean>(n).fill(false);
  const honour = new Array<boolean>(n).fill(false);
  const status = new Array<boolean>(n).fill(false);
  for (let i = 0; i < n; i++) {
    if (generic[i] || honour[i]) continue;
    for (const p of PHRASES.get(skels[i]!) ?? []) {
      if (p.skels.length > n - i) continue;
      let ok = true;
      for (let k = 1; k < p.skels.length && ok; k++) ok = skels[i + k] === p.skels[k];
      const after = i + p.skels.length;
      if (!ok || (p.beforeInitials && !isInitials(words[after]) && !isGenericWord(skels[after]))) continue;
      for (let k = i; k < after; k++) {
        generic[k] = true;
        status[k] = p.status;
      }
      // The honoured name needs a core word before the marker: "Imeni Lenina" alone is the whole name.
      if (p.honour && generic.slice(0, i).some((g) => !g)) markHonour(skels, words, honour, after);
      break;
    }
  }
  // "FOREIGN TRADE BANK (FTB)": an acronym of the words beside it repeats them (org-echo.ts).
  const echoed = echoedAcronyms(words);
  for (let i = 0; i < n; i++) if (echoed[i] && !generic[i] && !honour[i]) generic[i] = status[i] = true;
  return { generic, status, honour };
}
