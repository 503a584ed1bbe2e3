import { SUBSET_FLOOR } from './given-family.ts';
import type { IndexData } from './index-data.ts';
import { INITIALS_FLOOR } from './initials-found.ts';
import { CEIL_BELOW, CEIL_REVIEW, CEILING_REASONS } from './name-ceiling.ts';
import { type AlignedPair, type NameMatch, scoreName } from './name-score.ts';
import { PHRASE_FLOOR } from './org-phrase.ts';
import type { PreparedName } from './prepare-query.ts';
import { tokenizeName } from './tokenize.ts';
import type { Thresholds } from './types.ts';

const SYMBOL: Record<AlignedPair['kind'], string> = {
  exact: '=',
  translit: '≈',
  phonetic: '≈',
  edit: '~',
  glued: '=',
  initial: '~',
  variant: '≈',
  acronym: '=',
  'place form': '~',
  unvowelled: '≈',
};

const wordsOf = (words: readonly string[], mask: number) => words.filter((_, i) => mask & (1 << i)).join('+');

/**
 * The name part of a hit's explanation: which query word went with which list word, how alike they are, and
 * what stayed unmatched, e.g. "walid=walid (exact), harbi≈harby (translit 0.97); unmatched: query bin".
 * The alignment is recomputed here, for the few hits that are returned, so scoring itself allocates nothing.
 */
export function describeNameMatch(
  d: IndexData,
  q: PreparedName,
  n: number,
  listName: string,
  person: boolean,
  m: NameMatch,
  t: Thresholds,
): string {
  const pairs: AlignedPair[] = [];
  scoreName(d, q, n, pairs);
  // The index tokenised this very string the same way, so list positions are its words' positions.
  const listWords = tokenizeName(listName, person).words;
  let usedQ = 0;
  let usedC = 0;
  const parts = pairs
    .sort((a, b) => (a.queryMask & -a.queryMask) - (b.queryMask & -b.queryMask))
    .map((p) => {
      usedQ |= p.queryMask;
      usedC |= p.listMask;
      const grade = p.kind === 'exact' ? 'exact' : `${p.kind} ${Math.round(p.sim * 100) / 100}`;
      return `${wordsOf(q.words, p.queryMask)}${SYMBOL[p.kind]}${wordsOf(listWords, p.listMask)} (${grade})`;
    });
  const unmatchedQ = wordsOf(q.words, ~usedQ).replaceAll('+', ' ');
  const unmatchedC = wordsOf(listWords, ~usedC).replaceAll('+', ' ');
  const unmatched = [unmatchedQ && `query ${unmatchedQ}`, unmatchedC && `list ${unmatchedC}`].filter(Boolean);
  let out = parts.length > 0 ? parts.join(', ') : 'no word aligned';
  if (unmatched.length > 0) out += `; unmatched: ${unmatched.join(', ')}`;
  out += `; query covered ${Math.round(m.queryCoverage * 100)}%, entry name covered ${Math.round(m.listCoverage * 100)}%`;
  if (!m.anchored) out += ' (common words only)';
  if (m.givenFamily)
    out += `; given and family name both found, other names on one side only: held near ${SUBSET_FLOOR} (review, not block alone)`;
  if (m.initials)
    out += `; given names as initials, every name accounted for: held at ${INITIALS_FLOOR} (review, not block alone)`;
  if (m.phrase)
    out += `; the whole name found word for word, in order, inside a longer listed name: held at ${PHRASE_FLOOR} (review, not block alone)`;
  if (m.listInside)
    out += `; the whole listed name found word for word, in order, inside the query beside only generic words: held at ${PHRASE_FLOOR} (review, not block alone)`;
  if (m.markersUnwritten)
    out += '; bin/ben written on one side only: not counted, the order unchecked (review, not block alone)';
  if (q.code !== null)
    out += `; ${q.code} set apart as a reference code typed beside the name (review at most on the name alone)`;
  if (q.ambiguousBreak && m.score > t.block - 0.01)
    out +=
      '; a word typed without spaces splits into listed words more than one way: review at most on the name alone';
  if (q.initialsCommon && m.ceiling === CEIL_BELOW)
    out += '; initials beside common names only: below review unless another field agrees';
  if (m.typosOnly && m.score > t.review - 0.01)
    out +=
      '; every word only a slip in a short word away: another name, below review unless another field agrees';
  if (m.genderForm)
    out += "; a family name in the other sex's form (Kuznetsova/Kuznetsov) is another person's: not linked";
  if (m.otherGiven)
    out += '; another given name on each side, the other names alike: a relative, not the person';
  else if (m.otherInitial) out += '; another middle initial on each side, the names alike: a namesake';
  else if (m.otherState) out += '; each name gives another state as its owner: another body';
  else if (m.structureConflicts > 0) out += '; name order contradicts (father and son swapped along bin/ibn)';
  // Said only where the ceiling holds the name score down (finalize.ts may still lift it by a field).
  const why = CEILING_REASONS[m.ceilingReason]!;
  if (
    (why.ceiling === CEIL_BELOW && m.score > t.review - 0.01) ||
    (why.ceiling === CEIL_REVIEW && m.score > t.block - 0.01)
  )
    out += `; ${why.text}`;
  return out;
}
