import type { Finding } from './screening-types.ts';

/**
 * A hit of a list: a finding that names the entry of that list it matched (a party match, a goods or route
 * rule) and is for the officer (severity review or block, neither suppressed nor licensed away). A
 * `list_coverage` finding is never one, though the goods engine's names a rule (`coverage:<table>`): it says
 * what a list could not answer (absent, stale by its publication date, goods no loaded row lists). Without
 * this, a stale list's info note on every screening made every case a "hit" of the stale list.
 * The dashboard's hits by list (src/dashboard/dashboard-store.ts) says the same in SQL, as does 0040.
 */
export function isListHit(f: Finding): boolean {
  return (
    f.kind !== 'list_coverage' &&
    !!f.source &&
    !!f.entry &&
    (f.severity === 'review' || f.severity === 'block') &&
    !f.suppressed &&
    !f.licensed
  );
}

/** The lists a screening has hits of, each once, in the order of its findings. */
export function hitSources(findings: readonly Finding[]): string[] {
  return [...new Set(findings.filter(isListHit).map((f) => f.source as string))];
}
