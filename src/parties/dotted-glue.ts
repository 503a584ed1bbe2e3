/**
 * A dotted legal form or initialism typed onto the word before it: "TURISMO HANSAS.A." is "HANSA S.A.",
 * "CONSTRUCTORAH.L.T." is "CONSTRUCTORA H.L.T.", "PowerS.A.L" is "Power S.A.L". The word keeps the
 * initialism's first letter, so it is a word no list holds, and the initialism loses it. The letter is moved
 * back when the word as written is no listed word (`listed`: the exact vocabulary, not the slips a link allows,
 * for "hansas" is one slip from "hansa"), or when it is a capital after small letters ("PowerS").
 */
const GLUED_DOTTED = /(\p{L}{3,})(\p{L})(\.\p{L}(?:\.\p{L})*\.?)(?!\p{L})/gu;
const CAPITAL_AFTER_SMALL = /\p{Ll}$/u;
const CAPITAL = /^\p{Lu}$/u;

export function dottedApart(raw: string, listed: (written: string) => boolean): string {
  if (!raw.includes('.')) return raw;
  return raw.replace(GLUED_DOTTED, (whole, word: string, letter: string, rest: string) => {
    const typedApart = CAPITAL.test(letter) && CAPITAL_AFTER_SMALL.test(word);
    return typedApart || !listed(word + letter) ? `${word} ${letter}${rest}` : whole;
  });
}
