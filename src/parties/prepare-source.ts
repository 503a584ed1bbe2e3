import type { ListEntity } from '../entity/list-entity.ts';
import {
  arabicFrames,
  articleCompound,
  articlePairFrames,
  compoundArticles,
  type Frame,
  isArticleWord,
} from './arabic-frames.ts';
import { type KeyRun, packKey, sortSteps, unpackKeySteps, VOCAB_SPAN } from './deletion-keys.ts';
import { deletionHashes } from './deletions.ts';
import { EntityTable } from './entity-table.ts';
import { Growable } from './growable.ts';
import { idKey, idStrength, normScheme, normValue } from './identifiers.ts';
import { GLUE_TRIPLE } from './index-data.ts';
import { legalFamilies } from './legal-forms.ts';
import { openBuildMemo } from './skeleton.ts';
import { slashParts } from './slash-names.ts';
import type { Steps } from './slices.ts';
import { foldHash, ROMANISED, romanised, wordHash } from './spelling.ts';
import { glueKey, INITIAL, tokenizeName } from './tokenize.ts';

/**
 * The part of an index build that depends on one list alone: every name tokenised, its tokens' hashes, glued
 * pairs, sorted-skeleton keys, strong identifiers, and the deletion neighbourhood of each token. It is ~75% of
 * a build's CPU (tokenising is regexes and transliteration), so a process keeps each list version's part and
 * an activation prepares only the list that changed; assemble-index.ts then puts the parts together with the
 * global statistics (document frequency, idf, the common-token cap) that depend on every list.
 *
 * Numbers here are local: entity and name numbers count from 0 within the list, vocabulary ids index `vocab`,
 * which holds the list's strings in the order a whole build would first meet them (a token, then the pair it
 * glues with the next). Assembling parts in order therefore interns the same strings in the same order as a
 * build over the concatenated lists, and the index comes out identical (test/parties/incremental-build.test.ts).
 */
export interface PreparedSource {
  entityCount: number;
  vocab: string[];
  nameEntity: Int32Array;
  nameAlias: Int32Array;
  nameWeak: Uint8Array;
  /** The families of each name's legal form (legal-forms.ts). */
  nameLegal: Uint32Array;
  entNameStart: Int32Array;
  tokStart: Int32Array;
  tokVocab: Int32Array;
  tokFlags: Uint16Array;
  tokWordHash: Uint32Array;
  tokLightHash: Uint32Array;
  glueStart: Int32Array;
  glueVocab: Int32Array;
  gluePos: Uint8Array;
  /** Sorted core skeletons of names with 2+ core tokens → local name numbers, in first-seen order. */
  fullKey: Map<string, number[]>;
  /** Strong identifier key → local entity numbers, in first-seen order. */
  ids: Map<string, number[]>;
  /**
   * Words of person names and of names of no known kind, each once, in first-seen order, with their local
   * vocabulary id and Arabic romanisation frames (arabic-frames.ts): the assembly indexes them without working
   * the frames out again.
   */
  frameWords: { word: string; vocab: number; frames: Frame[] }[];
  /** Deletion keys (deletion-keys.ts) of the strings used as tokens here, over local ids, sorted. */
  delKeys: KeyRun;
}

/** A checkpoint every 8 entities (tokenising all their names, ~80 µs an entity on the real lists). */
export function* prepareSourceSteps(entities: readonly ListEntity[] | EntityTable): Steps<PreparedSource> {
  const close = openBuildMemo();
  try {
    return yield* prepare(entities);
  } finally {
    close();
  }
}

function* prepare(entities: readonly ListEntity[] | EntityTable): Steps<PreparedSource> {
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
  const ids = new Map<string, number[]>();
  const frameWords: PreparedSource['frameWords'] = [];
  const framed = new Set<string>();

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
    // Names joined with a slash are each a name too (slash-names.ts).
    for (const nm of all.slice())
      for (const part of slashParts(nm.value, person)) all.push({ ...nm, value: part });
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
        if ((person || ent.kind === 'unknown') && !fromOtherScript && !framed.has(w)) {
          framed.add(w);
          frameWords.push({ word: w, vocab: v, frames: arabicFrames(w, false) });
        }
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
            const gv = intern(glued);
            glueVocab.push(gv);
            gluePos.push(i);
            // "AL-AZHAR" also framed as one word, to meet the Maghrebi "Lazhar" (arabic-frames.ts, elided article).
            const pair = `${w} ${t.words[i + 1]!}`;
            if (
              (person || ent.kind === 'unknown') &&
              !fromOtherScript &&
              isArticleWord(w) &&
              !framed.has(pair)
            ) {
              framed.add(pair);
              frameWords.push({ word: pair, vocab: gv, frames: articlePairFrames(t.words[i + 1]!, false) });
            }
          }
          // "Abd al-Rahman" also as one word of three, to meet "Abdelrahman" (arabic-frames.ts articleCompound).
          const three =
            (person || ent.kind === 'unknown') && articleCompound(t.words, i) && !(t.flags[i + 2]! & INITIAL);
          const triple = three ? glueKey(w + t.words[i + 1]!, t.words[i + 2]!) : undefined;
          if (triple !== undefined) {
            const tv = intern(triple);
            glueVocab.push(tv);
            gluePos.push(i | GLUE_TRIPLE);
            const word = w + t.words[i + 1]! + t.words[i + 2]!;
            if (!fromOtherScript && !framed.has(word)) {
              framed.add(word);
              frameWords.push({ word, vocab: tv, frames: arabicFrames(word, false) });
            }
            // "Abd al-Wahid" is also "Abdulwahid", "Nur al-Din" also "Nuruddin": the article as one word spells it.
            for (const a of compoundArticles(t.words[i + 2]!)) {
              const k = glueKey(w + a, t.words[i + 2]!);
              if (k === undefined || k === triple) continue;
              glueVocab.push(intern(k));
              gluePos.push(i | GLUE_TRIPLE);
            }
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
  tokStart.push(tokVocab.len);
  glueStart.push(glueVocab.len);
  const tv = tokVocab.done();
  const delKeys = yield* tokenNeighbourhoods(vocab, tv);
  return {
    entityCount: entities.length,
    vocab,
    nameEntity: nameEntity.done(),
    nameAlias: nameAlias.done(),
    nameWeak: Uint8Array.from(nameWeak),
    nameLegal: new Uint32Array(nameLegal.done().buffer),
    entNameStart,
    tokStart: tokStart.done(),
    tokVocab: tv,
    tokFlags: Uint16Array.from(tokFlags),
    tokWordHash: new Uint32Array(tokWordHash.done().buffer),
    tokLightHash: new Uint32Array(tokLightHash.done().buffer),
    glueStart: glueStart.done(),
    glueVocab: glueVocab.done(),
    gluePos: Uint8Array.from(gluePos),
    fullKey,
    ids,
    frameWords,
    delKeys,
  };
}

/**
 * The deletion neighbourhood of each string used as a token (a glue-only string links by equality, through
 * the vocabulary map, and has none), as packed (hash, local id) keys, sorted: the assembly merges the lists'
 * runs instead of sorting every key again. A checkpoint every 256 strings.
 */
function* tokenNeighbourhoods(vocab: readonly string[], tokVocab: Int32Array): Steps<KeyRun> {
  if (vocab.length >= VOCAB_SPAN) throw new Error('vocabulary too large for packed deletion keys');
  const isToken = new Uint8Array(vocab.length);
  for (const v of tokVocab) isToken[v] = 1;
  let keys = new Float64Array(1 << 12);
  let n = 0;
  const scratch = new Set<number>();
  for (let v = 0; v < vocab.length; v++) {
    if ((v & 255) === 255) yield;
    if (!isToken[v]) continue;
    scratch.clear();
    for (const h of deletionHashes(vocab[v]!, scratch)) {
      if (n === keys.length) {
        const grown = new Float64Array(n * 2);
        grown.set(keys);
        keys = grown;
      }
      keys[n++] = packKey(h, v);
    }
  }
  return yield* unpackKeySteps(yield* sortSteps(keys.slice(0, n)));
}
