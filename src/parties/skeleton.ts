import koreanSurnames from './data/translit/korean-surnames.json' with { type: 'json' };

/**
 * A phonetic "skeleton" of one ASCII token: folds the spelling choices that differ between romanisation
 * systems (BGN/PCGN, ISO 9, passport/ICAO, German/French conventions) so "bitteriya", "bitteria" and
 * "bitterija" meet, as do kh/h, ts/c, shch/sch, ye/ie/e, y/i/j and doubled letters. It is a matching key
 * only, never shown. Order matters: multi-letter rules run before single-letter folds.
 *
 * Whole-word variants come first: Korean surnames are spelled several ways for one name (Choe/Choi/Chwe,
 * Ri/Lee/Yi/Rhee, Pak/Park/Bak), which no letter rule can fold (data/translit/korean-surnames.json).
 */
// A Map, not the JSON object: a token like "constructor" must not find an inherited property.
const WORD_VARIANTS = new Map<string, string>(Object.entries(koreanSurnames.variants));

const MULTI: [RegExp, string][] = [
  [/shch/g, 'sh'],
  [/sch/g, 'sh'],
  [/tch/g, 'ch'],
  // Hard c is k ("Company"/"Kompaniya", "Micran"/"Микран"); soft c (before e/i/y) and "ch" stay. Runs
  // before ts→c so Cyrillic Ц never turns into k.
  [/c(?![eiyh])/g, 'k'],
  [/dzh/g, 'dj'],
  [/zh/g, 'z'],
  [/kh/g, 'h'],
  [/ts/g, 'c'],
  [/tz/g, 'c'],
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/ck/g, 'k'],
  [/x/g, 'ks'],
  [/q/g, 'k'],
  [/w/g, 'v'],
  [/[yj]/g, 'i'],
];

const VOWEL_FOLDS: [RegExp, string][] = [
  // Word-initial Е is "Ye" (BGN) or "E" (passports): Yevgeniy/Evgeniy, Yelena/Elena.
  [/^ie/, 'e'],
  // After a vowel BGN writes Е as "ye", passports and scholars as "e": Nikolayevich/Nikolaevich, Sergeyev/Sergeev.
  [/([ae])ie/g, '$1e'],
  [/ou/g, 'u'],
  [/ue/g, 'u'],
  [/oe/g, 'o'],
];

// Token → skeleton. Queries keep at most QUERY_MEMO entries. Building an index runs every token of every list
// through here (~110,000 with glued pairs): it memoises without bound and empties the memo when done, so those
// strings do not stay in the API's heap, where each major GC would mark them again (~110,000 of ~400,000
// objects with every list loaded).
const QUERY_MEMO = 20_000;
const cache = new Map<string, string>();
let cap = QUERY_MEMO;

let builds = 0;

/**
 * Memoises without bound until the returned function is called. Counted, because builds run in slices now and
 * can overlap (the active snapshot and an as-of one): the memo empties when the last of them ends. Queries that
 * run between slices use the same memo; a skeleton is a pure function of its token, so sharing changes no result.
 */
export function openBuildMemo(): () => void {
  builds++;
  cap = Number.POSITIVE_INFINITY;
  let open = true;
  return () => {
    if (!open) return;
    open = false;
    if (--builds > 0) return;
    cap = QUERY_MEMO;
    cache.clear();
  };
}

export function skeleton(token: string): string {
  const hit = cache.get(token);
  if (hit !== undefined) return hit;
  let s = WORD_VARIANTS.get(token) ?? token;
  // Digits carry identity (e.g. "ROSOBORONEXPORT 2"); keep numeric tokens verbatim.
  if (!/^\d+$/.test(s)) {
    for (const [re, out] of MULTI) s = s.replace(re, out);
    s = collapse(s);
    for (const [re, out] of VOWEL_FOLDS) s = s.replace(re, out);
    s = collapse(s);
  }
  if (cache.size >= cap) cache.clear();
  cache.set(token, s);
  return s;
}

// One regex pass, not `out += c`: from 13 characters on, V8 makes each += a rope node, so a long skeleton was a
// chain of ropes that the interned vocabulary kept alive (~160,000 of them with every list loaded).
function collapse(s: string): string {
  return s.replace(/(.)\1+/gsu, '$1');
}
