import type { Finding, ListVersionRef, Severity } from '../contract/screening-types.ts';
import type { ListVersionRow } from '../lists/versions/version-types.ts';

export interface CoverageInput {
  /** Every source this deployment screens against, with its title. */
  sources: { id: string; title: string }[];
  versions: Map<string, ListVersionRow>;
  sourceAllowed: (id: string) => boolean;
  missingSeverity: Severity;
}

/**
 * Which list versions answered, and which sources could not: a source never activated is named in
 * `listVersions` as absent and raises a finding, so a missing list can never produce a silent `clear`.
 */
export interface Coverage {
  refs: ListVersionRef[];
  findings: Finding[];
}

export function listCoverage(c: CoverageInput): Coverage {
  const refs: ListVersionRef[] = [];
  const findings: Finding[] = [];
  for (const s of c.sources) {
    const v = c.versions.get(s.id);
    if (!c.sourceAllowed(s.id)) {
      refs.push({ source: s.id, status: 'excluded' });
    } else if (!v) {
      refs.push({ source: s.id, status: 'absent' });
      findings.push({
        id: `list_coverage:${s.id}`,
        kind: 'list_coverage',
        severity: c.missingSeverity,
        source: s.id,
        reason: `The ${s.title} has never been loaded, so this transaction was not screened against it.`,
      });
    } else {
      refs.push({
        source: s.id,
        status: 'used',
        version: v.version,
        publishedAt: v.publishedAt,
        ...(v.activatedAt ? { activatedAt: v.activatedAt } : {}),
      });
    }
  }
  return { refs, findings };
}
