import { randomBytes } from 'node:crypto';
import { appendAuditEvent } from '../audit/audit-store.ts';
import type { Pool } from '../db/pool.ts';
import { withTransaction } from '../db/transaction.ts';
import type { ListEntity } from '../entity/list-entity.ts';
import { isTenantSource } from '../lists/tenant-source.ts';
import type { VersionStore } from '../lists/versions/version-store.ts';
import { itemHash } from '../lists/versions/write-items.ts';
import type { Logger } from '../logger.ts';
import { buildIndex } from '../parties/index.ts';
import type { PolicyService } from '../policy/policy-service.ts';
import { partyFindings } from '../screening/party-findings.ts';
import type { WatchlistStore } from '../watchlists/watchlist-store.ts';
import type { WebhookService } from '../webhooks/webhook-service.ts';
import { createAlertStore } from './alert-store.ts';
import { alertView } from './alert-view.ts';
import { createMonitoredPartyStore, type MonitoredPartyRow } from './monitored-party-store.ts';
import { createMonitoringRunStore } from './monitoring-run-store.ts';

export interface MonitorDeps {
  pool: Pool;
  versions: VersionStore;
  watchlists: WatchlistStore;
  policies: PolicyService;
  webhooks: WebhookService;
  isControlList: (sourceId: string) => boolean;
  sourceTitle: (sourceId: string) => string;
  log: Logger;
}

export interface MonitorJob {
  sourceId: string;
  version: number;
}

/**
 * Re-screens monitored parties against what one activated version ADDED or CHANGED — not the whole list, which
 * every party was already screened against — through a small index of just those entries. Each hit is an alert
 * unless the party already has one for that entry's content, so a rerun of the job raises nothing new.
 */
export async function monitorVersion(deps: MonitorDeps, job: MonitorJob) {
  const runs = createMonitoringRunStore(deps.pool);
  const { sourceId, version } = job;
  if (await runs.finished(sourceId, version)) return { parties: 0, alerts: 0, skipped: 'already monitored' };
  const activatedAt = await runs.activatedAt(sourceId, version);
  // Not (yet) in force: quarantined, or a job that outran its COMMIT; the sweep brings it back once active.
  if (!activatedAt) return { parties: 0, alerts: 0, skipped: 'not activated' };
  const done = async (parties: number, alerts: number, skipped?: string) => {
    await runs.markFinished(sourceId, version, parties, alerts);
    return { parties, alerts, ...(skipped ? { skipped } : {}) };
  };
  if (deps.isControlList(sourceId)) return done(0, 0, 'control list: goods rules, not parties');

  let tenantId: string | null = null;
  if (isTenantSource(sourceId)) {
    const owner = await deps.watchlists.owner(sourceId.slice('custom:'.length));
    if (!owner) return done(0, 0, 'watchlist deleted');
    tenantId = owner;
  }
  const parties = await createMonitoredPartyStore(deps.pool).inScope(tenantId);
  if (parties.length === 0) return done(0, 0);

  const against = await runs.previousActivated(sourceId, version);
  const changes = (await deps.versions.diff(sourceId, against, version)).filter(
    (d) => d.change === 'added' || d.change === 'changed',
  );
  if (changes.length === 0) return done(parties.length, 0);
  const entities = changes.map((d) => d.newItem as ListEntity);
  const hashOf = new Map(changes.map((d) => [d.entryId, itemHash(d.newItem)]));
  const index = buildIndex(entities);

  const byTenant = new Map<string, MonitoredPartyRow[]>();
  for (const p of parties) byTenant.set(p.tenantId, [...(byTenant.get(p.tenantId) ?? []), p]);
  let raised = 0;
  for (const [tenant, tenantParties] of byTenant) {
    const policy = await deps.policies.current(tenant);
    const hits = tenantParties.flatMap((p) =>
      partyFindings(index, [p.party], {
        reviewThreshold: policy.reviewThreshold,
        blockThreshold: policy.blockThreshold,
        sourceAllowed: () => true,
        sourceTitle: deps.sourceTitle,
      }).map((finding) => ({ party: p, finding })),
    );
    if (hits.length === 0) continue;
    const deliveries = await withTransaction(deps.pool, async (client) => {
      const alerts = createAlertStore(client);
      const ids: string[] = [];
      for (const { party, finding } of hits) {
        const entryId = finding.entry?.id ?? '';
        const alert = await alerts.insert(client, {
          id: `al_${randomBytes(12).toString('hex')}`,
          tenantId: tenant,
          partyId: party.id,
          sourceId,
          listVersion: version,
          entryId,
          entryHash: hashOf.get(entryId) ?? '',
          finding,
        });
        if (!alert) continue;
        raised++;
        const view = alertView(alert, activatedAt);
        await appendAuditEvent(client, {
          tenantId: tenant,
          actor: null,
          type: 'alert.created',
          payload: { alertId: alert.id, partyId: party.id, source: sourceId, version, entryId },
        });
        const delivery = await deps.webhooks.record(client, tenant, 'alert.created', {
          ...view,
          party: party.party,
        });
        if (delivery) ids.push(delivery);
      }
      return ids;
    });
    await deps.webhooks.enqueue(deliveries);
  }
  deps.log.info({ source: sourceId, version, parties: parties.length, alerts: raised }, 'monitoring run');
  return done(parties.length, raised);
}
