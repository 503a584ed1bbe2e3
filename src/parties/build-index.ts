import type { ListEntity } from '../entity/list-entity.ts';
import { deletionKeySteps } from './deletion-keys.ts';
import { EntityTable } from './entity-table.ts';
import { FrameIndexBuilder } from './frame-index.ts';
import { idKey, idStrength, normScheme, normValue } from './identifiers.ts';
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
import { legalFamilies } from './legal-forms.ts';
import { openBuildMemo } from './skeleton.ts';
import { runAtOnce, runInSlices, type SliceStats, type Steps } from './slices.ts';
import { foldHash, ROMANISED, romanised, wordHash } from './spelling.ts';
import { StringPostings } from './string-postings.ts';
import { ANCESTOR, GENERIC, glueKey, INITIAL, PATRONYMIC, TAIL, TITLE, tokenizeName } from './tokenize.ts';

/**
 * Share of all names above which a token counts as common. On the real lists (54k names) 0.3% puts
 * "trading", "group", "holding", "bank", "international" and the most frequent given names on the common
 * side, while surnames, brand words and small towns stay rare.
 */
const RARE_SHARE = 0.003;
const RARE_MIN = 50;

class Growable {
  buf = new Int32Array(1024);
  len = 0;
  push(v: number): void {
    if (this.len === this.buf.length) {
      const next = new Int32Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.len++] = v;
  }
  done(): Int32Array {
    return this.buf.slice(0, this.len);
  }
}

export function buildIndexData(entities: readonly ListEntity[] | EntityTable): IndexData {
  return runAtOnce(buildIndexSteps(entities));
}

/** The same index, built in slices that give the event loop back (see slices.ts). */
export function buildIndexDataSliced(
  entities: readonly ListEntity[] | EntityTable,
  sliceMs?: number,
  stats?: SliceStats,
  signal?: AbortSignal,
): Promise<IndexData> {
  return runInSlices(buildIndexSteps(entities), sliceMs, stats, signal);
}

/**
 * Checkpoints (`yield`) sit inside every loop that grows with the lists, spaced so that the work between two
 * of them stays well under a millisecond: every 8 entities (tokenising all their names, ~80 µs an entity on
 * the real lists), every 1,024 names in the cheap per-name passes.
 */
export function* buildIndexSteps(entities: readonly ListEntity[] | EntityTable): Steps<IndexData> {
  const close = openBuildMemo();
  try {
    return yield* build(entities);
  } finally {
    close();
  }
}

function* build(entities: readonly ListEntity[] | EntityTable): Steps<IndexData> {
  const t0 = performance.now();
  const entity =
    entities instanceof EntityTable ? (e: number) => entities.get(e) : (e: number) => entities[e]!;
  const vocab: string[] = [];
  const vocabMap = new Map<string, number>();
  const intern = (s: string): number => {
    let id = vocabMap.get(s);
    if (id === undefined) {
      id = vocab.length;
      vocab.push(s);
      vocabMap.set(s, id);
    }
    return id;
  };
  const nameEntity = new Growable();
  const nameAlias = new Growable();
  const nameWeak: number[] = [];
  const nameLegal = new Growable();
  const entNameStart = new Int32Array(entities.length + 1);
  const tokStart = new Growable();
  const tokVocab = new Growable();
  const tokFlags: number[] = [];
  const tokWordHash = new Growable();
  const tokLightHash = new Growable();
  // Word → [word hash, light-fold hash]; words repeat across names (given names, "trading"), and the fold is regexes.
  const graded = new Map<string, [number, number]>();
  const glueStart = new Growable();
  const glueVocab = new Growable();
  const gluePos: number[] = [];
  const fullKey = new Map<string, number[]>();
  const frames = new FrameIndexBuilder();
  const ids = new Map<string, number[]>();

  for (let e = 0; e < entities.length; e++) {
    if ((e & 7) === 7) yield;
    const ent = entity(e);
    entNameStart[e] = nameEntity.len;
    const person = ent.kind === 'person';
    const seen = new Set<string>();
    const all: { value: string; quality: 'strong' | 'weak'; alias: number }[] = [
      { value: ent.name, quality: 'strong', alias: -1 },
      ...ent.aliases.map((a, i) => ({ value: a.value, quality: a.quality, alias: i })),
    ];
    for (const nm of all) {
      const t = tokenizeName(nm.value, person);
      if (t.skels.length === 0) continue;
      const key = t.skels.join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      const n = nameEntity.len;
      nameEntity.push(e);
      nameAlias.push(nm.alias);
      nameWeak.push(nm.quality === 'weak' ? 1 : 0);
      nameLegal.push(legalFamilies(t.legal));
      tokStart.push(tokVocab.len);
      glueStart.push(glueVocab.len);
      const fromOtherScript = romanised(nm.value);
      for (let i = 0; i < t.skels.length; i++) {
        const v = intern(t.skels[i]!);
        tokVocab.push(v);
        tokFlags.push(t.flags[i]!);
        const w = t.words[i]!;
        // Arabic romanisation frames: names of persons, and of entries whose kind no one knows (a watchlist's).
        if ((person || ent.kind === 'unknown') && !fromOtherScript) frames.add(w, v);
        let h = graded.get(w);
        if (!h) {
          h = [wordHash(w), foldHash(w)];
          graded.set(w, h);
        }
        tokWordHash.push(h[0]);
        tokLightHash.push(fromOtherScript ? ROMANISED : h[1]);
        const next = t.skels[i + 1];
        if (next !== undefined && !(t.flags[i]! & INITIAL) && !(t.flags[i + 1]! & INITIAL)) {
          const glued = glueKey(t.words[i]!, t.words[i + 1]!);
          if (glued !== undefined) {
            glueVocab.push(intern(glued));
            gluePos.push(i);
          }
        }
      }
      if (t.skels.length >= 2) {
        const k = [...t.skels].sort().join(' ');
        const list = fullKey.get(k);
        if (list) list.push(n);
        else fullKey.set(k, [n]);
      }
    }
    for (const id of ent.identifiers) {
      const scheme = normScheme(id.type);
      const value = normValue(scheme, id.value);
      if (!value || idStrength(scheme, value) !== 'strong') continue;
      const k = idKey(scheme, value);
      const list = ids.get(k);
      if (!list) ids.set(k, [e]);
      else if (list[list.length - 1] !== e) list.push(e);
    }
  }
  entNameStart[entities.length] = nameEntity.len;
  const nameCount = nameEntity.len;
  tokStart.push(tokVocab.len);
  glueStart.push(glueVocab.len);
  const ts = tokStart.done();
  const gs = glueStart.done();
  const tv = tokVocab.done();
  const gv = glueVocab.done();

  // Document frequency and postings (each name once per vocabulary id).
  const V = vocab.length;
  const df = new Int32Array(V);
  const postCount = new Int32Array(V);
  const last = new Int32Array(V).fill(-1);
  for (let n = 0; n < nameCount; n++) {
    if ((n & 1023) === 1023) yield;
    for (let j = ts[n]!; j < ts[n + 1]!; j++) {
      const v = tv[j]!;
      if (last[v] !== n) {
        last[v] = n;
        df[v]!++;
        postCount[v]!++;
      }
    }
    for (let g = gs[n]!; g < gs[n + 1]!; g++) {
      const v = gv[g]!;
      if (last[v] !== n) {
        last[v] = n;
        postCount[v]!++;
      }
    }
  }
  const postStart = new Int32Array(V + 1);
  for (let v = 0; v < V; v++) postStart[v + 1] = postStart[v]! + postCount[v]!;
  const post = new Int32Array(postStart[V]!);
  const fill = postStart.slice(0, V);
  last.fill(-1);
  for (let n = 0; n < nameCount; n++) {
    if ((n & 1023) === 1023) yield;
    const add = (v: number) => {
      if (last[v] === n) return;
      last[v] = n;
      post[fill[v]!++] = n;
    };
    for (let j = ts[n]!; j < ts[n + 1]!; j++) add(tv[j]!);
    for (let g = gs[n]!; g < gs[n + 1]!; g++) add(gv[g]!);
  }

  const { delHash, delVocab } = yield* deletionKeySteps(vocab, df);
  const delTable = yield* delTableSteps(delHash);

  // Token weights: rarity over the loaded names, lowered for seat/branch tails, patronymics and initials.
  const tokWeight = new Float32Array(tv.length);
  const nameWeight = new Float32Array(nameCount);
  const nameHasInitial = new Uint8Array(nameCount);
  const tokFlagsArr = Uint16Array.from(tokFlags);
  for (let n = 0; n < nameCount; n++) {
    if ((n & 1023) === 1023) yield;
    let sum = 0;
    for (let j = ts[n]!; j < ts[n + 1]!; j++) {
      const f = tokFlagsArr[j]!;
      let w = f & INITIAL ? INITIAL_WEIGHT : idf(df[tv[j]!]!, nameCount);
      if (f & TAIL) w *= TAIL_FACTOR;
      if (f & GENERIC) w *= GENERIC_FACTOR;
      if (f & PATRONYMIC) w *= PATRONYMIC_FACTOR;
      if (f & ANCESTOR) w *= ANCESTOR_FACTOR;
      if (f & TITLE) w *= TITLE_FACTOR;
      if (f & INITIAL) nameHasInitial[n] = 1;
      tokWeight[j] = w;
      sum += w;
    }
    nameWeight[n] = sum;
  }

  return {
    entities: entities instanceof EntityTable ? entities : yield* EntityTable.ofSteps(entities),
    vocab,
    vocabMap,
    df,
    postStart,
    post,
    delHash,
    delVocab,
    delTable,
    nameEntity: nameEntity.done(),
    nameAlias: nameAlias.done(),
    nameWeak: Uint8Array.from(nameWeak),
    nameLegal: new Uint32Array(nameLegal.done().buffer),
    nameHasInitial,
    entNameStart,
    tokStart: ts,
    tokVocab: tv,
    tokFlags: tokFlagsArr,
    tokWeight,
    tokWordHash: new Uint32Array(tokWordHash.done().buffer),
    tokLightHash: new Uint32Array(tokLightHash.done().buffer),
    nameWeight,
    glueStart: gs,
    glueVocab: gv,
    gluePos: Uint8Array.from(gluePos),
    fullKey: yield* StringPostings.freezeSteps(fullKey),
    ...(yield* frames.freezeSteps()),
    ids: yield* StringPostings.freezeSteps(ids),
    rareCap: Math.max(RARE_MIN, Math.ceil(nameCount * RARE_SHARE)),
    idfMax: idf(1, nameCount),
    buildMs: performance.now() - t0,
  };
}
