import type { PoolClient, Queryable } from '../../db/pool.ts';
import type {
  ActivatedVia,
  AttemptOutcome,
  ListAttemptRow,
  ListVersionRow,
  VersionCounts,
  VersionStatus,
} from './version-types.ts';

const VERSION_COLUMNS = `source_id, version, status, content_hash, fetched_at, published_at, activated_at,
  deactivated_at, counts, warnings, quarantine_reason, activated_via, activation_reason`;

function toVersion(r: Record<string, unknown>): ListVersionRow {
  return {
    sourceId: r.source_id as string,
    version: r.version as number,
    status: r.status as VersionStatus,
    contentHash: r.content_hash as string,
    fetchedAt: r.fetched_at as string,
    publishedAt: (r.published_at as string | null) ?? null,
    activatedAt: (r.activated_at as string | null) ?? null,
    deactivatedAt: (r.deactivated_at as string | null) ?? null,
    counts: r.counts as VersionCounts,
    warnings: r.warnings as string[],
    quarantineReason: (r.quarantine_reason as string | null) ?? null,
    activatedVia: (r.activated_via as ActivatedVia | null) ?? null,
    activationReason: (r.activation_reason as string | null) ?? null,
  };
}

function toAttempt(r: Record<string, unknown>): ListAttemptRow {
  return {
    sourceId: r.source_id as string,
    startedAt: r.started_at as string,
    finishedAt: r.finished_at as string,
    outcome: r.outcome as AttemptOutcome,
    detail: (r.detail as string | null) ?? null,
    version: (r.version as number | null) ?? null,
    location: (r.location as string | null) ?? null,
    etag: (r.etag as string | null) ?? null,
    lastModified: (r.last_modified as string | null) ?? null,
  };
}

export function createVersionStore(db: Queryable) {
  return {
    async latest(sourceId: string): Promise<ListVersionRow | undefined> {
      const { rows } = await db.query(
        `SELECT ${VERSION_COLUMNS} FROM list_versions WHERE source_id = $1 AND status <> 'pending'
         ORDER BY version DESC LIMIT 1`,
        [sourceId],
      );
      return rows[0] ? toVersion(rows[0]) : undefined;
    },

    /** `q`: a transaction's client, to see what it has written so far. */
    async active(sourceId: string, q: Queryable = db): Promise<ListVersionRow | undefined> {
      const { rows } = await q.query(
        `SELECT ${VERSION_COLUMNS} FROM list_versions WHERE source_id = $1 AND status = 'active'`,
        [sourceId],
      );
      return rows[0] ? toVersion(rows[0]) : undefined;
    },

    async allActive(): Promise<ListVersionRow[]> {
      const { rows } = await db.query(`SELECT ${VERSION_COLUMNS} FROM list_versions WHERE status = 'active'`);
      return rows.map(toVersion);
    },

    /** The versions that were active at a moment in the past, for screenings "as of" that moment. */
    async activeAt(at: string): Promise<ListVersionRow[]> {
      const { rows } = await db.query(
        `SELECT ${VERSION_COLUMNS} FROM list_versions
         WHERE activated_at <= $1 AND (deactivated_at IS NULL OR deactivated_at > $1)`,
        [at],
      );
      return rows.map(toVersion);
    },

    async get(sourceId: string, version: number, q: Queryable = db): Promise<ListVersionRow | undefined> {
      const { rows } = await q.query(
        `SELECT ${VERSION_COLUMNS} FROM list_versions WHERE source_id = $1 AND version = $2 AND status <> 'pending'`,
        [sourceId, version],
      );
      return rows[0] ? toVersion(rows[0]) : undefined;
    },

    async list(sourceId: string, limit = 100): Promise<ListVersionRow[]> {
      const { rows } = await db.query(
        `SELECT ${VERSION_COLUMNS} FROM list_versions WHERE source_id = $1 AND status <> 'pending'
         ORDER BY version DESC LIMIT $2`,
        [sourceId, limit],
      );
      return rows.map(toVersion);
    },

    /** Serialises version numbering and activation of one source across processes, until COMMIT. */
    async lockSource(client: PoolClient, sourceId: string): Promise<void> {
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('list:' || $1))`, [sourceId]);
    },

    async tryLockRefresh(client: PoolClient, sourceId: string): Promise<boolean> {
      const { rows } = await client.query<{ ok: boolean }>(
        `SELECT pg_try_advisory_lock(hashtext('refresh:' || $1)) AS ok`,
        [sourceId],
      );
      return rows[0]!.ok;
    },

    async unlockRefresh(client: PoolClient, sourceId: string): Promise<void> {
      await client.query(`SELECT pg_advisory_unlock(hashtext('refresh:' || $1))`, [sourceId]);
    },

    async insertPending(
      client: PoolClient,
      v: { sourceId: string; contentHash: string; fetchedAt: string; publishedAt: string | null },
    ): Promise<number> {
      const { rows } = await client.query<{ version: number }>(
        `INSERT INTO list_versions (source_id, version, status, content_hash, fetched_at, published_at, counts)
         SELECT $1, coalesce(max(version), 0) + 1, 'pending', $2, $3, $4, '{}'::jsonb
         FROM list_versions WHERE source_id = $1 RETURNING version`,
        [v.sourceId, v.contentHash, v.fetchedAt, v.publishedAt],
      );
      return rows[0]!.version;
    },

    /** Items in batches: blobs are shared across versions by content hash. */
    async insertItems(
      client: PoolClient,
      sourceId: string,
      version: number,
      items: { entryId: string; hash: string; json: string }[],
    ): Promise<void> {
      if (items.length === 0) return;
      await client.query(
        `INSERT INTO list_items (hash, item) SELECT * FROM unnest($1::text[], $2::jsonb[]) ON CONFLICT (hash) DO NOTHING`,
        [items.map((i) => i.hash), items.map((i) => i.json)],
      );
      await client.query(
        `INSERT INTO list_version_items (source_id, version, entry_id, hash)
         SELECT $1, $2, e, h FROM unnest($3::text[], $4::text[]) AS t(e, h)`,
        [sourceId, version, items.map((i) => i.entryId), items.map((i) => i.hash)],
      );
    },

    async finishVersion(
      client: PoolClient,
      sourceId: string,
      version: number,
      f: {
        status: 'quarantined' | 'superseded';
        counts: VersionCounts;
        warnings: string[];
        reason: string | null;
      },
    ): Promise<void> {
      await client.query(
        `UPDATE list_versions SET status = $3, counts = $4, warnings = $5, quarantine_reason = $6
         WHERE source_id = $1 AND version = $2`,
        [sourceId, version, f.status, JSON.stringify(f.counts), JSON.stringify(f.warnings), f.reason],
      );
    },

    /**
     * The swap: the old active version ends at the instant the new one starts. The quarantine reason stays: a
     * version activated over its guardrails must keep showing that it was quarantined, and why.
     */
    async activate(
      client: PoolClient,
      sourceId: string,
      version: number,
      by: { via: ActivatedVia; reason: string | null },
    ): Promise<string> {
      const { rows } = await client.query<{ now: string }>('SELECT now() AS now');
      const now = rows[0]!.now;
      await client.query(
        `UPDATE list_versions SET status = 'superseded', deactivated_at = $2 WHERE source_id = $1 AND status = 'active'`,
        [sourceId, now],
      );
      await client.query(
        `UPDATE list_versions SET status = 'active', activated_at = $3, deactivated_at = NULL,
           activated_via = $4, activation_reason = $5
         WHERE source_id = $1 AND version = $2`,
        [sourceId, version, now, by.via, by.reason],
      );
      return now;
    },

    async items(sourceId: string, version: number): Promise<unknown[]> {
      const { rows } = await db.query(
        `SELECT i.item FROM list_version_items v JOIN list_items i ON i.hash = v.hash
         WHERE v.source_id = $1 AND v.version = $2`,
        [sourceId, version],
      );
      return rows.map((r) => r.item);
    },

    async item(
      sourceId: string,
      version: number,
      entryId: string,
    ): Promise<{ item: unknown; hash: string } | undefined> {
      const { rows } = await db.query(
        `SELECT i.item, i.hash FROM list_version_items v JOIN list_items i ON i.hash = v.hash
         WHERE v.source_id = $1 AND v.version = $2 AND v.entry_id = $3`,
        [sourceId, version, entryId],
      );
      return rows[0] ? { item: rows[0].item, hash: rows[0].hash } : undefined;
    },

    /** Entries that differ between two versions, by id and content hash; `from` may be null (all added). */
    async diff(
      sourceId: string,
      from: number | null,
      to: number,
    ): Promise<
      { entryId: string; change: 'added' | 'removed' | 'changed'; oldItem: unknown; newItem: unknown }[]
    > {
      const { rows } = await db.query(
        `WITH a AS (SELECT entry_id, hash FROM list_version_items WHERE source_id = $1 AND version = $2),
              b AS (SELECT entry_id, hash FROM list_version_items WHERE source_id = $1 AND version = $3)
         SELECT coalesce(a.entry_id, b.entry_id) AS entry_id,
                CASE WHEN a.entry_id IS NULL THEN 'added' WHEN b.entry_id IS NULL THEN 'removed' ELSE 'changed' END AS change,
                ia.item AS old_item, ib.item AS new_item
         FROM a FULL OUTER JOIN b ON a.entry_id = b.entry_id
         LEFT JOIN list_items ia ON ia.hash = a.hash
         LEFT JOIN list_items ib ON ib.hash = b.hash
         WHERE a.hash IS DISTINCT FROM b.hash
         ORDER BY 1`,
        [sourceId, from ?? -1, to],
      );
      return rows.map((r) => ({
        entryId: r.entry_id,
        change: r.change,
        oldItem: r.old_item,
        newItem: r.new_item,
      }));
    },

    async recordAttempt(a: ListAttemptRow): Promise<void> {
      await db.query(
        `INSERT INTO list_attempts (source_id, started_at, finished_at, outcome, detail, version, location, etag, last_modified)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          a.sourceId,
          a.startedAt,
          a.finishedAt,
          a.outcome,
          a.detail,
          a.version,
          a.location,
          a.etag,
          a.lastModified,
        ],
      );
    },

    async lastAttempt(sourceId: string): Promise<ListAttemptRow | undefined> {
      const { rows } = await db.query(
        `SELECT * FROM list_attempts WHERE source_id = $1 ORDER BY id DESC LIMIT 1`,
        [sourceId],
      );
      return rows[0] ? toAttempt(rows[0]) : undefined;
    },

    /** The last attempt that reached the authority's file (whatever it concluded), for conditional GET and staleness. */
    async lastSuccessfulCheck(sourceId: string): Promise<ListAttemptRow | undefined> {
      const { rows } = await db.query(
        `SELECT * FROM list_attempts WHERE source_id = $1 AND outcome <> 'failed' ORDER BY id DESC LIMIT 1`,
        [sourceId],
      );
      return rows[0] ? toAttempt(rows[0]) : undefined;
    },
  };
}

export type VersionStore = ReturnType<typeof createVersionStore>;
