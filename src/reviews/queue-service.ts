import { appendAuditEvent, lockHead } from '../audit/audit-store.ts';
import type { Pool } from '../db/pool.ts';
import { withTransaction } from '../db/transaction.ts';
import { ApiError } from '../http/api-error.ts';
import type { PolicyService } from '../policy/policy-service.ts';
import type { Principal } from '../principal/scopes.ts';
import { decodeQueueCursor, encodeQueueCursor } from './queue-cursor.ts';
import { createQueueStore } from './queue-store.ts';
import type { QueueFilter, QueueRow, QueueSort } from './queue-types.ts';

export interface QueueQuery {
  filter: QueueFilter;
  sort: QueueSort;
  cursor?: string;
  limit: number;
}

const publicItem = ({ position: _p, ...item }: QueueRow) => item;

/** The triage queue (issue 23): one item per open case, paged from the oldest, aged against the tenant's SLA. */
export function createQueueService(deps: { pool: Pool; policies: PolicyService }) {
  const store = createQueueStore(deps.pool);
  const slaOf = async (tenantId: string) => (await deps.policies.current(tenantId)).reviewSlaHours;

  /**
   * Claim, assign and unassign: the new assignee and its audit event in one transaction. An assignment is an
   * officer's act a regulator may ask about (who held a blocked payment, since when), so the chain records it;
   * the queue row only mirrors the latest one.
   */
  async function setAssignee(
    principal: Principal,
    screeningId: string,
    type: 'queue.claimed' | 'queue.assigned' | 'queue.unassigned',
    assignee: string | null,
  ) {
    const { tenantId } = principal;
    await withTransaction(deps.pool, async (client) => {
      const tx = createQueueStore(client);
      // The chain head first, as a screening's write takes it before it closes a superseded item: one lock
      // order for both, so a claim and a re-screen of the same reference cannot deadlock.
      await lockHead(client, tenantId);
      const item = await tx.lock(tenantId, screeningId);
      if (!item) throw ApiError.notFound(`No queue item for screening ${screeningId}`);
      if (item.closed)
        throw ApiError.conflict(
          item.supersededBy
            ? `Screening ${screeningId} was superseded by ${item.supersededBy}: work on that one`
            : `Screening ${screeningId} is resolved and no longer in the queue`,
        );
      if (type === 'queue.claimed' && item.assignee !== null && item.assignee !== assignee)
        throw ApiError.conflict(`Already claimed by ${item.assignee}: assign it explicitly to take it over`);
      if (item.assignee === assignee) return;
      const at = new Date().toISOString();
      await tx.assign(tenantId, screeningId, assignee, at);
      await appendAuditEvent(client, {
        tenantId,
        actor: principal.keyId,
        type,
        occurredAt: at,
        payload: { screeningId, assignee, previousAssignee: item.assignee },
      });
    });
    return itemOf(tenantId, screeningId);
  }

  async function itemOf(tenantId: string, screeningId: string) {
    const row = await store.get(tenantId, screeningId, await slaOf(tenantId));
    if (!row) throw ApiError.notFound(`No queue item for screening ${screeningId}`);
    return publicItem(row);
  }

  return {
    async list(principal: Principal, q: QueueQuery) {
      const { tenantId } = principal;
      const sla = await slaOf(tenantId);
      const cursor = q.cursor ? decodeQueueCursor(q.cursor, q.sort) : null;
      const backwards = cursor?.backwards ?? false;
      // One more than a page tells whether another page lies in the direction of travel.
      const rows = await store.page(
        tenantId,
        { filter: q.filter, sort: q.sort, backwards, after: cursor?.position ?? null },
        q.limit + 1,
        sla,
      );
      const more = rows.length > q.limit;
      const page = backwards
        ? rows.slice(rows.length - Math.min(rows.length, q.limit))
        : rows.slice(0, q.limit);
      const first = page[0];
      const last = page[page.length - 1];
      const at = (backwards: boolean, row: QueueRow | undefined) =>
        row ? encodeQueueCursor({ sort: q.sort, backwards, position: row.position }) : null;
      const [counts, matching] = await Promise.all([
        store.counts(tenantId, sla),
        store.matching(tenantId, q.filter, sla),
      ]);
      return {
        items: page.map(publicItem),
        // Forwards, the page we came from is behind us; backwards, the page we came from is ahead.
        nextCursor: backwards || more ? at(false, last) : null,
        prevCursor: (backwards ? more : cursor !== null) ? at(true, first) : null,
        counts,
        matching,
        slaHours: sla,
      };
    },

    get: (principal: Principal, screeningId: string) => itemOf(principal.tenantId, screeningId),
    claim: (principal: Principal, screeningId: string) =>
      setAssignee(principal, screeningId, 'queue.claimed', principal.keyId),
    assign: (principal: Principal, screeningId: string, assignee: string) =>
      setAssignee(principal, screeningId, 'queue.assigned', assignee.trim()),
    unassign: (principal: Principal, screeningId: string) =>
      setAssignee(principal, screeningId, 'queue.unassigned', null),
  };
}

export type QueueService = ReturnType<typeof createQueueService>;
