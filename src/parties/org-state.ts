import type { IndexData } from './index-data.ts';
import { STATE_NAMES } from './org-generic.ts';
import type { PreparedName } from './prepare-query.ts';
import { STATUS } from './tokenize.ts';

/**
 * A state's formal name inside an organisation's name ("Foreign Trade Bank of the Democratic People's Republic
 * of Korea", "Ministry of Defence of the Republic of Belarus") says who owns the body, as "state" or "federal"
 * do: it weighs little (org-generic.csv, role `state`), so "Central Bank of the DPRK" is no longer a near twin of
 * the "Foreign Trade Bank of the DPRK" on the country's words alone. But two *different* states name two bodies:
 * the Belarusian ministry is not the Russian one, however alike the rest. Each state is told by the words of its
 * name no other state's name has ("korea", "belarus"; not "republic", "of").
 */
const STATE_OF = new Map<string, number>();
{
  const seen = new Map<string, number>();
  for (const skels of STATE_NAMES) for (const s of new Set(skels)) seen.set(s, (seen.get(s) ?? 0) + 1);
  STATE_NAMES.forEach((skels, k) => {
    for (const s of skels) if (seen.get(s) === 1) STATE_OF.set(s, k);
  });
}

/** The states named by the unmatched words flagged as status (bit k: the k-th state name). */
function statesLeft(
  skels: (i: number) => string,
  flags: (i: number) => number,
  n: number,
  used: number,
): number {
  let m = 0;
  for (let i = 0; i < n && i < 31; i++) {
    if (used & (1 << i) || !(flags(i) & STATUS)) continue;
    const k = STATE_OF.get(skels(i));
    if (k !== undefined) m |= 1 << k;
  }
  return m;
}

/**
 * True when the query's organisation name and the list's each name a state, left unmatched, and the two
 * differ: another body (name-score.ts counts it as a contradiction of structure, like another given name).
 */
export function otherState(
  d: IndexData,
  q: PreparedName,
  ts: number,
  te: number,
  usedQ: number,
  usedC: number,
): boolean {
  if (q.person) return false;
  const inQuery = statesLeft(
    (i) => q.skels[i]!,
    (i) => q.flags[i]!,
    q.skels.length,
    usedQ,
  );
  if (inQuery === 0) return false;
  const inList = statesLeft(
    (j) => d.vocab[d.tokVocab[ts + j]!]!,
    (j) => d.tokFlags[ts + j]!,
    te - ts,
    usedC,
  );
  return inList !== 0 && (inQuery & ~inList) !== 0;
}
