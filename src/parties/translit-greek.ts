import table from './data/translit/greek.json' with { type: 'json' };

/**
 * Greek before any-ascii (data/translit/greek.json, ELOT 743 as Greek passports spell names): accents stripped,
 * then the digraphs any-ascii reads letter by letter ("ου" is ou, not "oy"). μπ and ντ are b and d only at a
 * word's start; inside a word they are mp and nt ("Κωνσταντίνος" is Konstantinos, not "Konstadinos").
 */
export const HAS_GREEK = /[\u0370-\u03ff\u1f00-\u1fff]/;

const DIGRAPHS = table.digraphs.map(([from, to]) => [new RegExp(from!, 'g'), to!] as const);
const EDGE = table.initialOrMedial.map(([from, initial, medial]) => ({
  initial: new RegExp(`(^|[^\\p{L}])${from}`, 'gu'),
  any: new RegExp(from!, 'g'),
  initialTo: initial!,
  medialTo: medial!,
}));

/** Greek letters of lower-case `text` with their accents gone and digraphs read; other characters unchanged. */
export function romaniseGreekDigraphs(text: string): string {
  let s = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
  for (const [re, out] of DIGRAPHS) s = s.replace(re, out);
  for (const e of EDGE) s = s.replace(e.initial, `$1${e.initialTo}`).replace(e.any, e.medialTo);
  return s;
}

const ENDING = new RegExp(`^([a-z]{${table.minStem},}?)(?:${table.nominativeEndings.join('|')})$`);

/**
 * A Greek man's name without its nominative ending, for the query side: "alexandros" is also "alexandr", which
 * meets "Alexander" as a spelling; "konstantinos" meets "Konstantin". `word` is a first reading in ASCII.
 */
export function greekStemReading(word: string): string | undefined {
  const m = ENDING.exec(word);
  return m ? m[1] : undefined;
}
