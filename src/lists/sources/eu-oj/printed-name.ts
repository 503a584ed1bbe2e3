import { countryCode } from '../../../entity/countries.ts';
import type { EntityKind } from '../../../entity/list-entity.ts';

/**
 * The EU Official Journal prints a name cell as prose: "Munzir (a.k.a. Mundhir, Monzer) Jamil AL-ASSAD",
 * "Thae Pyong San (Petrel 1)" (a vessel's former name), "Sohra Group / Sohra LLC", "Tariq Gidar Group (TGG)",
 * "Muhammad AL-SALTI (Muhamad AL-SALTI, …) – محمد السلطي, …", "Kabir, A., Maulavi (Governor of Nangarhar
 * Province)". Other lists give the same entities a clean primary name and separate aliases; matching the whole
 * cell as one name leaves half its words unmatched against every other spelling. This splits the cell into a
 * primary name and aliases; the printed cell stays in the entity's `raw`.
 */
export interface PrintedName {
  primary: string;
  aliases: string[];
}

/** Words that open a bracket or tail of other names; the rest of the text is aliases, whatever its shape. */
const MARKER =
  /^(?:a\.?\s?k\.?\s?a\.?|f\.?\s?k\.?\s?a\.?|alias(?:es)?:?|also known as|formerly(?: known as)?\.?:?|previously(?: known as)?|ex(?=[\s.-])\.?-?|born|née|nee|russian:|ukrainian:|belarusian:)\s*/i;
/** An unbracketed "a.k.a." or "known as" between names. */
const INLINE_AKA = /\s+(?:a\.k\.a\.?|known as)\s+/i;
/** A bracket holding a post or a note, not a name ("Governor of Nangarhar Province", "Belarus branch"). */
const DESCRIPTIVE =
  /\b(?:minister|ministry|governor|head|deputy|representative|committee|society|chief|commander|president|director|province|member|leader|branch|located|office|subsidiary|devil|of|in|the)\b/i;

interface Group {
  /** Index of the outside word the bracket follows (−1 before any word). */
  after: number;
  text: string;
}

const clean = (s: string): string =>
  s
    .replace(/^[\s'"‘’“”,;:–-]+|[\s'"‘’“”,;:–/-]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const hasLetter = (s: string): boolean => /\p{L}/u.test(s);
const isLatin = (word: string): boolean => !/[^\p{Script=Latin}\P{L}]/u.test(word);

/** Outside words and top-level bracket groups; null when the brackets do not balance. */
function parse(text: string): { words: string[]; groups: Group[] } | null {
  const words: string[] = [];
  const groups: Group[] = [];
  let depth = 0;
  let buf = '';
  for (const ch of text) {
    if (ch === '(') {
      if (depth === 0) {
        words.push(...buf.split(/\s+/).filter(Boolean));
        buf = '';
      } else buf += ',';
      depth++;
    } else if (ch === ')') {
      depth--;
      // A stray closing bracket ("HUSSEIN a.k.a. Hussain)") is a typo in the Journal, not a group.
      if (depth < 0) {
        depth = 0;
        buf += ' ';
      } else if (depth === 0) {
        groups.push({ after: words.length - 1, text: buf });
        buf = '';
      } else buf += ',';
    } else buf += ch;
  }
  if (depth !== 0) return null;
  words.push(...buf.split(/\s+/).filter(Boolean));
  return { words, groups };
}

/**
 * A person's variant that stands for one word of the name, not a whole name: one word ("Mundhir"), or words
 * without a capitalised surname in a cell that capitalises surnames ("Abd al-Sattar" beside "AL SAYED").
 */
const SURNAME = /(?:^|\s)\p{Lu}{3,}/u;
const isWordVariant = (alt: string, printed: string): boolean =>
  !alt.includes(' ') || (!SURNAME.test(alt) && SURNAME.test(printed));

/** Splits at commas, semicolons and " or "; each part a name. */
const alternatives = (text: string): string[] =>
  text
    .split(/[,;]|\s+or\s+/i)
    .map(clean)
    .filter(hasLetter);

/**
 * Runs of Latin and of other-script words ("Andrey TROSHEV Андрей ТРОШЕВ"): one name per run. A word without
 * letters belongs to the run it stands in, and before any letter to the first run: "140 Repair Plant JSC" keeps
 * its number (a run of its own would be dropped, leaving "Repair Plant JSC", the name of every repair plant).
 */
function byScript(name: string): string[] {
  const runs: string[][] = [];
  let latin: boolean | null = null;
  for (const w of name.split(' ')) {
    const l: boolean | null = hasLetter(w) ? isLatin(w) : latin;
    if (runs.length === 0 || (latin !== null && l !== latin)) runs.push([]);
    runs[runs.length - 1]?.push(w);
    latin = l;
  }
  const out = runs.map((r) => clean(r.join(' '))).filter(hasLetter);
  return out.length > 0 ? out : [name];
}

/** "VARABEI/VERABEI", "Saeed AGHAJANI / Saeed Ara Jani", "Artyom/ Artem Grigoryevich SHEYNIN". */
function slashAlternatives(words: string[]): string[] {
  const segs: string[][] = [[]];
  for (const w of words) {
    if (w === '/') segs.push([]);
    else segs[segs.length - 1]?.push(w);
  }
  const parts = segs.filter((s) => s.length > 0);
  const [base, ...rest] = parts;
  if (!base) return [];
  if (rest.length === 0) return [base.join(' ')];
  const out = [base.join(' ')];
  for (const seg of rest) {
    if (seg.length >= 2 && base.length >= 2) out.push(seg.join(' '));
    else if (seg.length === 1) out.push([...base.slice(0, -1), ...seg].join(' '));
    else {
      // One word before the slash: it stands for the first word of the longer name after it.
      out[0] = [...base, ...seg.slice(1)].join(' ');
      out.push(seg.join(' '));
    }
  }
  return out;
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (cur[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** The word a one-word variant stands for: the one spelled most alike ("Samir" for "Samer"). */
function nearestWord(words: string[], variant: string): number {
  let best = words.length - 1;
  let bestD = Number.POSITIVE_INFINITY;
  words.forEach((w, i) => {
    const d = levenshtein(w.toLowerCase(), variant.toLowerCase()) / Math.max(w.length, variant.length);
    if (d < bestD) {
      best = i;
      bestD = d;
    }
  });
  return best;
}

export function splitPrintedName(printed: string, kind: EntityKind): PrintedName {
  const same = { primary: printed, aliases: [] };
  let text = printed;
  const aliases: string[] = [];
  const isPerson = kind === 'person';
  // A trailing "– محمد السلطي, أكرم السلطي": the names in their own script, after a dash.
  const tail = /^(.*?)\s+[–-]\s*([^\p{Script=Latin}]*)$/u.exec(text);
  if (tail?.[1] && hasLetter(tail[1])) {
    text = tail[1];
    aliases.push(...alternatives(tail[2] ?? ''));
  }
  const parsed = parse(text);
  if (!parsed) return same;
  let words = parsed.words;
  const substitutes: { index: number; word: string }[] = [];
  const keep = new Set<Group>();
  for (const g of parsed.groups) {
    const content = clean(g.text);
    const explicit = MARKER.test(content);
    const body = clean(content.replace(MARKER, ''));
    if (!hasLetter(body)) continue;
    if (!explicit && kind !== 'vessel' && !isLatin(body.replace(/\s/g, ''))) {
      // "Mohammed (محمد) HAMCHO": one word in its own script stands for the word before it.
      for (const alt of alternatives(body))
        if (isPerson && g.after >= 0 && !alt.includes(' ')) substitutes.push({ index: g.after, word: alt });
        else aliases.push(alt);
      continue;
    }
    if (!explicit && DESCRIPTIVE.test(body)) {
      if (!isPerson) keep.add(g);
      continue;
    }
    if (!explicit && !isPerson && kind !== 'vessel' && countryCode(body)) {
      keep.add(g);
      continue;
    }
    for (const alt of alternatives(body)) {
      if (isPerson && g.after >= 0 && isWordVariant(alt, printed))
        substitutes.push({ index: g.after, word: alt });
      else aliases.push(alt);
    }
  }
  if (keep.size > 0) {
    // Put notes that belong to the name back where they stood ("HK (Hong Kong) LINK", "Alfa-Bank (Belarus)").
    const out: string[] = [];
    words.forEach((w, i) => {
      if (i === 0)
        for (const g of parsed.groups) if (keep.has(g) && g.after < 0) out.push(`(${clean(g.text)})`);
      out.push(w);
      for (const g of parsed.groups) if (keep.has(g) && g.after === i) out.push(`(${clean(g.text)})`);
    });
    words = out;
  }
  // An unbracketed "X a.k.a. Y": Y is a whole other name, or one word standing for the word it resembles.
  const joined = words.join(' ');
  const [head, ...akas] = joined.split(INLINE_AKA);
  words = (head ?? '').split(' ').filter(Boolean);
  for (const aka of akas) {
    for (const alt of alternatives(aka).flatMap(byScript)) {
      if (isPerson && !alt.includes(' ')) substitutes.push({ index: nearestWord(words, alt), word: alt });
      else aliases.push(alt);
    }
  }
  // "(CAGL); GREAT LAKES BUSINESS COMPANY (GLBC)": two names of one organisation.
  if (!isPerson && words.includes(';')) {
    const cut = words.indexOf(';');
    aliases.push(clean(words.slice(cut + 1).join(' ')));
    words = words.slice(0, cut);
  }
  const slashed = words.flatMap((w) => (isPerson || w === '/' ? w.split(/(\/)/) : [w])).filter(Boolean);
  const [first, ...others] =
    isPerson || slashed.includes('/') ? slashAlternatives(slashed) : [words.join(' ')];
  const names = byScript(clean(first ?? ''));
  const primary = names[0] ?? '';
  if (!hasLetter(primary)) return same;
  aliases.push(...names.slice(1), ...others);
  const all = aliases.flatMap(byScript);
  // A substituted word keeps the rest of the name, whatever its script ("محمد HAMCHO").
  const primaryWords = primary.split(' ');
  for (const s of substitutes) {
    if (s.index >= primaryWords.length) continue;
    all.push(primaryWords.map((w, i) => (i === s.index ? s.word : w)).join(' '));
  }
  // "(g)" is a paragraph letter left in the cell, not a name.
  const unique = [...new Set(all.map(clean))].filter((a) => /\p{L}.*\p{L}/u.test(a) && a !== primary);
  return { primary, aliases: unique };
}
