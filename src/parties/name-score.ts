import { anotherThanCommon, isCommonNameSkel, isNameParticle } from './common-names.ts';
import { commonWholeFound, FOUND_SIM, givenFamilyFound, SUBSET_FLOOR, SUBSET_SLOPE } from './given-family.ts';
import { glueMask, type IndexData } from './index-data.ts';
import { INITIALS_FLOOR, initialFits, initialsFound, letterFits } from './initials-found.ts';
import { legalAgrees } from './legal-forms.ts';
import { CEIL_BELOW, CEIL_REVIEW, CEILING_REASONS, ceilingReason, isShortMatch } from './name-ceiling.ts';
import { inverted, listNasabRanks, nisbaPair, patronymicClash } from './name-structure.ts';
import { listMarkersUnwritten, queryMarkersUnwritten } from './nasab-unwritten.ts';
import { ACRONYM_SIM, acronymPairs } from './org-acronym.ts';
import { kindFound } from './org-kind-found.ts';
import { listInsideQuery, PHRASE_FLOOR, phraseInside } from './org-phrase.ts';
import { otherState } from './org-state.ts';
import { otherGivenName, otherMiddleInitial } from './other-given.ts';
import { GLUE_SIM, maskWeight, type PreparedName } from './prepare-query.ts';
import { ROMANISED, SIM_KINDS, type SimKind, skeletonEqualSim, spellingKind } from './spelling.ts';
import { genderForms } from './surname-gender.ts';
import { FAMILY, GENERIC, INITIAL, STATUS, TAIL } from './tokenize.ts';

/**
 * Name score = QUERY_SHARE × (share of the query's weight matched) + rest × (share of the list name's
 * weight matched). Weighted by rarity, so unmatched "trading"/"beograd" cost little and an unmatched rare
 * word costs a lot. The query side counts more: list names often carry seats, patronymics and former
 * names the customer never types, while an extra rare word in the customer's name is a real difference.
 * Each pair counts with its graded similarity (spelling.ts: exact, romanisation variant, sound-alike, typo).
 */
export const QUERY_SHARE = 0.55;
const INITIAL_SIM = 0.85;
/** An initial stands in for a word but proves little: credit at most this much weight on the full side. */
const INITIAL_CREDIT = 2.5;
const WEAK_ALIAS_FACTOR = 0.95;
/** Father and son swapped along a nasab chain: another person, whatever else matches. */
const STRUCTURE_PENALTY = 0.2;
const MAX_PAIRS = 256;
/** Below this, two different common names are not taken for one name misspelt (Mohammed/Mohammad: 0.84). */
const COMMON_ALIKE_MIN = 0.8;
/**
 * An edit link this weak is a slip in a short word ("Platal"/"Platan", "energy"/"energo": 0.82); one slip in a
 * word of nine letters or more scores 0.86 and up. An organisation's name of two words or more whose every word is
 * only such a likeness is another name, not one typed with a slip in each word (typos-only below).
 */
const LOOSE_EDIT_SIM = 0.85;
/** Below this a glued pair needed an edit too (a plain glued pair scores GLUE_SIM, 0.97). */
const LOOSE_GLUE_SIM = 0.96;

const KIND_EDIT = SIM_KINDS.indexOf('edit');
const KIND_GLUED = SIM_KINDS.indexOf('glued');
const KIND_INITIAL = SIM_KINDS.indexOf('initial');
const KIND_EXACT = SIM_KINDS.indexOf('exact');
const KIND_TRANSLIT = SIM_KINDS.indexOf('translit');
const KIND_PHONETIC = SIM_KINDS.indexOf('phonetic');
const KIND_ACRONYM = SIM_KINDS.indexOf('acronym');
const KIND_UNVOWELLED = SIM_KINDS.indexOf('unvowelled');
const KIND_VARIANT = SIM_KINDS.indexOf('variant');

const pairQ = new Int32Array(MAX_PAIRS);
const pairC = new Int32Array(MAX_PAIRS);
const pairS = new Float64Array(MAX_PAIRS);
const pairKind = new Uint8Array(MAX_PAIRS);
/** The pair joins two tokens with the same skeleton (what the exact full-name key retrieves). */
const pairSkel = new Uint8Array(MAX_PAIRS);
/** The pair is the same word (equal, or one romanised from another script), not merely alike. */
const pairSameWord = new Uint8Array(MAX_PAIRS);
const order = new Int32Array(MAX_PAIRS);
/** The greedy's order: a pair's similarity, less PARTICLE_LAST for a query particle's lone pair. */
const pairRank = new Float64Array(MAX_PAIRS);
const PARTICLE_LAST = 1;
const listRank = new Int8Array(32);
const acceptedQ = new Int32Array(32);
const acceptedC = new Int32Array(32);
/** Query word → list position it was matched to as the same word (-1: none), for org-phrase.ts. */
const qToC = new Int8Array(32);
/** Query word → list position it was found at (FOUND_SIM or better, not an initial), for given-family.ts. */
const foundPair = new Int8Array(32);

export interface NameMatch {
  score: number;
  /** A rare word (or the exact full name) is shared, which retrieval is guaranteed to have found. */
  anchored: boolean;
  queryCoverage: number;
  listCoverage: number;
  /** CEIL_* (name-ceiling.ts): the highest band this name reaches without a corroborating field. */
  ceiling: number;
  /** Index into CEILING_REASONS: why the ceiling holds (0: it does not). */
  ceilingReason: number;
  /** Rests on 3 letters or fewer: an agreeing field lifts it to review at most; block needs an identifier. */
  short: boolean;
  /** Pairs refused because they contradict the name's structure (nasab order). */
  structureConflicts: number;
  /** Each side's given name unmatched, the rest alike: a relative (other-given.ts); counted in the conflicts. */
  otherGiven: boolean;
  /** Each side keeps a middle initial the other lacks, the names alike: a namesake (other-given.ts); a conflict. */
  otherInitial: boolean;
  /** Each side names a different state's body (org-state.ts); counted in the conflicts. */
  otherState: boolean;
  /** A family name's other-sex form was left unlinked ("Kuznetsova"/"Kuznetsov": surname-gender.ts). */
  genderForm: boolean;
  /** An organisation's name of 2+ words, each only a weak edit likeness (LOOSE_EDIT_SIM): below review alone. */
  typosOnly: boolean;
  /** Nasab markers written on one side only were left out of the coverage (nasab-unwritten.ts): review at most. */
  markersUnwritten: boolean;
  /** The score was held up because one name's words give the other's given and family name (given-family.ts). */
  givenFamily: boolean;
  /** Given names written as initials, every word accounted for (initials-found.ts): held at INITIALS_FLOOR. */
  initials: boolean;
  /** The score was held up because the query's whole organisation name is a phrase of the list name (org-phrase.ts). */
  phrase: boolean;
  /** Held up because the listed name is whole inside the query beside only generic words (org-phrase.ts). */
  listInside: boolean;
}

/** One aligned part, for the explanation: query positions and list positions as bit masks. */
export interface AlignedPair {
  queryMask: number;
  listMask: number;
  kind: SimKind;
  sim: number;
}

const bitIndex = (m: number) => 31 - Math.clz32(m);

/**
 * Candidate pairs of the name being scored, in the module's scratch arrays. A module function, not a closure
 * made per call: scoreName runs for every candidate, and a closure per call (named at each creation under the
 * tsx loader the service runs on) was a tenth of the matching time in a profile.
 */
let np = 0;
function push(
  qm: number,
  cm: number,
  sim: number,
  kind: number,
  skelEqual: boolean,
  sameWord = kind === KIND_EXACT,
): void {
  if (np < MAX_PAIRS) {
    pairQ[np] = qm;
    pairC[np] = cm;
    pairS[np] = sim;
    pairKind[np] = kind;
    pairSkel[np] = skelEqual ? 1 : 0;
    pairSameWord[np] = sameWord ? 1 : 0;
    np++;
  }
}

export function scoreName(d: IndexData, q: PreparedName, n: number, out?: AlignedPair[]): NameMatch {
  const ts = d.tokStart[n]!;
  const te = d.tokStart[n + 1]!;
  np = 0;
  let anchored = false;
  let genderForm = false;
  const qWords = q.skels.length;
  const cWords = te - ts;
  for (let j = ts; j < te; j++) {
    const v = d.tokVocab[j]!;
    const ls = q.links.get(v);
    if (!ls) continue;
    if (d.postStart[v + 1]! - d.postStart[v]! <= d.rareCap) anchored = true;
    for (const l of ls) {
      if ((l.mask & (l.mask - 1)) !== 0) {
        // Two query words spelled exactly as one list word: the same word, a space apart ("YAS AIR"/"YASAIR").
        push(l.mask, 1 << (j - ts), l.sim, KIND_GLUED, false, l.sim >= GLUE_SIM);
        continue;
      }
      const qi = bitIndex(l.mask);
      const cSkel = d.vocab[v]!;
      if (patronymicClash(q.flags[qi]!, qWords, q.skels[qi]!, d.tokFlags[j]!, cWords, cSkel)) continue;
      if (l.sim < 1) {
        // "Mary"/"Mark", "Yang"/"Kang": a weak likeness between two common names is two names, not a typo; so too
        // when the name of unknown kind is read as a firm's ("David Wang" on a listed "David Wong").
        if (
          (q.commonName || isCommonNameSkel(q.skels[qi]!)) &&
          l.sim < COMMON_ALIKE_MIN &&
          isCommonNameSkel(cSkel)
        )
          continue;
        // "Zahrani"/"Zafrani": a common name typed as such, a consonant changed, is another name.
        if (q.commonName && l.kind === undefined && anotherThanCommon(q.skels[qi]!, cSkel)) continue;
        // "Heydari"/"Heydar": a nisba makes another name of a person's name, not a misspelling of it.
        if (q.person && l.kind === undefined && nisbaPair(q.skels[qi]!, cSkel)) continue;
        // "Kuznetsova"/"Kuznetsov": a family name's feminine and masculine forms are two people (surname-gender.ts),
        // in a query read as a person's name or against a listed person's family name, however they were linked
        // (an edit, or the vowels of "Orleskiy"/"Orleskaya" as a romanisation variant).
        if ((q.person || d.tokFlags[j]! & FAMILY) && genderForms(q.skels[qi]!, cSkel)) {
          genderForm = true;
          continue;
        }
        // A word without its short vowels is another script's spelling, not a Latin one's (unvowelled.ts): it
        // meets a list word romanised from an abjad, or a query word read from one meets a list word with vowels.
        if (l.kind === KIND_UNVOWELLED && d.tokLightHash[j] !== ROMANISED && q.lightHash[qi] !== ROMANISED)
          continue;
        push(l.mask, 1 << (j - ts), l.sim, l.kind ?? KIND_EDIT, false, l.kind === KIND_UNVOWELLED);
        continue;
      }
      // Same skeleton: graded by how the two words are spelled.
      if (q.wordHash[qi] === d.tokWordHash[j]) push(l.mask, 1 << (j - ts), 1, KIND_EXACT, true);
      else {
        const kind = spellingKind(q.lightHash[qi]!, d.tokLightHash[j]!);
        const sim = skeletonEqualSim(kind, q.words[qi]!.length);
        // Another script's word romanised is the same word; a Latin "Bayer"/"Bajer" is only alike.
        const same = q.lightHash[qi] === ROMANISED || d.tokLightHash[j] === ROMANISED;
        push(l.mask, 1 << (j - ts), sim, kind === 'translit' ? KIND_TRANSLIT : KIND_PHONETIC, true, same);
      }
    }
  }
  for (let g = d.glueStart[n]!; g < d.glueStart[n + 1]!; g++) {
    const v = d.glueVocab[g]!;
    const ls = q.links.get(v);
    if (!ls) continue;
    for (const l of ls) {
      // A list-side glued pair ("SOHAINFO" vs "Soha Info") links only when spelled exactly alike, or as an
      // Arabic name's romanisation variant with its article ("Lazhar" vs "al-Azhar": arabic-frames.ts).
      if ((l.sim < 1 && l.kind !== KIND_VARIANT) || l.mask !== (l.mask & -l.mask)) continue;
      if (d.postStart[v + 1]! - d.postStart[v]! <= d.rareCap) anchored = true;
      push(l.mask, glueMask(d.gluePos[g]!), l.sim * GLUE_SIM, KIND_GLUED, false, l.sim >= 1);
    }
  }
  addInitialPairs(d, q, ts, te);
  // An organisation's acronym for list words, only beside a core word both names write alike (org-acronym.ts).
  if (q.acronymMask !== 0 && te - ts <= 31 && acronymWanted(q)) acronymPairs(d, q, ts, te, pushAcronym);
  const chain = q.nasab !== null && listNasabRanks(d, ts, te, listRank);

  // Greedy one-to-one assignment, best similarity first; a query's lone particle ("el") after the other pairs, so
  // that its exact match elsewhere does not break the glued "Abd El Kader" it belongs to ("Abdelkader").
  for (let i = 0; i < np; i++) {
    order[i] = i;
    const lone = (pairQ[i]! & q.particleMask) !== 0 && (pairQ[i]! & (pairQ[i]! - 1)) === 0;
    pairRank[i] = lone ? pairS[i]! - PARTICLE_LAST : pairS[i]!;
  }
  const ord = order.subarray(0, np).sort((a, b) => pairRank[b]! - pairRank[a]!);
  let usedQ = 0;
  let usedC = 0;
  let qSum = 0;
  let cSum = 0;
  let skelPairs = 0;
  let accepted = 0;
  let conflicts = 0;
  let matchedPairs = 0;
  let alikePairs = 0;
  let qChars = 0;
  let foundQ = 0;
  let foundC = 0;
  // Pairs holding a core (non-generic) word of an organisation name, how many are only alike, their letters.
  let corePairs = 0;
  let coreAlike = 0;
  let coreChars = 0;
  let looseGlued = false;
  let glued = false;
  let looseEdits = 0;
  qToC.fill(-1);
  foundPair.fill(-1);
  for (const i of ord) {
    const qm = pairQ[i]!;
    const cm = pairC[i]!;
    if (usedQ & qm || usedC & cm) continue;
    if (chain && pairKind[i] !== KIND_GLUED) {
      const qr = q.nasab![bitIndex(qm)]!;
      const cr = listRank[bitIndex(cm)]!;
      let clash = false;
      for (let a = 0; a < accepted && !clash; a++) clash = inverted(qr, cr, acceptedQ[a]!, acceptedC[a]!);
      if (clash) {
        conflicts++;
        continue;
      }
      if (accepted < acceptedQ.length) {
        acceptedQ[accepted] = qr;
        acceptedC[accepted++] = cr;
      }
    }
    usedQ |= qm;
    usedC |= cm;
    const s = pairS[i]!;
    if (s >= FOUND_SIM && pairKind[i] !== KIND_INITIAL) {
      foundQ |= qm;
      foundC |= cm;
      if ((qm & (qm - 1)) === 0 && (cm & (cm - 1)) === 0) foundPair[bitIndex(qm)] = bitIndex(cm);
    }
    if (pairSkel[i]) skelPairs++;
    let qw = maskWeight(q.weights, qm);
    let cw = 0;
    for (let j = ts; j < te; j++) if (cm & (1 << (j - ts))) cw += d.tokWeight[j]!;
    if (pairKind[i] === KIND_INITIAL) {
      qw = Math.min(qw, INITIAL_CREDIT);
      cw = Math.min(cw, INITIAL_CREDIT);
    } else {
      matchedPairs++;
      if (!pairSameWord[i]) alikePairs++;
      let core = false;
      let chars = 0;
      for (let b = 0; b < qWords; b++) {
        if (!(qm & (1 << b))) continue;
        chars += q.words[b]!.length;
        if (!(q.flags[b]! & GENERIC)) core = true;
      }
      qChars += chars;
      if (core) {
        corePairs++;
        coreChars += chars;
        if (!pairSameWord[i]) coreAlike++;
      }
      // A glued pair that needed an edit as well: two changes to reach one word (GLUE_SIM alone is 0.97).
      if (pairKind[i] === KIND_GLUED && s < LOOSE_GLUE_SIM) looseGlued = true;
      if (pairKind[i] === KIND_GLUED) glued = true;
      if (pairKind[i] === KIND_EDIT && s < LOOSE_EDIT_SIM) looseEdits++;
    }
    if (pairSameWord[i] && (qm & (qm - 1)) === 0 && (cm & (cm - 1)) === 0) qToC[bitIndex(qm)] = bitIndex(cm);
    qSum += s * qw;
    cSum += s * cw;
    out?.push({ queryMask: qm, listMask: cm, kind: SIM_KINDS[pairKind[i]!]!, sim: s });
  }
  // Nasab markers one side writes and the other does not are notation, not names (nasab-unwritten.ts).
  const qUnwritten = queryMarkersUnwritten(d, q, ts, te, usedQ);
  const cUnwritten = listMarkersUnwritten(d, q, ts, te, usedC);
  const qTotal = q.totalWeight - qUnwritten;
  const qCov = qTotal > 0 ? qSum / qTotal : 0;
  const nw = d.nameWeight[n]! - cUnwritten;
  const cCov = nw > 0 ? cSum / nw : 0;
  // Every token alike on both sides: the exact name, found through the full-name key even if all common.
  if (!anchored && q.fullKey !== null && skelPairs === qWords && skelPairs === cWords) anchored = true;
  let score = QUERY_SHARE * qCov + (1 - QUERY_SHARE) * cCov;
  const otherGiven = conflicts === 0 && otherGivenName(d, q, ts, te, usedQ, usedC);
  if (otherGiven) conflicts++;
  const otherInitial = q.person && conflicts === 0 && otherMiddleInitial(d, q, ts, te, usedQ, usedC);
  if (otherInitial) conflicts++;
  // Two organisations of two different states ("… of the Republic of Belarus" / "… of the Russian Federation").
  const stateOther = conflicts === 0 && otherState(d, q, ts, te, usedQ, usedC);
  if (stateOther) conflicts++;
  if (conflicts > 0) score = Math.max(0, score - STRUCTURE_PENALTY);
  const weak = d.nameWeak[n] === 1;
  if (weak) score *= WEAK_ALIAS_FACTOR;
  // Letters of the query words the match rests on (the list side is held as skeletons, shorter than words).
  const allList = cWords >= 32 ? -1 : (1 << cWords) - 1;
  const listLeftOver = (usedC | listInitials(d, ts, te)) !== allList;
  // A common given + family name found inside a longer listed name, or only partly found ("Choi Su-bin" on a
  // listed "Su Bin": the family name unmatched): common names alone decide nothing (common-names.ts).
  // Two common given names and a surname all found, the list's given name too, are the whole name (given-family.ts).
  const commonWhole = q.commonName && listLeftOver && commonWholeFound(d, q, ts, te, foundQ, foundC);
  const commonInLonger = q.commonName && listLeftOver && !commonWhole;
  const commonPartly = q.commonName && !listLeftOver && (usedQ | q.minorMask) !== q.allMask;
  const kindLeftOver = !q.person && (kindLeft(q.flags, usedQ) || listKindLeft(d, ts, te, usedC));
  const reason = ceilingReason({
    chars: qChars,
    pairs: matchedPairs,
    corePairs,
    coreChars,
    weak,
    listLeftOver,
    // Only the one-core-word rule reads it (name-ceiling.ts): skipped for every other name.
    listLeftOverWord: !q.person && corePairs <= 1 && listWordLeft(d, ts, te, usedC),
    kindFound: !q.person && corePairs <= 1 && kindFound(q.flags, usedQ),
    onlyAlike: alikePairs === matchedPairs,
    onlyAlikeCore: coreAlike === corePairs,
    commonInLonger,
    commonPartly,
    org: !q.person,
    sameLegal: legalAgrees(q.legal, d.nameLegal[n]!),
    queryLeftOver: (usedQ | initialsOf(q)) !== q.allMask,
    kindLeftOver,
    looseGlued,
    glued,
  });
  let ceiling: number = CEILING_REASONS[reason]!.ceiling;
  // Without the markers the chain's order cannot be checked ("Hedi Sadok Nabil" is Nabil's grandson): review.
  const markersUnwritten = qUnwritten + cUnwritten > 0;
  if (markersUnwritten || commonWhole) ceiling = Math.min(ceiling, CEIL_REVIEW);
  // "Platal Energy" on "PLATAN ENERGO": every word of an organisation's name only a short word's slip away.
  const typosOnly = !q.person && matchedPairs >= 2 && looseEdits === matchedPairs;
  if (typosOnly) ceiling = CEIL_BELOW;
  // A code typed beside the name was set apart (reference-code.ts); it may yet be a word of a name no list holds.
  if (q.code !== null) ceiling = Math.min(ceiling, CEIL_REVIEW);
  // A word typed without spaces read one way of several as likely (written-break.ts): the split is a guess.
  if (q.ambiguousBreak) ceiling = Math.min(ceiling, CEIL_REVIEW);
  // Initials beside common names only say nothing on the name alone (initials-found.ts), unless the list writes
  // the name so too, every word paired ("Jang Hyon U": a syllable, not an initial).
  const asWritten = usedQ === q.allMask && usedC === allList && hasListInitial(d, ts, te);
  if (q.initialsCommon && !asWritten) ceiling = CEIL_BELOW;
  // Given and family name found, middle names or nasab missing on one side: review, not block, on the name alone.
  const floor = SUBSET_FLOOR * (weak ? WEAK_ALIAS_FACTOR : 1);
  // Two words found on each side at least (the cheap test first: most candidates share one word).
  const givenFamily =
    score < floor &&
    conflicts === 0 &&
    (foundQ & (foundQ - 1)) !== 0 &&
    (foundC & (foundC - 1)) !== 0 &&
    givenFamilyFound(d, q, ts, te, foundQ, foundC, foundPair);
  if (givenFamily) {
    // Held just under the floor by how far short it fell, so a closer spelling still ranks higher (Bill/William).
    score = floor - SUBSET_SLOPE * (floor - score);
    ceiling = Math.min(ceiling, CEIL_REVIEW);
  }
  // A person's given names as initials, every word accounted for on both sides (initials-found.ts): review.
  const initialsFloor = INITIALS_FLOOR * (weak ? WEAK_ALIAS_FACTOR : 1);
  const initials =
    score < initialsFloor &&
    conflicts === 0 &&
    initialsFound(q, usedQ, foundQ, (usedC | listInitials(d, ts, te)) === allList, initialsOf(q));
  if (initials) {
    score = initialsFloor;
    ceiling = Math.min(ceiling, CEIL_REVIEW);
  }
  // An organisation's whole name, word for word and in order, inside a longer listed name: review at most.
  // Neither for two states' bodies: their state's names are status words, which a phrase may skip.
  const phrase =
    score < PHRASE_FLOOR && !q.person && !stateOther && listLeftOver && phraseInside(d, q, ts, te, qToC);
  // The listed name inside the query, the query's other words generic or an honorific (org-phrase.ts).
  const listInside =
    score < PHRASE_FLOOR && !phrase && !q.person && !stateOther && listInsideQuery(d, q, ts, te, qToC);
  if (phrase || listInside) {
    score = PHRASE_FLOOR * (weak ? WEAK_ALIAS_FACTOR : 1);
    ceiling = Math.min(ceiling, CEIL_REVIEW);
  }
  return {
    score,
    anchored,
    queryCoverage: qCov,
    listCoverage: cCov,
    ceiling,
    ceilingReason: reason,
    short: isShortMatch(qChars),
    structureConflicts: conflicts,
    otherGiven,
    otherInitial,
    otherState: stateOther,
    genderForm,
    typosOnly,
    markersUnwritten,
    givenFamily,
    initials,
    phrase,
    listInside,
  };
}

const pushAcronym = (qi: number, listMask: number) =>
  push(1 << qi, listMask, ACRONYM_SIM, KIND_ACRONYM, false);

/**
 * Acronyms are looked for only when a possible one is left without a pair so far and one core query word (not
 * generic, not a possible acronym) has a pair with the same list word: most candidates have neither.
 */
function acronymWanted(q: PreparedName): boolean {
  let paired = 0;
  let coreExact = false;
  for (let i = 0; i < np; i++) {
    const qm = pairQ[i]!;
    paired |= qm;
    if (coreExact || pairKind[i] !== KIND_EXACT || qm & q.acronymMask || (qm & (qm - 1)) !== 0) continue;
    if (!(q.flags[bitIndex(qm)]! & GENERIC)) coreExact = true;
  }
  return coreExact && (q.acronymMask & ~paired) !== 0;
}

/** "V. Putin" ↔ "Vladimir Putin" in either direction; initials never anchor a hit on their own. */
function addInitialPairs(d: IndexData, q: PreparedName, ts: number, te: number): void {
  if (!q.flags.some((f) => f & INITIAL) && !hasListInitial(d, ts, te)) return;
  for (let i = 0; i < q.skels.length; i++) {
    const qInit = (q.flags[i]! & INITIAL) !== 0;
    const qs = q.skels[i]!;
    for (let j = ts; j < te; j++) {
      const cInit = (d.tokFlags[j]! & INITIAL) !== 0;
      if (!qInit && !cInit) continue;
      const cs = d.vocab[d.tokVocab[j]!]!;
      // A surname particle ("al", "el", "van") is no name an initial stands for: "M. A. AL-KHATUNI" gave its "A."
      // (Abdul) to the list's "al" of "AL-KHATUNI" and left its own "al" without a pair.
      if ((!cInit && isNameParticle(cs)) || (!qInit && isNameParticle(qs))) continue;
      // Two initials are the same letter; an initial and a word, the word's skeleton as the letter may begin it.
      const fits =
        qInit && cInit ? cs[0] === qs[0] : qInit ? letterFits(q.words[i]!, cs) : initialFits(cs, qs);
      if (fits) push(1 << i, 1 << (j - ts), qInit && cInit ? 0.95 : INITIAL_SIM, KIND_INITIAL, false);
    }
  }
}

/**
 * An unmatched list word that names something: not an initial, a seat or honoured person's name (TAIL), a
 * word of status ("State Corporation Rostec") nor a word of one or two letters ("NS ANTARCTIC"); generic words
 * of kind count ("Titan" is not "Titan Design Bureau", "Yandex" not "Yandex Bank").
 */
function listWordLeft(d: IndexData, ts: number, te: number, usedC: number): boolean {
  for (let j = ts; j < te; j++) {
    if (usedC & (1 << (j - ts)) || d.tokFlags[j]! & (INITIAL | TAIL | STATUS)) continue;
    if (d.vocab[d.tokVocab[j]!]!.length >= 3) return true;
  }
  return false;
}

/** A generic word of kind ("holdings", "bank", "plant"; not of status) left unmatched on the query side. */
function kindLeft(flags: readonly number[], used: number): boolean {
  for (let i = 0; i < flags.length; i++)
    if (!(used & (1 << i)) && (flags[i]! & (GENERIC | STATUS)) === GENERIC) return true;
  return false;
}

/** The same on the list side ("ZEPHYR ORCHID" on "ZEPHYR ORCHID HOLDINGS"). */
function listKindLeft(d: IndexData, ts: number, te: number, used: number): boolean {
  for (let j = ts; j < te; j++)
    if (!(used & (1 << (j - ts))) && (d.tokFlags[j]! & (GENERIC | STATUS | TAIL)) === GENERIC) return true;
  return false;
}

function initialsOf(q: PreparedName): number {
  let m = 0;
  for (let i = 0; i < q.flags.length; i++) if (q.flags[i]! & INITIAL) m |= 1 << i;
  return m;
}

function listInitials(d: IndexData, ts: number, te: number): number {
  let m = 0;
  for (let j = ts; j < te; j++) if (d.tokFlags[j]! & INITIAL) m |= 1 << (j - ts);
  return m;
}

function hasListInitial(d: IndexData, ts: number, te: number): boolean {
  for (let j = ts; j < te; j++) if (d.tokFlags[j]! & INITIAL) return true;
  return false;
}
