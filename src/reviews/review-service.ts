import { randomUUID } from 'node:crypto';
import { appendAuditEvent } from '../audit/audit-store.ts';
import { sha256 } from '../audit/verify-report.ts';
import type { Finding, ScreeningResult, ScreenRequest } from '../contract/screening-types.ts';
import type { Fragment } from '../db/fragments.ts';
import type { Pool, PoolClient } from '../db/pool.ts';
import { withTransaction } from '../db/transaction.ts';
import { ApiError } from '../http/api-error.ts';
import type { VersionStore } from '../lists/versions/version-store.ts';
import type { PolicyService } from '../policy/policy-service.ts';
import type { Principal } from '../principal/scopes.ts';
import { createScreeningStore, type ScreeningRow } from '../screening/screening-store.ts';
import { createFalsePositiveStore } from './false-positive-store.ts';
import { type OutcomeEvents, resolvedEvent } from './outcome-events.ts';
import { partyKey } from './party-key.ts';
import { type DerivedState, type Disposition, deriveState } from './review-status.ts';
import { createReviewStore, type ReviewRow, statesFragments } from './review-store.ts';

export interface ReviewInput {
  findingId: string;
  disposition: Disposition;
  note: string;
}

const publicReview = (r: ReviewRow) => ({
  id: r.id,
  findingId: r.findingId,
  disposition: r.disposition,
  note: r.note,
  reviewerKeyId: r.reviewerKeyId,
  createdAt: r.createdAt,
});

export function createReviewService(deps: {
  pool: Pool;
  policies: PolicyService;
  versions: VersionStore;
  events: OutcomeEvents;
}) {
  const reviews = createReviewStore(deps.pool);

  async function loadScreening(db: Pool | PoolClient, tenantId: string, id: string) {
    const found = await createScreeningStore(db).get(tenantId, id);
    if (!found) throw ApiError.notFound(`No screening ${id}`);
    return found;
  }

  /** Remembers a finding that just became a confirmed false positive, against the entry content judged. */
  async function remember(
    client: PoolClient,
    review: ReviewRow,
    f: Finding,
    s: ScreeningResult,
    req: ScreenRequest,
  ) {
    const party = f.partyIndex === undefined ? undefined : req.parties[f.partyIndex];
    if (f.kind !== 'party_match' || !party || !f.source || !f.entry) return;
    const version = s.listVersions.find((v) => v.source === f.source)?.version;
    const entry = version === undefined ? undefined : await deps.versions.item(f.source, version, f.entry.id);
    if (!entry) return;
    const id = `fp_${randomUUID().replaceAll('-', '')}`;
    const key = partyKey(party);
    const inserted = await createFalsePositiveStore(client).insert({
      id,
      tenantId: review.tenantId,
      partyKey: key,
      partyName: party.name,
      source: f.source,
      entryId: f.entry.id,
      entryHash: entry.hash,
      note: review.note,
      createdBy: review.reviewerKeyId,
      createdAt: review.createdAt,
      reviewId: review.id,
    });
    if (inserted)
      await appendAuditEvent(client, {
        tenantId: review.tenantId,
        actor: review.reviewerKeyId,
        type: 'false_positive.remembered',
        occurredAt: review.createdAt,
        payload: {
          memoryId: id,
          reviewId: review.id,
          source: f.source,
          entryId: f.entry.id,
          entryHash: entry.hash,
          // Which party the memory silences, as hashes (the name is in the screening already): GET
          // /audit/verify reports a memory re-pointed at another party.
          partyKeySha256: sha256(key),
          partyNameSha256: sha256(party.name),
        },
      });
  }

  return {
    async create(principal: Principal, screeningId: string, input: ReviewInput) {
      const policy = await deps.policies.current(principal.tenantId);
      const deliveries: string[] = [];
      const created = await withTransaction(deps.pool, async (client) => {
        const store = createReviewStore(client);
        await store.lockScreening(principal.tenantId, screeningId);
        const screening = await loadScreening(client, principal.tenantId, screeningId);
        const finding = screening.result.findings.find((f) => f.id === input.findingId);
        if (!finding)
          throw ApiError.badRequest(`Screening ${screeningId} has no finding ${input.findingId}`, [
            { in: 'body', pointer: '/findingId', message: 'no such finding in this screening' },
          ]);
        const previous = await store.forScreening(principal.tenantId, screeningId);
        const before = deriveState(screening.result, previous);
        const last = previous.filter((r) => r.findingId === input.findingId).at(-1);
        if (
          policy.fourEyes &&
          finding.severity === 'block' &&
          input.disposition === 'false_positive' &&
          last?.disposition === 'false_positive' &&
          last.reviewerKeyId === principal.keyId &&
          before.final.get(finding.id) !== 'false_positive'
        )
          throw ApiError.conflict('Four eyes: a second reviewer with a different API key must confirm this');
        const review: ReviewRow = {
          id: `rev_${randomUUID().replaceAll('-', '')}`,
          tenantId: principal.tenantId,
          screeningId,
          findingId: input.findingId,
          disposition: input.disposition,
          note: input.note,
          reviewerKeyId: principal.keyId,
          fourEyes: policy.fourEyes,
          createdAt: new Date().toISOString(),
          auditSeq: 0,
        };
        const event = await appendAuditEvent(client, {
          tenantId: principal.tenantId,
          actor: principal.keyId,
          type: 'screening.review',
          occurredAt: review.createdAt,
          payload: {
            reviewId: review.id,
            screeningId,
            findingId: review.findingId,
            disposition: review.disposition,
            note: review.note,
            fourEyes: review.fourEyes,
          },
        });
        review.auditSeq = event.seq;
        await store.insert(review);
        const after = deriveState(screening.result, [...previous, review]);
        await store.putStates(
          [{ screeningId, tenantId: principal.tenantId, screenedAt: screening.result.screenedAt, ...after }],
          review.createdAt,
        );
        if (
          after.final.get(finding.id) === 'false_positive' &&
          before.final.get(finding.id) !== 'false_positive'
        )
          await remember(client, review, finding, screening.result, screening.request);
        const tell = async (event: string, payload: unknown) => {
          const id = await deps.events.record(client, principal.tenantId, event, payload);
          if (id) deliveries.push(id);
        };
        if (after.status === 'resolved' && before.status !== 'resolved')
          await tell(
            'screening.resolved',
            resolvedEvent(screening.result, after, principal.keyId, review.createdAt),
          );
        if (input.disposition === 'escalate')
          await tell('screening.escalated', {
            screeningId,
            reference: screening.result.reference,
            findingId: review.findingId,
            reviewerKeyId: principal.keyId,
            note: review.note,
            escalatedAt: review.createdAt,
          });
        return publicReview(review);
      });
      await deps.events.enqueue(deliveries);
      return created;
    },

    async list(principal: Principal, screeningId: string) {
      await loadScreening(deps.pool, principal.tenantId, screeningId);
      return (await reviews.forScreening(principal.tenantId, screeningId)).map(publicReview);
    },

    /** Review status and outcome of a screening the caller has already found in its tenant. */
    async stateOf(
      tenantId: string,
      result: ScreeningResult,
    ): Promise<Pick<DerivedState, 'status' | 'outcome'>> {
      const state = await reviews.state(tenantId, result.id);
      if (state) return { status: state.status, outcome: state.outcome as DerivedState['outcome'] };
      return deriveState(result, await reviews.forScreening(tenantId, result.id));
    },

    /** afterStore hook: every new screening starts with its derived state (clear ones resolved) in the projection. */
    initialStateFragments(rows: readonly ScreeningRow[]): Fragment[] {
      const states = rows.map((r) => ({
        screeningId: r.id,
        tenantId: r.tenantId,
        screenedAt: r.screenedAt,
        ...deriveState(r.result, []),
      }));
      return statesFragments(states, new Date().toISOString());
    },
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
