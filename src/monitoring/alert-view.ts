import type { AlertRow } from './alert-store.ts';

/** An officer's escalation keeps the alert in review; a true match or a false positive settles it. */
export function reviewStatusOf(lastDisposition: string | null): 'open' | 'in_review' | 'resolved' {
  if (!lastDisposition) return 'open';
  return lastDisposition === 'escalate' ? 'in_review' : 'resolved';
}

export function alertView(a: AlertRow, activatedAt?: string | null) {
  return {
    id: a.id,
    partyId: a.partyId,
    finding: a.finding,
    listVersion: {
      source: a.sourceId,
      status: 'used' as const,
      version: a.listVersion,
      ...(activatedAt ? { activatedAt } : {}),
    },
    createdAt: a.createdAt,
    reviewStatus: reviewStatusOf(a.lastDisposition),
  };
}
