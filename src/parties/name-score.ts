import type { IndexData } from './index-data.ts';
import { maskWeight, type PreparedName } from './prepare-query.ts';
import { INITIAL } from './tokenize.ts';

/**
 * Name score = QUERY_SHARE × (share of the query's weight matched) + rest × (share of the list name's
 * weight matched). Weighted by rarity, so unmatched "trading"/"beograd" cost little and an unmatched rare
 * word costs a lot. The query side counts more: list names often carry seats, patronymics and former
 * names the customer never types, while an extra rare word in the customer's name is a real difference.
 */
export const QUERY_SHARE = 0.55;
const INITIAL_SIM = 0.85;
/** An initial stands in for a word but proves little: credit at most this much weight on the full side. */
const INITIAL_CREDIT = 2.5;
const WEAK_ALIAS_FACTOR = 0.95;
const MAX_PAIRS = 256;

const pairQ = new Int32Array(MAX_PAIRS);
const pairC = new Int32Array(MAX_PAIRS);
const pairS = new Float64Array(MAX_PAIRS);
const pairInit = new Uint8Array(MAX_PAIRS);
const order = new Int32Array(MAX_PAIRS);

export interface NameMatch {
  score: number;
  /** A rare word (or the exact full name) is shared, which retrieval is guaranteed to have found. */
  anchored: boolean;
  queryCoverage: number;
  listCoverage: number;
}

export function scoreName(d: IndexData, q: PreparedName, n: number): NameMatch {
  const ts = d.tokStart[n]!;
  const te = d.tokStart[n + 1]!;
  let np = 0;
  let anchored = false;
  const push = (qm: number, cm: number, sim: number, initial = false) => {
    if (np < MAX_PAIRS) {
      pairQ[np] = qm;
      pairC[np] = cm;
      pairS[np] = sim;
      pairInit[np] = initial ? 1 : 0;
      np++;
    }
  };
  for (let j = ts; j < te; j++) {
    const v = d.tokVocab[j]!;
    const ls = q.links.get(v);
    if (!ls) continue;
    if (d.postStart[v + 1]! - d.postStart[v]! <= d.rareCap) anchored = true;
    for (const l of ls) push(l.mask, 1 << (j - ts), l.sim);
  }
  for (let g = d.glueStart[n]!; g < d.glueStart[n + 1]!; g++) {
    const v = d.glueVocab[g]!;
    const ls = q.links.get(v);
    if (!ls) continue;
    for (const l of ls) {
      // A list-side glued pair ("SOHAINFO" vs "Soha Info") links only when spelled exactly alike.
      if (l.sim < 1 || l.mask !== (l.mask & -l.mask)) continue;
      if (d.postStart[v + 1]! - d.postStart[v]! <= d.rareCap) anchored = true;
      push(l.mask, 3 << d.gluePos[g]!, l.sim * 0.97);
    }
  }
  addInitialPairs(d, q, ts, te, push);

  // Greedy one-to-one assignment, best similarity first.
  for (let i = 0; i < np; i++) order[i] = i;
  const ord = order.subarray(0, np).sort((a, b) => pairS[b]! - pairS[a]!);
  let usedQ = 0;
  let usedC = 0;
  let qSum = 0;
  let cSum = 0;
  let exactPairs = 0;
  for (const i of ord) {
    const qm = pairQ[i]!;
    const cm = pairC[i]!;
    if (usedQ & qm || usedC & cm) continue;
    usedQ |= qm;
    usedC |= cm;
    const s = pairS[i]!;
    if (s === 1) exactPairs++;
    let qw = maskWeight(q.weights, qm);
    let cw = 0;
    for (let j = ts; j < te; j++) if (cm & (1 << (j - ts))) cw += d.tokWeight[j]!;
    if (pairInit[i]) {
      qw = Math.min(qw, INITIAL_CREDIT);
      cw = Math.min(cw, INITIAL_CREDIT);
    }
    qSum += s * qw;
    cSum += s * cw;
  }
  const qCov = q.totalWeight > 0 ? qSum / q.totalWeight : 0;
  const nw = d.nameWeight[n]!;
  const cCov = nw > 0 ? cSum / nw : 0;
  // Every token equal on both sides: the exact name, found through the full-name key even if all common.
  if (!anchored && q.fullKey !== null && exactPairs === q.skels.length && exactPairs === te - ts)
    anchored = true;
  let score = QUERY_SHARE * qCov + (1 - QUERY_SHARE) * cCov;
  if (d.nameWeak[n]) score *= WEAK_ALIAS_FACTOR;
  return { score, anchored, queryCoverage: qCov, listCoverage: cCov };
}

/** "V. Putin" ↔ "Vladimir Putin" in either direction; initials never anchor a hit on their own. */
function addInitialPairs(
  d: IndexData,
  q: PreparedName,
  ts: number,
  te: number,
  push: (qm: number, cm: number, s: number, initial: boolean) => void,
): void {
  if (!q.flags.some((f) => f & INITIAL) && !hasListInitial(d, ts, te)) return;
  for (let i = 0; i < q.skels.length; i++) {
    const qInit = (q.flags[i]! & INITIAL) !== 0;
    const qc = q.skels[i]![0];
    for (let j = ts; j < te; j++) {
      const cInit = (d.tokFlags[j]! & INITIAL) !== 0;
      if (!qInit && !cInit) continue;
      const cs = d.vocab[d.tokVocab[j]!]!;
      if (cs[0] === qc) push(1 << i, 1 << (j - ts), qInit && cInit ? 0.95 : INITIAL_SIM, true);
    }
  }
}

function hasListInitial(d: IndexData, ts: number, te: number): boolean {
  for (let j = ts; j < te; j++) if (d.tokFlags[j]! & INITIAL) return true;
  return false;
}
