/**
 * A name typed without spaces keeps its capitals: "KhinMaungYi", "MUROVEvgeny", "PetroparsUKLimited",
 * "ОООАфипскийНПЗ". Where the case changes the typist began a word, which the dictionary split (word-break.ts)
 * cannot know: it needs every piece to be a listed word of three letters or more ("Yi", "Na", "El" are not), and
 * it stops at 32 letters ("StanislavKonstantinovichKUZNETSOV"). A written word is cut before a capital that
 * follows a small letter ("Khin|Maung") and before the last capital of a run followed by a small letter
 * ("MUROV|Evgeny", "UK|Limited"), only when the word as written links to no listed word (`linked`): "McDonald",
 * "GosMKB", "PetroChina" on a list are read whole.
 */
const BOUNDARY = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/gu;
const HAS_BOUNDARY = /\p{Ll}\p{Lu}|\p{Lu}\p{Lu}\p{Ll}/u;
/** Words as written: letters and digits between anything else (apostrophes and hyphens part words too). */
const WRITTEN = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * Each piece is written as a word is: capitals, small letters, or a capital and small letters ("Plant9" keeps its
 * digit); and the word has two small letters or more. One small letter among capitals is a slip of the keyboard,
 * not a word begun: "SOUTrHERN", "NIOzEC" (the peer benchmark's inserted letter) cut at their case would lose the
 * word "SOUTHERN" that one slip away still links.
 */
const WORD_SHAPE = /^(?:\p{Lu}+|\p{Ll}+|\p{Lu}\p{Ll}+)$/u;
const TWO_SMALL = /\p{Ll}.*\p{Ll}/u;

export function camelApart(raw: string, linked: (written: string) => boolean): string {
  if (!HAS_BOUNDARY.test(raw)) return raw;
  return raw.replace(WRITTEN, (w) => {
    if (!HAS_BOUNDARY.test(w)) return w;
    const pieces = w.split(BOUNDARY);
    return TWO_SMALL.test(w) && pieces.every((p) => WORD_SHAPE.test(p)) && !linked(w) ? pieces.join(' ') : w;
  });
}
