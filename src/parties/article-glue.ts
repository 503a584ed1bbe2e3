import { ARTICLE_VOWELS, articleCompound, isArticleWord, sunPrefix } from './arabic-frames.ts';
import { frameLinks } from './frame-index.ts';
import type { IndexData } from './index-data.ts';
import type { LinkFinder } from './prepare-query.ts';
import { skeleton } from './skeleton.ts';
import { SIM_KINDS } from './spelling.ts';
import { glueKey } from './tokenize.ts';

/**
 * Query-side links of an Arabic article written apart, read with its neighbours as lists also write them
 * (arabic-frames.ts): "al Azhar" as the Maghrebi "Lazhar" (the pair in its romanisation families), and "Abd al
 * Rahman" as "Abdelrahman" (the three glued, as spelled or in its families). Persons' names and names of no known
 * kind only; a bounded number of lookups per word (one glued key, its frames).
 */
const KIND_VARIANT = SIM_KINDS.indexOf('variant');
/** Edits a glued key may differ by, as for a glued pair (prepare-query.ts). */
const GLUE_MAX_EDITS = 1;

/** Below a romanisation variant of a name: an article's form tells little. */
const ARTICLE_SIM = 0.9;

/**
 * The other spellings of an article before `next`: before a sun letter the article assimilates and is written so
 * ("es Sayed", "ad Dabbashi", "ash Shami" for al-Sayyid, al-Dabbashi, al-Shami), so "es" before "Sayed" is "al"/
 * "el", and "al" before "Sayed" is "as"/"es". Skeleton forms, as the vocabulary holds them.
 */
export function articleForms(word: string, next: string): string[] {
  const sun = sunPrefix(next);
  if (sun === undefined) return [];
  const assimilated = ARTICLE_VOWELS.map((v) => v + sun);
  if (isArticleWord(word)) return assimilated.map(skeleton);
  if (!assimilated.includes(word)) return [];
  return ['al', 'el', ...assimilated].filter((f) => f !== word).map(skeleton);
}

export interface GlueLinks {
  mask: number;
  links: Map<number, number>;
  kind?: number;
  /** Spelled as the words glued: graded as a glued pair (prepare-query.ts GLUE_SIM). */
  glued?: boolean;
}

export function articleGlueLinks(
  d: IndexData,
  words: readonly string[],
  i: number,
  find: LinkFinder,
): GlueLinks[] {
  const out: GlueLinks[] = [];
  const next = words[i + 1];
  if (next === undefined) return out;
  const forms = articleForms(words[i]!, next);
  if (forms.length > 0) {
    const links = new Map<number, number>();
    for (const f of forms) {
      const v = d.vocabMap.get(f);
      if (v !== undefined) links.set(v, ARTICLE_SIM);
    }
    if (links.size > 0) out.push({ mask: 1 << i, links, kind: KIND_VARIANT });
  }
  if (isArticleWord(words[i]!)) {
    const key = glueKey(words[i]!, next);
    const fl = key === undefined ? undefined : frameLinks(d, next, key, true);
    if (fl) out.push({ mask: 3 << i, links: fl, kind: KIND_VARIANT });
  }
  if (articleCompound(words, i)) {
    const key = glueKey(words[i]! + next, words[i + 2]!);
    if (key === undefined) return out;
    const spelled = find(d, key, GLUE_MAX_EDITS);
    if (spelled.size > 0) out.push({ mask: 7 << i, links: spelled, glued: true });
    const fl = frameLinks(d, words[i]! + next + words[i + 2]!, key);
    if (fl) out.push({ mask: 7 << i, links: fl, kind: KIND_VARIANT });
  }
  return out;
}
