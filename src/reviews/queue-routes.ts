import { Router } from 'express';
import { principalOf, type RouteRegistrar } from '../http/operation.ts';
import type { QueueService } from './queue-service.ts';
import type { QueueFilter, QueueSort } from './queue-types.ts';

/** Query values arrive as validated strings (openapi.yaml bounds them); the filter takes them typed. */
function filterOf(q: Record<string, string | undefined>): QueueFilter {
  const f: QueueFilter = {};
  if (q.decision === 'review' || q.decision === 'block') f.decision = q.decision;
  if (q.source) f.source = q.source;
  if (q.olderThanHours !== undefined) f.olderThanHours = Number(q.olderThanHours);
  if (q.overdue !== undefined) f.overdue = String(q.overdue) === 'true';
  if (q.assignee) f.assignee = q.assignee;
  if (q.claimed !== undefined) f.claimed = String(q.claimed) === 'true';
  if (q.partyName) f.partyName = q.partyName;
  return f;
}

export function queueRoutes(route: RouteRegistrar, queue: QueueService): Router {
  const router = Router();

  route(router, 'listQueue', async (req, res) => {
    const q = req.query as Record<string, string | undefined>;
    res.json(
      await queue.list(principalOf(res), {
        filter: filterOf(q),
        sort: (q.sort as QueueSort | undefined) ?? 'oldest',
        cursor: q.cursor,
        limit: q.limit ? Number(q.limit) : 50,
      }),
    );
  });

  route(router, 'getQueueItem', async (req, res) => {
    res.json(await queue.get(principalOf(res), req.params.screeningId as string));
  });

  route(router, 'claimQueueItem', async (req, res) => {
    res.json(await queue.claim(principalOf(res), req.params.screeningId as string));
  });

  route(router, 'assignQueueItem', async (req, res) => {
    const { assignee } = req.body as { assignee: string };
    res.json(await queue.assign(principalOf(res), req.params.screeningId as string, assignee));
  });

  route(router, 'unassignQueueItem', async (req, res) => {
    res.json(await queue.unassign(principalOf(res), req.params.screeningId as string));
  });

  return router;
}
