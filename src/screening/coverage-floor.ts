import type { Finding, ListVersionRef } from '../contract/screening-types.ts';

export type ListKind = 'sanctions' | 'export_control';

export interface FloorInput {
  /** Which sources answered (`used`), were left out (`excluded`) or never loaded (`absent`). */
  refs: readonly ListVersionRef[];
  kindOf: (source: string) => ListKind;
  /** Goods lines or a destination were screened, so export-control lists had something to answer. */
  goodsScreened: boolean;
}

/**
 * Pure: the floor under every answer. Whatever the request selected, the policy allowed or the deployment
 * loaded, a screening that no sanctions list answered cannot be `clear` — it was not a sanctions screening —
 * and goods or a destination that no export-control list answered were not screened either. Each gap is a
 * `list_coverage` finding of severity `review` (the decision rule lets that kind raise the answer under every
 * policy, and the false-positive memory never suppresses it), so the record says why it is not `clear`.
 */
export function coverageFloor(input: FloorInput): Finding[] {
  const used = (kind: ListKind) =>
    input.refs.some((r) => r.status === 'used' && input.kindOf(r.source) === kind);
  const describe = (kind: ListKind) => {
    const left = input.refs.filter((r) => input.kindOf(r.source) === kind);
    const excluded = left.filter((r) => r.status === 'excluded').map((r) => r.source);
    const absent = left.filter((r) => r.status === 'absent').map((r) => r.source);
    const why = [
      excluded.length > 0 ? `excluded by the request: ${excluded.join(', ')}` : '',
      absent.length > 0 ? `never loaded: ${absent.join(', ')}` : '',
      left.length === 0 ? 'none is configured' : '',
    ].filter((s) => s !== '');
    return why.join('; ');
  };
  const findings: Finding[] = [];
  if (!used('sanctions')) {
    findings.push({
      id: 'list_coverage:no-sanctions-list',
      kind: 'list_coverage',
      severity: 'review',
      reason: `No sanctions list was used (${describe('sanctions')}), so the parties were not screened against any sanctions list and this answer cannot be clear.`,
    });
  }
  if (input.goodsScreened && !used('export_control')) {
    findings.push({
      id: 'list_coverage:no-export-control-list',
      kind: 'list_coverage',
      severity: 'review',
      reason: `No export-control list was used (${describe('export_control')}), so the goods and the route were not screened and this answer cannot be clear.`,
    });
  }
  return findings;
}
