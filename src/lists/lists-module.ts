import { join } from 'node:path';
import type { Config } from '../config.ts';
import type { Pool } from '../db/pool.ts';
import { derivedControlRules } from '../goods/annex-iv-diversion.ts';
import { CONTROL_LIST_SOURCES } from '../goods/control-list-sources.ts';
import { coverage } from '../goods/coverage.ts';
import { snapshotRules } from '../goods/snapshot-rules.ts';
import type { QueueBackend } from '../jobs/queue-backend.ts';
import type { Logger } from '../logger.ts';
import type { Check } from '../ops/readiness.ts';
import { listenForActivations } from './active/activation-listener.ts';
import { type ActiveLists, createActiveLists } from './active/active-lists.ts';
import { createHistoricSnapshots, type HistoricSnapshots } from './active/historic-snapshots.ts';
import { createListCatalog, type ListCatalog } from './list-catalog.ts';
import { listReadiness } from './list-readiness.ts';
import { createListService, type ListService } from './list-service.ts';
import { createRefreshQueue, type RefreshQueue } from './refresh/refresh-queue.ts';
import type { RefreshDeps } from './refresh/refresh-source.ts';
import { BUILT_IN_SOURCES } from './source-registry.ts';
import { createVersionStore, type VersionStore } from './versions/version-store.ts';

export interface ListsModule {
  catalog: ListCatalog;
  store: VersionStore;
  queue: RefreshQueue;
  service: ListService;
  active: ActiveLists;
  historic: HistoricSnapshots;
  refreshDeps: RefreshDeps;
  readinessCheck: () => Promise<Check>;
  close(): Promise<void>;
}

export async function createListsModule(d: {
  config: Config;
  log: Logger;
  pool: Pool;
  queues: QueueBackend;
  databaseUrl: string;
}): Promise<ListsModule> {
  const { config } = d;
  const catalog = createListCatalog(
    [...BUILT_IN_SOURCES, ...CONTROL_LIST_SOURCES],
    config.listsEnabled,
    config.listSources,
  );
  const store = createVersionStore(d.pool);
  const queue = createRefreshQueue(d.queues);
  const active = createActiveLists({
    store,
    log: d.log,
    isControlList: catalog.isControlList,
    deriveControlRules: derivedControlRules,
  });
  await active.refresh();
  // A rebuild cut short by close() is the shutdown working as meant, not a failed swap to alert on.
  let closed = false;
  const listener = listenForActivations(d.databaseUrl, d.log, () => {
    active.refresh().catch((err) => {
      if (closed) d.log.debug({ err }, 'list swap stopped: shutting down');
      else d.log.error({ err }, 'could not swap in the new list versions');
    });
  });
  const service = createListService({
    pool: d.pool,
    store,
    catalog,
    queue,
    overrides: config.listSources,
    refreshIntervalMs: config.listRefreshIntervalMs,
    controlCoverage: () => coverage(snapshotRules(active.current())).summary,
  });
  return {
    catalog,
    store,
    queue,
    service,
    active,
    historic: createHistoricSnapshots(store, catalog.isControlList, undefined, derivedControlRules),
    refreshDeps: {
      pool: d.pool,
      store,
      log: d.log,
      downloadsDir: join(config.dataDir, 'downloads'),
      limits: { maxBytes: config.listDownloadMaxBytes, timeoutMs: config.listDownloadTimeoutMs },
      maxDropShare: config.listMaxDropShare,
      maxSkippedShare: config.listMaxSkippedShare,
      overrides: config.listSources,
    },
    async readinessCheck() {
      return listReadiness(catalog.sources, active.current().versions, Date.now());
    },
    async close() {
      closed = true;
      await listener.close();
      await active.close();
      await queue.close();
    },
  };
}
