import type { ListEntity } from '../../src/entity/list-entity.ts';
import { buildIndex } from '../../src/parties/index.ts';
import type { Hit, MatchIndex } from '../../src/parties/types.ts';
import { type BenchCase, ref } from './cases.ts';
import { identifierOnly } from './label-audit.ts';

/**
 * The independent set read as labelled name pairs, each candidate alone in its own index: the setting of a
 * tenant watchlist of one entry (src/watchlists/tenant-index.ts), which is how pair benchmarks are run through
 * the API. Alone, every word of the candidate is as rare as every other, so what the whole lists' rarity
 * weights hide (a generic word, a seat, a common given name) shows here.
 * - positive pair: a positive case's query against its target entry (every name of it);
 * - negative pair: a confusable case's query against the other entry (it shares a rare word, and is another
 *   entity), and a clean name against the listed entry the whole lists rank nearest to it (score from 0).
 * Cases reachable only by identifier and negatives equal to a listed name (collisions) are left out.
 */
export interface PairOutcome {
  cls: string;
  query: BenchCase['query'];
  candidate: ListEntity;
  positive: boolean;
  hit?: Hit;
}

export interface PairRow {
  cls: string;
  positive: boolean;
  n: number;
  alerts: number;
  wrong: PairOutcome[];
}

export function runPairs(
  full: MatchIndex,
  entities: readonly ListEntity[],
  cases: readonly BenchCase[],
  /** Weigh the candidate's words by the whole lists' rarity too, as the service does (background-rarity.ts). */
  withBackground = true,
): PairRow[] {
  const background = withBackground ? full.rarity() : undefined;
  const byRef = new Map(entities.map((e) => [ref(e), e]));
  const rows = new Map<string, PairRow>();
  const pair = (cls: string, c: BenchCase, candidate: ListEntity | undefined, positive: boolean) => {
    if (!candidate) return;
    const hit = buildIndex([candidate], background).search(c.query, { limit: 1, minScore: 0 })[0];
    const alert = hit !== undefined && hit.band !== 'below';
    const row = rows.get(cls) ?? { cls, positive, n: 0, alerts: 0, wrong: [] };
    rows.set(cls, row);
    row.n++;
    if (alert) row.alerts++;
    if (alert !== positive)
      row.wrong.push({ cls, query: c.query, candidate, positive, ...(hit ? { hit } : {}) });
  };
  for (const c of cases) {
    if (identifierOnly(c.cls) || c.collision || c.spellingCollision) continue;
    if (c.target) pair(`+ ${c.cls}`, c, byRef.get(ref(c.target)), true);
    if (c.avoid) pair(`- ${c.cls}: the other entry`, c, byRef.get(ref(c.avoid)), false);
    if (!c.target) {
      const nearest = full.search(c.query, { limit: 1, minScore: 0 })[0];
      pair(`- ${c.cls}: nearest listed entry`, c, nearest && byRef.get(ref(nearest)), false);
    }
  }
  return [...rows.values()].sort((a, b) => a.cls.localeCompare(b.cls));
}

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : 'n/a');

/** Per class the share alerting (recall for positive pairs, false hits for negative ones), then P/R/F1 over all. */
export function pairTable(rows: readonly PairRow[]): string[] {
  const lines = [`${'pair class'.padEnd(60)} ${'n'.padStart(5)} ${'alerting'.padStart(9)}`];
  for (const r of rows)
    lines.push(`${r.cls.padEnd(60)} ${String(r.n).padStart(5)} ${pct(r.alerts / r.n).padStart(9)}`);
  const sum = (f: (r: PairRow) => number, pos: boolean) =>
    rows.filter((r) => r.positive === pos).reduce((s, r) => s + f(r), 0);
  const tp = sum((r) => r.alerts, true);
  const fn = sum((r) => r.n - r.alerts, true);
  const fp = sum((r) => r.alerts, false);
  const p = tp / (tp + fp);
  const rc = tp / (tp + fn);
  lines.push(
    `ALL pairs: ${tp + fn} positive, ${sum((r) => r.n, false)} negative; tp ${tp} fn ${fn} fp ${fp}: P ${pct(p)} R ${pct(rc)} F1 ${pct((2 * p * rc) / (p + rc))}`,
  );
  return lines;
}

/** The first `n` wrong answers per class: the query, the candidate alone, its score and alignment. */
export function pairMisses(rows: readonly PairRow[], n: number): string[] {
  return rows.flatMap((r) =>
    r.wrong
      .slice(0, n)
      .map(
        (o) =>
          `${o.positive ? 'MISS' : 'FALSE'} [${r.cls}] "${o.query.name}"${o.query.kind ? ` (${o.query.kind})` : ''} ~ ${ref(o.candidate)} "${o.candidate.name}": ${o.hit ? `${o.hit.score.toFixed(2)} "${o.hit.matchedName}" ${o.hit.evidence.name.detail}` : '(no score)'}`,
      ),
  );
}
