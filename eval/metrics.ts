import type { Hit, MatchIndex } from '../src/parties/types.ts';
import type { LabelledCase } from './generate.ts';

export interface CategoryResult {
  category: string;
  cases: number;
  /** Queries with at least one hit at review or above. */
  alerts: number;
  /** Positives whose target entry is among the hits at review or above. */
  found: number;
  /** Of those, found at block. */
  blocked: number;
  /** Alerts that are wrong: any alert on a negative, an alert without the target on a positive. */
  falseAlerts: number;
  misses: { case: LabelledCase; top?: Hit }[];
  falses: { case: LabelledCase; top: Hit }[];
}

export function runCases(index: MatchIndex, cases: LabelledCase[]): Map<string, CategoryResult> {
  const out = new Map<string, CategoryResult>();
  for (const c of cases) {
    let r = out.get(c.category);
    if (!r) {
      r = {
        category: c.category,
        cases: 0,
        alerts: 0,
        found: 0,
        blocked: 0,
        falseAlerts: 0,
        misses: [],
        falses: [],
      };
      out.set(c.category, r);
    }
    r.cases++;
    const hits = index.search(c.query, { limit: 50 });
    if (hits.length > 0) r.alerts++;
    if (c.target) {
      const t = hits.find((h) => h.source === c.target!.source && h.entryId === c.target!.entryId);
      if (t) {
        r.found++;
        if (t.band === 'block') r.blocked++;
      } else {
        if (hits[0]) r.falseAlerts++;
        const all = index.search(c.query, { limit: 50, minScore: 0 });
        const near = all.find((h) => h.source === c.target!.source && h.entryId === c.target!.entryId);
        r.misses.push(near ? { case: c, top: near } : { case: c });
      }
    } else if (hits[0]) {
      r.falseAlerts++;
      r.falses.push({ case: c, top: hits[0] });
    }
  }
  return out;
}

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '  n/a');

/**
 * Per positive category: recall = targets found / cases; precision = correct alerts / all alerts in the
 * category, where the category's alerts also carry a share of the negative set's false alerts in proportion
 * to its size (so a category cannot look precise just because it holds no negatives).
 */
export function report(results: Map<string, CategoryResult>): string[] {
  const all = [...results.values()];
  const pos = all.filter((r) => !r.category.startsWith('neg-'));
  const neg = all.filter((r) => r.category.startsWith('neg-'));
  const posCases = pos.reduce((s, r) => s + r.cases, 0);
  const negFalse = neg.reduce((s, r) => s + r.falseAlerts, 0);
  const negCases = neg.reduce((s, r) => s + r.cases, 0);
  const lines = ['category              cases  recall  block  precision   F1     false-alerts'];
  const row = (name: string, cases: number, tp: number, blocked: number, fp: number) => {
    const recall = tp / cases;
    const precision = tp / (tp + fp);
    const f1 = (2 * precision * recall) / (precision + recall);
    lines.push(
      `${name.padEnd(20)} ${String(cases).padStart(6)}  ${pct(recall).padStart(6)} ${pct(blocked / cases).padStart(6)}  ${pct(precision).padStart(8)}  ${pct(f1).padStart(6)}  ${fp.toFixed(1).padStart(6)}`,
    );
  };
  for (const r of pos)
    row(r.category, r.cases, r.found, r.blocked, r.falseAlerts + (negFalse * r.cases) / posCases);
  for (const r of neg)
    lines.push(
      `${r.category.padEnd(20)} ${String(r.cases).padStart(6)}  false-positive rate ${pct(r.falseAlerts / r.cases)} (${r.falseAlerts} alerts)`,
    );
  const tp = pos.reduce((s, r) => s + r.found, 0);
  const fpPos = pos.reduce((s, r) => s + r.falseAlerts, 0);
  row(
    'ALL (mixed set)',
    posCases,
    tp,
    pos.reduce((s, r) => s + r.blocked, 0),
    fpPos + negFalse,
  );
  lines.push(`negatives: ${negCases} cases, ${negFalse} false alerts (${pct(negFalse / negCases)})`);
  return lines;
}
