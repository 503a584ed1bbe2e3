import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Pool } from '../../db/pool.ts';
import { withTransaction } from '../../db/transaction.ts';
import { newParseReport } from '../../entity/list-entity.ts';
import type { VersionedSource } from '../../entity/versioned-source.ts';
import type { Logger } from '../../logger.ts';
import { contentHash } from '../fetch/content-hash.ts';
import { type DownloadLimits, downloadFiles } from '../fetch/download-files.ts';
import { guardrailViolations } from '../versions/guardrails.ts';
import type { VersionStore } from '../versions/version-store.ts';
import type { AttemptOutcome } from '../versions/version-types.ts';
import { writeVersionItems } from '../versions/write-items.ts';
import { activateVersion } from './activate-version.ts';
import { resolveLocation } from './resolve-location.ts';

export interface RefreshDeps {
  pool: Pool;
  store: VersionStore;
  log: Logger;
  downloadsDir: string;
  limits: DownloadLimits;
  maxDropShare: number;
  maxSkippedShare: number;
  overrides: Record<string, string>;
}

export interface RefreshOutcome {
  sourceId: string;
  outcome: AttemptOutcome | 'busy';
  version: number | null;
  detail: string | null;
}

/**
 * One refresh of one source: fetch (or read the local override), hash, and when the content changed parse it
 * into a new version inside ONE transaction, check the guardrails, then activate or quarantine it. A crash at
 * any point rolls the transaction back: no half-written version is ever visible, and the active one stays.
 * Running it twice with the same file changes nothing the second time.
 */
export async function refreshSource(deps: RefreshDeps, source: VersionedSource): Promise<RefreshOutcome> {
  const lockClient = await deps.pool.connect();
  try {
    if (!(await deps.store.tryLockRefresh(lockClient, source.id))) {
      return {
        sourceId: source.id,
        outcome: 'busy',
        version: null,
        detail: 'a refresh of this source is running',
      };
    }
    try {
      return await refreshLocked(deps, source);
    } finally {
      await deps.store.unlockRefresh(lockClient, source.id).catch(() => {});
    }
  } finally {
    lockClient.release();
  }
}

async function refreshLocked(deps: RefreshDeps, source: VersionedSource): Promise<RefreshOutcome> {
  const startedAt = new Date().toISOString();
  const location = resolveLocation(source, deps.overrides[source.id]);
  let validators: { etag: string | null; lastModified: string | null } = { etag: null, lastModified: null };
  let downloaded: string | undefined;
  const finish = async (outcome: AttemptOutcome, detail: string | null, version: number | null) => {
    await deps.store.recordAttempt({
      sourceId: source.id,
      startedAt,
      finishedAt: new Date().toISOString(),
      outcome,
      detail,
      version,
      location: location.description,
      etag: validators.etag,
      lastModified: validators.lastModified,
    });
    deps.log.info({ source: source.id, outcome, version, detail }, 'list refresh');
    return { sourceId: source.id, outcome, version, detail };
  };

  try {
    let path: string;
    if (location.kind === 'missing') return await finish('failed', location.description, null);
    if (location.kind === 'remote') {
      const previous = await deps.store.lastSuccessfulCheck(source.id);
      const result = await downloadFiles(
        location.files,
        join(deps.downloadsDir, source.id, randomUUID()),
        previous,
        deps.limits,
      );
      if (result.status === 'not_modified') {
        validators = { etag: previous?.etag ?? null, lastModified: previous?.lastModified ?? null };
        return await finish('unchanged', 'not modified since the last download (conditional GET)', null);
      }
      validators = result.validators;
      path = downloaded = result.dir;
    } else path = location.path;

    const hash = await contentHash(path);
    const latest = await deps.store.latest(source.id);
    if (latest?.contentHash === hash) {
      return await finish('unchanged', `content identical to version ${latest.version}`, null);
    }

    const result = await withTransaction(deps.pool, async (client) => {
      await deps.store.lockSource(client, source.id);
      const version = await deps.store.insertPending(client, {
        sourceId: source.id,
        contentHash: hash,
        fetchedAt: startedAt,
        publishedAt: null,
      });
      const report = newParseReport();
      const { counts, incomplete } = await writeVersionItems(
        client,
        deps.store,
        source.id,
        version,
        source.readItems(path, report),
        report,
      );
      if (report.publishedAt) {
        await client.query(
          'UPDATE list_versions SET published_at = $3 WHERE source_id = $1 AND version = $2',
          [source.id, version, report.publishedAt],
        );
      }
      const active = await deps.store.active(source.id);
      const reasons = guardrailViolations({
        counts,
        incomplete,
        activeTotal: active?.counts.total,
        maxDropShare: deps.maxDropShare,
        maxSkippedShare: deps.maxSkippedShare,
      });
      const warnings = report.warnings.slice(0, 500);
      if (report.warnings.length > 500) warnings.push(`… and ${report.warnings.length - 500} more warnings`);
      if (reasons.length > 0) {
        await deps.store.finishVersion(client, source.id, version, {
          status: 'quarantined',
          counts,
          warnings,
          reason: reasons.join('; '),
        });
        return { outcome: 'quarantined' as const, version, detail: reasons.join('; ') };
      }
      await deps.store.finishVersion(client, source.id, version, {
        status: 'superseded',
        counts,
        warnings,
        reason: null,
      });
      await activateVersion(client, deps.store, source.id, version, {
        plane: 'operator',
        keyId: null,
        reason: null,
      });
      return { outcome: 'activated' as const, version, detail: `${counts.total} entries` };
    });
    return await finish(result.outcome, result.detail, result.version);
  } catch (err) {
    return await finish('failed', (err as Error).message.slice(0, 2000), null);
  } finally {
    if (downloaded) await rm(downloaded, { recursive: true, force: true }).catch(() => {});
  }
}
