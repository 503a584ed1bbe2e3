import { randomUUID } from 'node:crypto';
import { appendAuditEvent } from '../audit/audit-store.ts';
import type { ScreeningResult } from '../contract/screening-types.ts';
import type { Pool, PoolClient } from '../db/pool.ts';
import { withTransaction } from '../db/transaction.ts';
import { ApiError } from '../http/api-error.ts';
import type { VersionStore } from '../lists/versions/version-store.ts';
import type { PolicyService } from '../policy/policy-service.ts';
import { reviewerIdentity, signature } from '../principal/person.ts';
import type { Principal } from '../principal/scopes.ts';
import { createScreeningStore } from '../screening/screening-store.ts';
import { type OutcomeEvents, resolvedEvent } from './outcome-events.ts';
import { createQueueStore } from './queue-store.ts';
import { rememberFalsePositive } from './remember-false-positive.ts';
import {
  type DerivedState,
  type Disposition,
  deriveState,
  type ListedStatus,
  listedStatus,
} from './review-status.ts';
import { createReviewStore, type ReviewRow } from './review-store.ts';

export interface ReviewInput {
  findingId: string;
  disposition: Disposition;
  note: string;
}

export interface BulkReviewInput {
  findingIds: string[];
  disposition: Disposition;
  note: string;
}

const publicReview = (r: ReviewRow) => {
  const reviewer =
    r.reviewerName && r.reviewerEmail ? { name: r.reviewerName, email: r.reviewerEmail } : null;
  return {
    id: r.id,
    findingId: r.findingId,
    disposition: r.disposition,
    note: r.note,
    reviewerKeyId: r.reviewerKeyId,
    reviewer,
    reviewedBy: signature(r.reviewerKeyId, reviewer),
    createdAt: r.createdAt,
  };
};

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

  /**
   * One disposition and one note for each listed finding: a review and a `screening.review` audit event per
   * finding, as if each were reviewed alone, in one transaction (all or none). Four eyes holds per finding.
   */
  async function record(
    principal: Principal,
    screeningId: string,
    input: BulkReviewInput,
    pointer: (i: number) => string,
  ) {
    const policy = await deps.policies.current(principal.tenantId);
    const person = principal.person ?? null;
    const me = reviewerIdentity(principal.keyId, person?.email);
    const deliveries: string[] = [];
    const created = await withTransaction(deps.pool, async (client) => {
      const store = createReviewStore(client);
      await store.lockScreening(principal.tenantId, screeningId);
      const screening = await loadScreening(client, principal.tenantId, screeningId);
      const findings = input.findingIds.map((id, i) => {
        const found = screening.result.findings.find((f) => f.id === id);
        if (!found)
          throw ApiError.badRequest(`Screening ${screeningId} has no finding ${id}`, [
            { in: 'body', pointer: pointer(i), message: 'no such finding in this screening' },
          ]);
        return found;
      });
      const previous = await store.forScreening(principal.tenantId, screeningId);
      const before = deriveState(screening.result, previous);
      // One act of one officer: every review of the batch carries the same instant.
      const createdAt = new Date().toISOString();
      const made: ReviewRow[] = [];
      for (const finding of findings) {
        const last = previous.filter((r) => r.findingId === finding.id).at(-1);
        if (
          policy.fourEyes &&
          finding.severity === 'block' &&
          input.disposition === 'false_positive' &&
          last?.disposition === 'false_positive' &&
          reviewerIdentity(last.reviewerKeyId, last.reviewerEmail) === me &&
          before.final.get(finding.id) !== 'false_positive'
        )
          throw ApiError.conflict(
            `Four eyes: finding ${finding.id} must be confirmed by a second reviewer (another person, or another key that belongs to no person)`,
          );
        const review: ReviewRow = {
          id: `rev_${randomUUID().replaceAll('-', '')}`,
          tenantId: principal.tenantId,
          screeningId,
          findingId: finding.id,
          disposition: input.disposition,
          note: input.note,
          reviewerKeyId: principal.keyId,
          reviewerName: person?.name ?? null,
          reviewerEmail: person?.email ?? null,
          fourEyes: policy.fourEyes,
          createdAt,
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
            // The person is signed into the chain with the review (GET /audit/verify compares the row to it).
            reviewer: person,
          },
        });
        review.auditSeq = event.seq;
        await store.insert(review);
        made.push(review);
      }
      const after = deriveState(screening.result, [...previous, ...made]);
      await store.putStates(
        [{ screeningId, tenantId: principal.tenantId, screenedAt: screening.result.screenedAt, ...after }],
        createdAt,
      );
      // The triage queue follows in the same transaction: a resolved case leaves it at once.
      await createQueueStore(client).setReviewStatus(
        principal.tenantId,
        screeningId,
        after.status,
        createdAt,
      );
      for (const [i, review] of made.entries()) {
        const finding = findings[i]!;
        if (
          after.final.get(finding.id) === 'false_positive' &&
          before.final.get(finding.id) !== 'false_positive'
        )
          await rememberFalsePositive(
            client,
            deps.versions,
            review,
            finding,
            screening.result,
            screening.request,
          );
      }
      const tell = async (event: string, payload: unknown) => {
        const id = await deps.events.record(client, principal.tenantId, event, payload);
        if (id) deliveries.push(id);
      };
      if (after.status === 'resolved' && before.status !== 'resolved')
        await tell(
          'screening.resolved',
          resolvedEvent(screening.result, after, { keyId: principal.keyId, person }, createdAt),
        );
      if (input.disposition === 'escalate')
        for (const review of made)
          await tell('screening.escalated', {
            screeningId,
            reference: screening.result.reference,
            findingId: review.findingId,
            reviewerKeyId: principal.keyId,
            reviewer: person,
            note: review.note,
            escalatedAt: review.createdAt,
          });
      return made.map(publicReview);
    });
    await deps.events.enqueue(deliveries);
    return created;
  }

  return {
    async create(principal: Principal, screeningId: string, input: ReviewInput) {
      const { findingId, ...rest } = input;
      const [review] = await record(
        principal,
        screeningId,
        { ...rest, findingIds: [findingId] },
        () => '/findingId',
      );
      return review!;
    },

    /** POST /screenings/{id}/reviews/bulk: "resolve the remaining findings" with one note. */
    createMany: (principal: Principal, screeningId: string, input: BulkReviewInput) =>
      record(principal, screeningId, input, (i) => `/findingIds/${i}`),

    async list(principal: Principal, screeningId: string) {
      await loadScreening(deps.pool, principal.tenantId, screeningId);
      return (await reviews.forScreening(principal.tenantId, screeningId)).map(publicReview);
    },

    /** Listed status and outcome of a screening the caller has already found in its tenant. */
    async stateOf(
      tenantId: string,
      result: ScreeningResult,
    ): Promise<{ status: ListedStatus; outcome: DerivedState['outcome'] }> {
      const [state, supersededBy] = await Promise.all([
        reviews.state(tenantId, result.id),
        createQueueStore(deps.pool).supersededBy(tenantId, result.id),
      ]);
      const derived = state
        ? { status: state.status, outcome: state.outcome as DerivedState['outcome'] }
        : deriveState(result, await reviews.forScreening(tenantId, result.id));
      return { status: listedStatus(derived.status, supersededBy !== null), outcome: derived.outcome };
    },
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
