import type { Decision, Finding } from '../contract/screening-types.ts';
import type { Policy } from '../policy/policy.ts';
import { SEVERITY_RANK } from '../severity/severity.ts';

const DECISIONS: Decision[] = ['clear', 'review', 'block'];

/**
 * The most severe finding under the tenant's policy. A suppressed finding (a remembered false positive) and a
 * licensed one (a goods control the tenant holds a valid export licence for) never raise the decision; a
 * `block` of a kind the policy does not let block is lowered to `review`.
 */
export function decide(findings: Finding[], policy: Policy): Decision {
  let rank = 0;
  for (const f of findings) {
    if (f.suppressed || f.licensed) continue;
    let r = SEVERITY_RANK[f.severity] ?? 0;
    const mayBlock = f.kind === 'list_coverage' || (policy.blockingKinds as string[]).includes(f.kind);
    if (r === 2 && !mayBlock) r = 1;
    rank = Math.max(rank, r);
  }
  return DECISIONS[rank]!;
}
