import type { Finding } from '../api-types.ts';

/**
 * The screening's own notes that a list it used was stale, by list: src/screening/stale-lists.ts writes one
 * per stale list as `list_coverage:<source>:stale`. Read from the screening, not from GET /lists, so the page
 * shows the list as it was when screened (a list refreshed since is still stale for this record).
 */
export function staleNotes(findings: readonly Finding[]): Map<string, Finding> {
  const out = new Map<string, Finding>();
  for (const f of findings)
    if (f.kind === 'list_coverage' && f.source && f.id === `list_coverage:${f.source}:stale`)
      out.set(f.source, f);
  return out;
}
