import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { EntityKind, ListEntity } from '../../src/entity/list-entity.ts';
import type { BackgroundRarity } from '../../src/parties/background-rarity.ts';
import { buildIndex } from '../../src/parties/index.ts';
import type { Hit, PartyQuery } from '../../src/parties/types.ts';

/**
 * The peer-suite set: graded cases taken from the test suites of open-source screening engines
 * (eval/data/peer-cases.csv; sources and the rule mapping their expectations to our bands in
 * eval/data/PROVENANCE.md). Each case's candidate stands alone in its own index, as a one-entry tenant
 * watchlist screens it, weighed by the shared lists' rarity (background-rarity.ts), like the pairs set.
 * - match: the candidate must reach review or block;
 * - no-match: it must stay below review (or not be found);
 * - outranks: the query must score strictly above the worse query on the same candidate.
 */
export interface PeerCase {
  id: string;
  engine: string;
  repo: string;
  path: string;
  commit: string;
  test: string;
  expect: 'match' | 'no-match' | 'outranks';
  query: PartyQuery;
  worse?: PartyQuery;
  candidate: ListEntity;
  theirAssertion: string;
}

export interface PeerOutcome {
  c: PeerCase;
  pass: boolean;
  hit?: Hit;
  worseHit?: Hit;
}

const FILE = resolve(import.meta.dirname, '../data/peer-cases.csv');
const KINDS = ['person', 'organization', 'vessel'] as const;
const list = (s: string | undefined) => (s ? s.split('|').filter((x) => x !== '') : []);

/** `scheme:value[:country]`, `|`-separated. */
function ids(s: string | undefined) {
  return list(s).map((x) => {
    const [scheme, value, country] = x.split(':');
    if (!scheme || !value) throw new Error(`peer-cases.csv: bad identifier "${x}"`);
    return { scheme, value, ...(country ? { country } : {}) };
  });
}

function query(
  name: string,
  birthDate?: string,
  country?: string,
  idText?: string,
  kind?: string,
): PartyQuery {
  const k = KINDS.find((x) => x === kind);
  const identifiers = ids(idText);
  return {
    name,
    ...(k ? { kind: k } : {}),
    ...(birthDate ? { birthDate } : {}),
    ...(country ? { country } : {}),
    ...(identifiers.length ? { identifiers } : {}),
  };
}

export function loadPeerCases(): PeerCase[] {
  const rows = parse(readFileSync(FILE, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  return rows.map((r, i) => {
    const expect = r.expect;
    if (expect !== 'match' && expect !== 'no-match' && expect !== 'outranks')
      throw new Error(`peer-cases.csv row ${i + 2}: bad expect "${expect}"`);
    if (!r.query_name || !r.candidate_name) throw new Error(`peer-cases.csv row ${i + 2}: a name is empty`);
    const kind = (KINDS.find((x) => x === r.candidate_kind) ?? 'unknown') as EntityKind;
    const candidate: ListEntity = {
      source: 'peer-case',
      entryId: r.id!,
      kind,
      name: r.candidate_name,
      aliases: list(r.candidate_aliases).map((value) => ({ value, quality: 'strong', script: 'Latn' })),
      countries: list(r.candidate_countries),
      identifiers: ids(r.candidate_ids).map(({ scheme, value, country }) => ({
        type: scheme,
        value,
        ...(country ? { country } : {}),
      })),
      addresses: [],
      birthDates: list(r.candidate_birth_dates),
      programs: [],
      raw: {},
    };
    return {
      id: r.id!,
      engine: r.engine!,
      repo: r.repo!,
      path: r.path!,
      commit: r.commit!,
      test: r.test!,
      expect,
      query: query(r.query_name, r.query_birth_date, r.query_country, r.query_ids, r.kind),
      ...(expect === 'outranks'
        ? { worse: query(r.worse_name || r.query_name, r.worse_birth_date, r.worse_country, '', r.kind) }
        : {}),
      candidate,
      theirAssertion: r.their_assertion ?? '',
    };
  });
}

export function runPeerCases(cases: readonly PeerCase[], background?: BackgroundRarity): PeerOutcome[] {
  return cases.map((c) => {
    const index = buildIndex([c.candidate], background);
    const top = (q: PartyQuery) => index.search(q, { limit: 1, minScore: 0 })[0];
    const hit = top(c.query);
    const alert = hit !== undefined && hit.band !== 'below';
    if (c.expect === 'match') return { c, pass: alert, ...(hit ? { hit } : {}) };
    if (c.expect === 'no-match') return { c, pass: !alert, ...(hit ? { hit } : {}) };
    const worseHit = top(c.worse!);
    const pass = (hit?.score ?? 0) > (worseHit?.score ?? 0);
    return { c, pass, ...(hit ? { hit } : {}), ...(worseHit ? { worseHit } : {}) };
  });
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Pass rate per source engine and per expectation, then over all. */
export function peerTable(outcomes: readonly PeerOutcome[]): string[] {
  const lines = [`${'engine / expectation'.padEnd(34)} ${'n'.padStart(5)} ${'pass'.padStart(6)}`];
  const row = (label: string, os: readonly PeerOutcome[]) => {
    const pass = os.filter((o) => o.pass).length;
    lines.push(`${label.padEnd(34)} ${String(os.length).padStart(5)} ${pct(pass / os.length).padStart(6)}`);
  };
  for (const engine of [...new Set(outcomes.map((o) => o.c.engine))].sort()) {
    const mine = outcomes.filter((o) => o.c.engine === engine);
    row(engine, mine);
    for (const e of ['match', 'no-match', 'outranks'] as const) {
      const some = mine.filter((o) => o.c.expect === e);
      if (some.length) row(`  ${e}`, some);
    }
  }
  const pass = outcomes.filter((o) => o.pass).length;
  lines.push(`ALL peer cases: ${outcomes.length}, pass ${pass} (${pct(pass / outcomes.length)})`);
  return lines;
}

/** Every failing case with its provenance, our score and alignment. */
export function peerFailures(outcomes: readonly PeerOutcome[]): string[] {
  const shown = (h?: Hit) =>
    h ? `${h.score.toFixed(2)} ${h.band} "${h.matchedName}" ${h.evidence.name.detail}` : '(no score)';
  return outcomes
    .filter((o) => !o.pass)
    .map((o) => {
      const q = o.c.query;
      const extra = [q.kind, q.birthDate, q.country].filter(Boolean).join(' ');
      const base = `FAIL ${o.c.id} [${o.c.engine} ${o.c.test}] want ${o.c.expect} (${o.c.theirAssertion}): "${q.name}"${extra ? ` (${extra})` : ''} ~ "${o.c.candidate.name}": ${shown(o.hit)}`;
      return o.worseHit || o.c.worse ? `${base} | worse "${o.c.worse?.name}": ${shown(o.worseHit)}` : base;
    });
}
