import type { Finding, ScreeningResult } from '../contract/screening-types.ts';
import type { PoolClient } from '../db/pool.ts';
import type { Person } from '../principal/person.ts';
import type { DerivedState } from './review-status.ts';

/**
 * Where a review's outcome goes beyond the console: the tenant's webhook endpoint, so an ERP holding an order at
 * `review` hears when an officer released or stopped it instead of polling. Recorded in the review's own
 * transaction (the event exists exactly when the review does) and enqueued after COMMIT.
 */
export interface OutcomeEvents {
  record(client: PoolClient, tenantId: string, event: string, payload: unknown): Promise<string | null>;
  enqueue(ids: string[]): Promise<void>;
}

const dispositionOf = (f: Finding, state: DerivedState) => state.final.get(f.id) ?? null;

/** `screening.resolved`: the outcome and each finding's final disposition (see ScreeningResolvedEvent). */
export function resolvedEvent(
  result: ScreeningResult,
  after: DerivedState,
  reviewer: { keyId: string; person: Person | null },
  resolvedAt: string,
) {
  return {
    screeningId: result.id,
    reference: result.reference,
    decision: result.decision,
    outcome: after.outcome,
    resolvedAt,
    reviewerKeyId: reviewer.keyId,
    reviewer: reviewer.person,
    findings: result.findings.map((f) => ({
      id: f.id,
      kind: f.kind,
      severity: f.severity,
      disposition: dispositionOf(f, after),
    })),
  };
}
