import type { CpuBudget } from './cpu-budget.ts';
import { type PreparedFields, prepareFields } from './evidence.ts';
import { type EntityCandidate, finalizeHit, thresholdsOf } from './finalize.ts';
import { SUBSET_FLOOR } from './given-family.ts';
import { idKey, normScheme } from './identifiers.ts';
import type { IndexData } from './index-data.ts';
import { capByCeiling } from './name-ceiling.ts';
import { type NameMatch, QUERY_SHARE, scoreName } from './name-score.ts';
import { acronymsIn } from './org-acronym.ts';
import { personShaped } from './person-shape.ts';
import {
  bruteLinks,
  indexLinks,
  type LinkFinder,
  MAX_SLIP_WORDS,
  maskWeight,
  type PreparedName,
  prepareName,
  type SlipAllowance,
} from './prepare-query.ts';
import { leadsWithThreeLetters } from './reference-code.ts';
import { nameScoreBound, queryShape } from './score-bound.ts';
import { FAMILY, GIVEN } from './tokenize.ts';
import {
  DEFAULT_THRESHOLDS,
  type Hit,
  type PartyQuery,
  type SearchOptions,
  type Thresholds,
} from './types.ts';
import { readsDifferentlyAsPerson } from './words.ts';

/** A party's name and its 20 aliases (openapi.yaml Party.aliases maxItems): every one of them is screened. */
export const MAX_QUERY_NAMES = 21;
/** Candidates scored between two looks at the budget (scoreName is bounded: at most 256 token pairs). */
const CHECK_EVERY = 256;
/** Float32 token weights (index-data.ts) make the bound's sums differ from scoreName's in the 7th digit. */
const BOUND_MARGIN = 1e-6;

/**
 * Work done by searches so far, for bench/match-tail.ts: counts do not depend on the host's load as times do.
 * Read as differences around a search.
 */
export const searchWork = { names: 0, retrieved: 0, scored: 0 };

interface Prepared {
  names: PreparedName[];
  fields: PreparedFields;
}

const queryNames = (q: PartyQuery) =>
  [q.name, ...(q.aliases ?? [])].filter((s) => s?.trim()).slice(0, MAX_QUERY_NAMES);

/** One way a query name is read (search.ts screens each). */
interface Reading {
  raw: string;
  /** An alias, not the party's first name: a party's share of the budget binds from its first alias on. */
  alias: boolean;
  person: boolean;
  /**
   * A name of unknown kind merely shaped as a person's (person-shape.ts) is read as one against listed persons only,
   * so it never escapes the rules that hold a firm's name against a listed firm ("Platal Energy" on "PLATAN ENERGO").
   */
  personsOnly: boolean;
  /** A firm's reading that keeps three leading letters set apart as a code: its acronym (reference-code.ts). */
  keepAcronym: boolean;
}

/**
 * Each query name with how it is read: as a person's name or not (both, for a name of unknown kind that reads
 * differently as a person or is shaped as one); a firm's reading of a name that begins with three letters once
 * more keeping them (prepareName drops that reading when the letters were not set apart).
 */
const readings = (q: PartyQuery): Reading[] =>
  queryNames(q).flatMap((raw, i): Reading[] => {
    const as = (person: boolean, personsOnly = false): Reading => ({
      raw,
      alias: i > 0,
      person,
      personsOnly,
      keepAcronym: false,
    });
    const unknown = q.kind === undefined || q.kind === 'unknown';
    const base =
      q.kind === 'person'
        ? [as(true)]
        : !unknown
          ? [as(false)]
          : readsDifferentlyAsPerson(raw)
            ? [as(false), as(true)]
            : personShaped(raw)
              ? [as(false), as(true, true)]
              : [as(false)];
    if (q.kind === 'person' || !leadsWithThreeLetters(raw)) return base;
    return base.concat({ ...as(false), keepAcronym: true });
  });

/** A query of no known kind may be a person's name: Arabic romanisation variants link for it too. */
const kindUnknown = (q: PartyQuery) => q.kind === undefined || q.kind === 'unknown';

/** One reading of a query name, prepared (null: nothing left to match in it). */
function prepareReading(
  d: IndexData,
  q: PartyQuery,
  r: Reading,
  find: LinkFinder,
  budget: CpuBudget | undefined,
  slips: SlipAllowance,
): PreparedName | null {
  const qn = prepareName(d, r.raw, r.person, find, budget, r.person || kindUnknown(q), slips, r.keepAcronym);
  if (qn) qn.personsOnly = r.personsOnly;
  return qn;
}

function prepare(d: IndexData, q: PartyQuery, find: LinkFinder): Prepared {
  const slips = { left: MAX_SLIP_WORDS };
  const names = readings(q).flatMap((r) => prepareReading(d, q, r, find, undefined, slips) ?? []);
  return { names, fields: prepareFields(q) };
}

/**
 * The name score as far as its ceiling lets it go alone, at the default thresholds: it picks an entity's best
 * name, so "BANK KUB AO" (0.92, but held below review: 3 letters and a list word left over) does not hide the
 * entity's own alias "KUB OAO" (0.90, review). The final score is capped again with the search's thresholds.
 */
const held = (m: NameMatch) => capByCeiling(m.score, m, false, DEFAULT_THRESHOLDS);

/** A listed person's name: the tokenizer gives given and family roles to persons' names only (tokenize.ts). */
function personName(d: IndexData, n: number): boolean {
  for (let j = d.tokStart[n]!; j < d.tokStart[n + 1]!; j++)
    if (d.tokFlags[j]! & (GIVEN | FAMILY)) return true;
  return false;
}

/** Keeps the best name match per entity. */
function consider(best: Map<number, EntityCandidate>, d: IndexData, qn: PreparedName, n: number): void {
  if (qn.personsOnly && !personName(d, n)) return;
  searchWork.scored++;
  const m = scoreName(d, qn, n);
  const e = d.nameEntity[n]!;
  const cur = best.get(e);
  const hm = held(m);
  const hc = cur?.match ? held(cur.match) : -1;
  if (
    !cur?.match ||
    hm > hc ||
    (hm === hc &&
      (m.score > cur.match.score || (m.score === cur.match.score && m.anchored && !cur.match.anchored)))
  ) {
    best.set(e, { entity: e, name: n, queryName: qn, match: m });
  }
}

function finish(d: IndexData, p: Prepared, best: Map<number, EntityCandidate>, o?: SearchOptions): Hit[] {
  const t = thresholdsOf(o);
  const min = o?.minScore ?? t.review;
  const hits: Hit[] = [];
  for (const c of best.values()) {
    // Most candidates fall short; only those that can reach `min` get their explanation written.
    if (cannotReach(c, p.fields, t, min)) continue;
    const h = finalizeHit(d, c, p.fields, t);
    if (h.score >= min) hits.push(h);
  }
  // Equal scores in a fixed order, not the order candidates were met in: "19653" is on OFAC's SDN and
  // consolidated lists alike, and a retrieval that meets candidates differently must not reorder them.
  hits.sort(
    (a, b) => b.score - a.score || a.entryId.localeCompare(b.entryId) || a.source.localeCompare(b.source),
  );
  return hits.slice(0, o?.limit ?? 20);
}

/**
 * An upper bound of finalizeHit's score: the name score plus every bonus the query's fields could earn (field
 * comparisons only subtract beyond that), capped as finalizeHit caps names sharing no rare word. With an
 * identifier in the query nothing is bounded: a strong identifier match lifts any name.
 */
function cannotReach(c: EntityCandidate, f: PreparedFields, t: Thresholds, min: number): boolean {
  if (f.ids.length > 0) return false;
  const cap = c.match?.anchored ? 1 : t.review - 0.01;
  // finalizeHit rounds to 4 decimals; the margin keeps a score that rounds up to `min` in.
  return Math.min(cap, (c.match?.score ?? 0) + f.maxBonus) + 1e-4 < min;
}

/** Entities sharing a strong identifier are candidates whatever their names. */
function addIdCandidates(d: IndexData, p: Prepared, best: Map<number, EntityCandidate>): void {
  for (const id of p.fields.ids) {
    d.ids.forEach(idKey(normScheme(id.scheme), id.value), (e) => {
      if (best.has(e)) return;
      best.set(e, {
        entity: e,
        name: d.entNameStart[e]! < d.entNameStart[e + 1]! ? d.entNameStart[e]! : -1,
        queryName: null,
        match: null,
      });
      for (let n = d.entNameStart[e]!; n < d.entNameStart[e + 1]!; n++)
        for (const qn of p.names) consider(best, d, qn, n);
    });
  }
}

// Scratch buffers reused across queries (the index is immutable and JS runs one query at a time).
let stampArr = new Int32Array(0);
let maskArr = new Int32Array(0);
let stamp = 0;

export function searchIndex(d: IndexData, q: PartyQuery, o?: SearchOptions): Hit[] {
  const budget = o?.budget;
  // Names are prepared one at a time, each scanned before the next: a budget spent on the fifth alias still
  // leaves the first four fully screened.
  const p: Prepared = { names: [], fields: prepareFields(q) };
  const N = d.nameEntity.length;
  if (stampArr.length < N) {
    stampArr = new Int32Array(N);
    maskArr = new Int32Array(N);
    stamp = 0;
  }
  const t = thresholdsOf(o);
  const min = Math.min(o?.minScore ?? t.review, t.review);
  const best = new Map<number, EntityCandidate>();
  const touched: number[] = [];
  const slips = { left: MAX_SLIP_WORDS };
  for (const r of readings(q)) {
    // A party's share of the screening's budget (cpu-budget.ts) binds from its aliases on: every reading of
    // the first name (as a firm, as a person, keeping an acronym) is matched in full.
    if (r.alias) budget?.startShare();
    if (budget?.spent()) break;
    const qn = prepareReading(d, q, r, indexLinks, budget, slips);
    if (!qn) continue;
    searchWork.names++;
    p.names.push(qn);
    stamp++;
    touched.length = 0;
    const mark = (n: number, mask: number) => {
      if (stampArr[n] !== stamp) {
        stampArr[n] = stamp;
        maskArr[n] = 0;
        touched.push(n);
      }
      maskArr[n]! |= mask;
    };
    // Read only rare posting lists: a name whose only shared words are common cannot reach review.
    let linked = 0;
    for (const [v, links] of qn.links) {
      if (++linked % CHECK_EVERY === 0 && budget?.spent()) break;
      const s = d.postStart[v]!;
      const e = d.postStart[v + 1]!;
      if (e - s > d.rareCap) continue;
      let mask = 0;
      for (const l of links) mask |= l.mask;
      for (let i = s; i < e; i++) mark(d.post[i]!, mask);
    }
    if (qn.fullKey) d.fullKey.forEach(qn.fullKey, (n) => mark(n, qn.allMask));
    // The word right after the given name: the family name of "Given Family Father" (given-family.ts).
    const afterGiven = qn.givenMask === 0 ? 0 : (1 << (31 - Math.clz32(qn.givenMask))) << 1;
    // Upper bound on the final score: list coverage at best 1, plus every bonus the query's fields allow.
    const slack = 1 - QUERY_SHARE + p.fields.maxBonus;
    const shape = queryShape(qn);
    searchWork.retrieved += touched.length;
    for (let t = 0; t < touched.length; t++) {
      if (t % CHECK_EVERY === CHECK_EVERY - 1 && budget?.spent()) break;
      const n = touched[t]!;
      let possible = maskArr[n]! | qn.unfetchedMask | (d.nameHasInitial[n] ? qn.allMask : 0);
      let ub = (QUERY_SHARE * maskWeight(qn.weights, possible)) / qn.totalWeight + slack;
      // An acronym spelling out some of this name's words (org-acronym.ts) is possible too.
      if (ub + 1e-9 < min && qn.acronymMask & ~possible) {
        const most =
          (QUERY_SHARE * maskWeight(qn.weights, possible | qn.acronymMask)) / qn.totalWeight + slack;
        if (most + 1e-9 >= min) {
          possible |= acronymsIn(d, qn, n);
          ub = (QUERY_SHARE * maskWeight(qn.weights, possible)) / qn.totalWeight + slack;
        }
      }
      // A list name no longer than the query, found inside it with the query's given name and its family name
      // or the word after the given name (before a trailing father's name), is held at SUBSET_FLOOR (given-family.ts); a query inside a
      // longer list name has every word possible: ub ≈ 1.
      const shorter = d.tokStart[n + 1]! - d.tokStart[n]! <= qn.skels.length;
      if (shorter && possible & qn.givenMask && possible & (qn.familyMask | afterGiven))
        ub = Math.max(ub, SUBSET_FLOOR + p.fields.maxBonus);
      // The cheap bound first; the candidate's own words then bound both coverage shares (score-bound.ts).
      if (ub + 1e-9 < min) continue;
      if (nameScoreBound(d, qn, shape, n) + p.fields.maxBonus + BOUND_MARGIN >= min) consider(best, d, qn, n);
    }
  }
  addIdCandidates(d, p, best);
  return finish(d, p, best, o);
}

/** Reference: every name scored, links found by comparing with every word, identifiers compared directly. */
export function fullScanIndex(d: IndexData, q: PartyQuery, o?: SearchOptions): Hit[] {
  const p = prepare(d, q, bruteLinks);
  const best = new Map<number, EntityCandidate>();
  for (const qn of p.names) for (let n = 0; n < d.nameEntity.length; n++) consider(best, d, qn, n);
  if (p.fields.ids.length > 0) {
    for (let e = 0; e < d.entities.length; e++) {
      if (!best.has(e) && d.entities.get(e).identifiers.length > 0) {
        best.set(e, {
          entity: e,
          name: d.entNameStart[e]! < d.entNameStart[e + 1]! ? d.entNameStart[e]! : -1,
          queryName: null,
          match: null,
        });
      }
    }
  }
  return finish(d, p, best, o);
}
