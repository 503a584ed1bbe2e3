import anyAscii from 'any-ascii';
import cyrillic from './data/translit/cyrillic.json' with { type: 'json' };
import latin from './data/translit/latin.json' with { type: 'json' };

/**
 * Other romanisation systems' spellings of a Cyrillic or diacritic-Latin word, for the query side: the first
 * reading (translit.ts) follows BGN/PCGN as lists mostly do, and a name spelled by another system meets it through
 * these. Tables: data/translit/cyrillic.json (Ukrainian, Belarusian, Serbian, Bulgarian national systems;
 * Russian scholarly), latin.json (scholarly and national Latin letters → English digraphs).
 */
type Table = Record<string, string>;
const SYSTEMS = cyrillic.systems as Record<string, Table>;
const DETECT = Object.entries(cyrillic.detect).map(([lang, re]) => [lang, new RegExp(re)] as const);
const UK_INITIAL: Table = cyrillic.initialE.uk;
const LATIN: Table = latin.letters;
const LATIN_MARKED = new RegExp(`[${Object.keys(LATIN).join('')}]`);
const CYRILLIC = /[\u0400-\u04ff]/;

/** Languages whose system applies to a Cyrillic word: the national letters say which; else Russian/Bulgarian. */
function systemsFor(word: string): string[] {
  const found = DETECT.filter(([, re]) => re.test(word)).map(([lang]) => lang);
  // Macedonian has no table of its own here: its letters beside ѓ ќ ѕ are Serbian's.
  const langs = found.map((l) => (l === 'mk' ? 'sr' : l));
  return langs.length > 0 ? langs : ['bg', 'ru-scholarly'];
}

function applySystem(word: string, sys: string): string {
  const t = SYSTEMS[sys]!;
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word[i]!;
    out += (sys === 'uk' && i === 0 ? UK_INITIAL[c] : undefined) ?? t[c] ?? c;
  }
  return out;
}

/** č → ch, š → sh …: the English-transliteration spelling of a diacritic Latin word. */
function digraphs(word: string): string {
  let out = '';
  for (const c of word) out += LATIN[c] ?? c;
  return out;
}

const ascii = (s: string) => anyAscii(s).toLowerCase();

/** Alternative ASCII spellings of one lower-case word (may include its first reading; callers dedupe). */
export function systemReadings(word: string): string[] {
  const out: string[] = [];
  if (CYRILLIC.test(word)) {
    for (const sys of systemsFor(word)) {
      const r = applySystem(word, sys);
      // Serbian and the scholarly system give Latin with č š ž: both the bare letters and the digraphs.
      out.push(ascii(r));
      if (LATIN_MARKED.test(r)) out.push(ascii(digraphs(r)));
    }
  } else if (LATIN_MARKED.test(word)) {
    out.push(ascii(digraphs(word)));
  }
  return out;
}

const FAMILIES = latin.families.rules.map((r) => ({
  trigger: new RegExp(r.trigger),
  replace: r.replace.map(([from, to]) => [new RegExp(from!, 'g'), to!] as const),
}));

/**
 * A plain-ASCII word spelled by another family's conventions ("Chostakovitch", "Tschechow", "Szőcs") in the
 * English one. Only words showing a family's marker letters get its reading.
 */
export function familyReadings(word: string): string[] {
  const out: string[] = [];
  for (const f of FAMILIES) {
    if (!f.trigger.test(word)) continue;
    let s = word;
    for (const [re, to] of f.replace) s = s.replace(re, to);
    if (s !== word) out.push(s);
  }
  return out;
}
