import { isDatabaseUnavailable } from '../db/unavailable.ts';

/**
 * Group commit for single screenings. A tenant's audit chain has one head row, so its transactions serialise
 * on that row's lock whatever we do; instead of queueing N transactions behind the lock (N lock holds, N WAL
 * flushes), the screenings that arrive while one transaction of a tenant is in flight are written together in
 * the next one. The first screening of an idle tenant starts at once, so nothing waits that would not have
 * waited for the lock anyway.
 *
 * The guarantees do not change: each caller's promise resolves only after the COMMIT that holds its rows (its
 * answer is sent after that), each screening keeps its own audit event, in one chain, in arrival order. If a
 * group's transaction fails for any reason but an unavailable database, every member is retried alone, so
 * one bad row cannot fail its neighbours; a failed transaction rolled back entirely, so a retry cannot
 * duplicate anything.
 */
export function createCommitGroups<R extends { tenantId: string }>(
  persist: (rows: R[]) => Promise<void>,
  maxRows = 250,
) {
  interface Waiting {
    row: R;
    resolve: () => void;
    reject: (err: unknown) => void;
  }
  const waiting = new Map<string, Waiting[]>();
  const inFlight = new Set<string>();

  async function write(group: Waiting[]): Promise<void> {
    try {
      await persist(group.map((w) => w.row));
      for (const w of group) w.resolve();
    } catch (err) {
      if (group.length === 1 || isDatabaseUnavailable(err)) {
        for (const w of group) w.reject(err);
        return;
      }
      for (const w of group) await write([w]);
    }
  }

  async function drain(tenantId: string): Promise<void> {
    inFlight.add(tenantId);
    try {
      for (;;) {
        const queue = waiting.get(tenantId);
        if (!queue || queue.length === 0) break;
        const group = queue.splice(0, maxRows);
        if (queue.length === 0) waiting.delete(tenantId);
        await write(group);
      }
    } finally {
      inFlight.delete(tenantId);
    }
  }

  return {
    /** Resolves once `row` is committed with its audit event. */
    submit(row: R): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        const queue = waiting.get(row.tenantId) ?? [];
        queue.push({ row, resolve, reject });
        waiting.set(row.tenantId, queue);
        if (!inFlight.has(row.tenantId)) void drain(row.tenantId);
      });
    },
  };
}
