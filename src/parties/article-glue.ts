import { articleCompound, isArticleWord } from './arabic-frames.ts';
import { frameLinks } from './frame-index.ts';
import type { IndexData } from './index-data.ts';
import { GLUE_SIM, type LinkFinder } from './prepare-query.ts';
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

export interface GlueLinks {
  mask: number;
  links: Map<number, number>;
  kind?: number;
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
  if (isArticleWord(words[i]!)) {
    const key = glueKey(words[i]!, next);
    const fl = key === undefined ? undefined : frameLinks(d, next, key, true);
    if (fl) out.push({ mask: 3 << i, links: fl, kind: KIND_VARIANT });
  }
  if (articleCompound(words, i)) {
    const key = glueKey(words[i]! + next, words[i + 2]!);
    if (key === undefined) return out;
    const spelled = new Map<number, number>();
    for (const [v, sim] of find(d, key, GLUE_MAX_EDITS)) spelled.set(v, sim * GLUE_SIM);
    if (spelled.size > 0) out.push({ mask: 7 << i, links: spelled });
    const fl = frameLinks(d, words[i]! + next + words[i + 2]!, key);
    if (fl) out.push({ mask: 7 << i, links: fl, kind: KIND_VARIANT });
  }
  return out;
}
