/**
 * A dotted legal form or initialism typed onto the word before it: "TURISMO HANSAS.A." is "HANSA S.A.",
 * "CONSTRUCTORAH.L.T." is "CONSTRUCTORA H.L.T.", "PowerS.A.L" is "Power S.A.L". The word keeps the
 * initialism's first letter, so it is a word no list holds, and the initialism loses it. The letter is moved
 * back when the word, in capitals, as written is no listed word (`listed`: the exact vocabulary, not the slips a
 * link allows, for "hansas" is one slip from "hansa"), or when it is a capital after small letters ("PowerS").
 */
// A word begun after a dot is a name written with dots for spaces ("IVAN.PETROV.S.A"), not a word typed on.
const GLUED_DOTTED = /(?<![.\p{L}])(\p{L}{3,})(\p{L})(\.\p{L}(?:\.\p{L})*\.?)(?!\p{L})/gu;
/** A word joined by a dot after the initialism: dots for spaces again ("Общество.с.ограниченной"). */
const DOT_WORD_NEXT = /^\.\p{L}/u;
const CAPITAL_AFTER_SMALL = /\p{Ll}$/u;
const CAPITAL = /^\p{Lu}$/u;
const ALL_CAPITALS = /^\p{Lu}+$/u;

export function dottedApart(raw: string, listed: (written: string) => boolean): string {
  if (!raw.includes('.')) return raw;
  return raw.replace(
    GLUED_DOTTED,
    (whole, word: string, letter: string, rest: string, at: number, all: string) => {
      // "AzamA.R.Alsbhua": the capital says where the initials begin, a name after them or not.
      const typedApart = CAPITAL.test(letter) && CAPITAL_AFTER_SMALL.test(word);
      if (typedApart) return `${word} ${letter}${rest}`;
      // In a word of small letters the case would have shown the cut ("Handelsges.m.b.H." is Gesellschaft's
      // abbreviation, not "Handelsge s.m.b.H."): only a word in capitals is cut by the vocabulary.
      if (!ALL_CAPITALS.test(word + letter)) return whole;
      if (DOT_WORD_NEXT.test(all.slice(at + whole.length))) return whole;
      return listed(word + letter) ? whole : `${word} ${letter}${rest}`;
    },
  );
}
