import type { IndexData } from './index-data.ts';
import { isNasabMarker } from './name-structure.ts';
import type { PreparedName } from './prepare-query.ts';
import { ANCESTOR } from './tokenize.ts';

/**
 * One list writes the nasab chain with its markers, "TARAK BEN TAHER BEN FALEH OUNI HARZI", another the same
 * names without them, "HARZI, Tariq Tahir Falih 'Awni" (OFAC often drops bin/ibn). The markers are notation,
 * not names: when the other side writes no marker at all, a marker left unmatched should not count as a name
 * the other side lacks. These return the weight of such markers on the query side and on the list side, which
 * name-score.ts takes out of that side's total before the coverage shares. When both sides write markers they
 * stay: an unmatched one then says the chains differ.
 */
export function queryMarkersUnwritten(
  d: IndexData,
  q: PreparedName,
  ts: number,
  te: number,
  usedQ: number,
): number {
  if (q.nasab === null || listHasMarker(d, ts, te)) return 0;
  let w = 0;
  for (let i = 0; i < q.skels.length && i < 31; i++)
    if (!(usedQ & (1 << i)) && q.flags[i]! & ANCESTOR && isNasabMarker(q.skels[i]!)) w += q.weights[i]!;
  return w;
}

export function listMarkersUnwritten(
  d: IndexData,
  q: PreparedName,
  ts: number,
  te: number,
  usedC: number,
): number {
  if (q.nasab !== null) return 0;
  let w = 0;
  for (let j = ts; j < te && j - ts < 31; j++)
    if (!(usedC & (1 << (j - ts))) && isMarkerAt(d, j)) w += d.tokWeight[j]!;
  return w;
}

const isMarkerAt = (d: IndexData, j: number): boolean =>
  (d.tokFlags[j]! & ANCESTOR) !== 0 && isNasabMarker(d.vocab[d.tokVocab[j]!]!);

function listHasMarker(d: IndexData, ts: number, te: number): boolean {
  for (let j = ts; j < te; j++) if (isMarkerAt(d, j)) return true;
  return false;
}
