import { type BackgroundRarity, rarity } from './background-rarity.ts';
import {
  type KeyRun,
  mergeKeyRunsSteps,
  packKey,
  sortSteps,
  unpackKeySteps,
  VOCAB_SPAN,
} from './deletion-keys.ts';
import { FrameIndexBuilder } from './frame-index.ts';
import {
  ANCESTOR_FACTOR,
  delTableSteps,
  GENERIC_FACTOR,
  INITIAL_WEIGHT,
  type IndexData,
  idf,
  PATRONYMIC_FACTOR,
  TAIL_FACTOR,
  TITLE_FACTOR,
} from './index-data.ts';
import type { PreparedSource } from './prepare-source.ts';
import type { Steps } from './slices.ts';
import { StringPostings } from './string-postings.ts';
import { StringTable } from './string-table.ts';
import { ANCESTOR, GENERIC, INITIAL, PATRONYMIC, TAIL, TITLE } from './tokenize.ts';

/**
 * Share of all names above which a token counts as common. On the real lists (54k names) 0.3% puts
 * "trading", "group", "holding", "bank", "international" and the most frequent given names on the common
 * side, while surnames, brand words and small towns stay rare.
 */
const RARE_SHARE = 0.003;
const RARE_MIN = 50;

/** An index without its entity table: the table stays with whoever holds the entries (see index-builder.ts). */
export type AssembledIndex = Omit<IndexData, 'entities'>;

/**
 * The index over prepared list parts, in their order: what depends on every list at once (the vocabulary's
 * numbering, document frequencies, postings, idf weights, the common-token cap, the deletion table) is worked
 * out here, over typed arrays, at ~a quarter of a whole build's CPU. Parts in the order of the concatenated
 * entity table give the very index a build over that table gives. Checkpoints every 1,024 strings or names.
 */
export function* assembleIndexSteps(
  parts: readonly PreparedSource[],
  background?: BackgroundRarity,
): Steps<AssembledIndex> {
  const t0 = performance.now();
  // Global vocabulary: each part's strings in its (first-seen) order, less those an earlier part brought.
  const vocab: string[] = [];
  const idOf = new Map<string, number>();
  const remaps: Int32Array[] = [];
  // The part that brought each string: part k's own strings get ids in its local order.
  const introducedBy: number[] = [];
  for (const [k, p] of parts.entries()) {
    const remap = new Int32Array(p.vocab.length);
    for (let l = 0; l < p.vocab.length; l++) {
      if ((l & 1023) === 1023) yield;
      const s = p.vocab[l]!;
      let g = idOf.get(s);
      if (g === undefined) {
        g = vocab.length;
        vocab.push(s);
        idOf.set(s, g);
        introducedBy.push(k);
      }
      remap[l] = g;
    }
    remaps.push(remap);
  }
  if (vocab.length >= VOCAB_SPAN) throw new Error('vocabulary too large for packed deletion keys');
  const { entityOffsets, nameOffsets, ...n } = yield* concatParts(parts, remaps);
  const nameCount = n.nameEntity.length;
  const { tokStart: ts, tokVocab: tv, glueStart: gs, glueVocab: gv } = n;

  // Document frequency and postings (each name once per vocabulary id).
  const V = vocab.length;
  const df = new Int32Array(V);
  const postCount = new Int32Array(V);
  const last = new Int32Array(V).fill(-1);
  for (let m = 0; m < nameCount; m++) {
    if ((m & 1023) === 1023) yield;
    for (let j = ts[m]!; j < ts[m + 1]!; j++) {
      const v = tv[j]!;
      if (last[v] !== m) {
        last[v] = m;
        df[v]!++;
        postCount[v]!++;
      }
    }
    for (let g = gs[m]!; g < gs[m + 1]!; g++) {
      const v = gv[g]!;
      if (last[v] !== m) {
        last[v] = m;
        postCount[v]!++;
      }
    }
  }
  const postStart = new Int32Array(V + 1);
  for (let v = 0; v < V; v++) postStart[v + 1] = postStart[v]! + postCount[v]!;
  const post = new Int32Array(postStart[V]!);
  const fill = postStart.slice(0, V);
  last.fill(-1);
  for (let m = 0; m < nameCount; m++) {
    if ((m & 1023) === 1023) yield;
    // Tokens, then glued pairs; inlined, as a closure made per name cost ~10% of the assembly.
    for (let j = ts[m]!; j < ts[m + 1]!; j++) {
      const v = tv[j]!;
      if (last[v] === m) continue;
      last[v] = m;
      post[fill[v]!++] = m;
    }
    for (let g = gs[m]!; g < gs[m + 1]!; g++) {
      const v = gv[g]!;
      if (last[v] === m) continue;
      last[v] = m;
      post[fill[v]!++] = m;
    }
  }

  const { delHash, delVocab } = yield* deletionKeySteps(parts, remaps, introducedBy);
  const delTable = yield* delTableSteps(delHash);

  // Token weights: rarity over the loaded names, lowered for seat/branch tails, patronymics and initials.
  const tokWeight = new Float32Array(tv.length);
  const nameWeight = new Float32Array(nameCount);
  const nameHasInitial = new Uint8Array(nameCount);
  for (let m = 0; m < nameCount; m++) {
    if ((m & 1023) === 1023) yield;
    let sum = 0;
    for (let j = ts[m]!; j < ts[m + 1]!; j++) {
      const f = n.tokFlags[j]!;
      let w = f & INITIAL ? INITIAL_WEIGHT : rarity(df[tv[j]!]!, nameCount, vocab[tv[j]!]!, background);
      if (f & TAIL) w *= TAIL_FACTOR;
      if (f & GENERIC) w *= GENERIC_FACTOR;
      if (f & PATRONYMIC) w *= PATRONYMIC_FACTOR;
      if (f & ANCESTOR) w *= ANCESTOR_FACTOR;
      if (f & TITLE) w *= TITLE_FACTOR;
      if (f & INITIAL) nameHasInitial[m] = 1;
      tokWeight[j] = w;
      sum += w;
    }
    nameWeight[m] = sum;
  }

  return {
    vocab,
    vocabMap: yield* StringTable.ofSteps(vocab),
    df,
    postStart,
    post,
    delHash,
    delVocab,
    delTable,
    ...n,
    nameHasInitial,
    tokWeight,
    nameWeight,
    fullKey: yield* StringPostings.freezeSteps(yield* mergePostings(parts, (p) => p.fullKey, nameOffsets)),
    ...(yield* frameIndexSteps(parts, remaps)),
    ids: yield* StringPostings.freezeSteps(yield* mergePostings(parts, (p) => p.ids, entityOffsets)),
    rareCap: Math.max(RARE_MIN, Math.ceil(nameCount * RARE_SHARE)),
    idfMax: idf(1, nameCount),
    ...(background ? { background } : {}),
    buildMs: performance.now() - t0,
  };
}

/**
 * The index's deletion keys over global ids. A string's neighbourhood is a pure function of it, so it is taken
 * from the first part that has the string as a token. Part k's keys for strings it brought stay sorted when
 * remapped (their global ids rise in its local order); keys of a string an earlier part brought as a glued
 * pair only (rare) are sorted apart. The sorted runs are then merged.
 */
function* deletionKeySteps(
  parts: readonly PreparedSource[],
  remaps: readonly Int32Array[],
  introducedBy: readonly number[],
): Steps<KeyRun> {
  const taken = new Uint8Array(introducedBy.length);
  const runs: KeyRun[] = [];
  const adopted: number[] = [];
  for (let k = 0; k < parts.length; k++) {
    const { tokVocab, delKeys } = parts[k]!;
    const remap = remaps[k]!;
    const owns = new Uint8Array(remap.length);
    for (let j = 0; j < tokVocab.length; j++) {
      const l = tokVocab[j]!;
      const g = remap[l]!;
      if (taken[g]) continue;
      taken[g] = 1;
      owns[l] = 1;
    }
    yield;
    const size = delKeys.delHash.length;
    const run = { delHash: new Uint32Array(size), delVocab: new Int32Array(size) };
    let n = 0;
    for (let i = 0; i < size; i++) {
      if ((i & 16383) === 16383) yield;
      const l = delKeys.delVocab[i]!;
      if (!owns[l]) continue;
      const g = remap[l]!;
      if (introducedBy[g] === k) {
        run.delHash[n] = delKeys.delHash[i]!;
        run.delVocab[n++] = g;
      } else adopted.push(packKey(delKeys.delHash[i]!, g));
    }
    runs.push({ delHash: run.delHash.subarray(0, n), delVocab: run.delVocab.subarray(0, n) });
  }
  runs.push(yield* unpackKeySteps(yield* sortSteps(Float64Array.from(adopted))));
  return yield* mergeKeyRunsSteps(runs);
}

/** The parts' per-name and per-token arrays end to end, local numbers shifted and vocabulary ids remapped. */
function* concatParts(parts: readonly PreparedSource[], remaps: readonly Int32Array[]) {
  const sum = (f: (p: PreparedSource) => number) => parts.reduce((s, p) => s + f(p), 0);
  const E = sum((p) => p.entityCount);
  const N = sum((p) => p.nameEntity.length);
  const T = sum((p) => p.tokVocab.length);
  const G = sum((p) => p.glueVocab.length);
  const out = {
    nameEntity: new Int32Array(N),
    nameAlias: new Int32Array(N),
    nameWeak: new Uint8Array(N),
    nameLegal: new Uint32Array(N),
    entNameStart: new Int32Array(E + 1),
    tokStart: new Int32Array(N + 1),
    tokVocab: new Int32Array(T),
    tokFlags: new Uint16Array(T),
    tokWordHash: new Uint32Array(T),
    tokLightHash: new Uint32Array(T),
    glueStart: new Int32Array(N + 1),
    glueVocab: new Int32Array(G),
    gluePos: new Uint8Array(G),
  };
  const entityOffsets: number[] = [];
  const nameOffsets: number[] = [];
  let [e0, n0, t0, g0] = [0, 0, 0, 0];
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k]!;
    const remap = remaps[k]!;
    entityOffsets.push(e0);
    nameOffsets.push(n0);
    yield;
    const names = p.nameEntity.length;
    for (let m = 0; m < names; m++) {
      out.nameEntity[n0 + m] = p.nameEntity[m]! + e0;
      out.tokStart[n0 + m] = p.tokStart[m]! + t0;
      out.glueStart[n0 + m] = p.glueStart[m]! + g0;
    }
    for (let e = 0; e < p.entityCount; e++) out.entNameStart[e0 + e] = p.entNameStart[e]! + n0;
    yield;
    for (let j = 0; j < p.tokVocab.length; j++) out.tokVocab[t0 + j] = remap[p.tokVocab[j]!]!;
    for (let g = 0; g < p.glueVocab.length; g++) out.glueVocab[g0 + g] = remap[p.glueVocab[g]!]!;
    out.nameAlias.set(p.nameAlias, n0);
    out.nameWeak.set(p.nameWeak, n0);
    out.nameLegal.set(p.nameLegal, n0);
    out.tokFlags.set(p.tokFlags, t0);
    out.tokWordHash.set(p.tokWordHash, t0);
    out.tokLightHash.set(p.tokLightHash, t0);
    out.gluePos.set(p.gluePos, g0);
    e0 += p.entityCount;
    n0 += names;
    t0 += p.tokVocab.length;
    g0 += p.glueVocab.length;
  }
  out.entNameStart[E] = N;
  out.tokStart[N] = T;
  out.glueStart[N] = G;
  return { ...out, entityOffsets, nameOffsets };
}

/** The parts' key → local numbers maps as one, numbers shifted by each part's offset, keys in first-seen order. */
function* mergePostings(
  parts: readonly PreparedSource[],
  of: (p: PreparedSource) => ReadonlyMap<string, readonly number[]>,
  offsets: readonly number[],
): Steps<Map<string, number[]>> {
  const merged = new Map<string, number[]>();
  let keys = 0;
  for (let k = 0; k < parts.length; k++) {
    const at = offsets[k]!;
    for (const [key, values] of of(parts[k]!)) {
      if ((++keys & 1023) === 0) yield;
      const list = merged.get(key) ?? [];
      if (list.length === 0) merged.set(key, list);
      for (const v of values) list.push(v + at);
    }
  }
  return merged;
}

/**
 * The Arabic-frame index over the parts' framed words, in order: a word is indexed under the first part that has
 * it, as a build over the concatenated lists would (FrameIndexBuilder keeps a word's first vocabulary id).
 */
function* frameIndexSteps(parts: readonly PreparedSource[], remaps: readonly Int32Array[]) {
  const frames = new FrameIndexBuilder();
  let words = 0;
  for (let k = 0; k < parts.length; k++) {
    const remap = remaps[k]!;
    for (const w of parts[k]!.frameWords) {
      if ((++words & 1023) === 0) yield;
      frames.addFrames(w.word, remap[w.vocab]!, w.frames);
    }
  }
  return yield* frames.freezeSteps();
}
