import type { VerifyDeps } from './audit/verify-chain.ts';
import { createKeyService, type KeyService } from './auth/key-service.ts';
import { createRateLimiter, type RateLimiter } from './auth/rate-limiter.ts';
import type { Config } from './config.ts';
import { type Database, type OpenOptions, openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { createPool, type Pool } from './db/pool.ts';
import { createGoodsTablesModule, type GoodsTablesModule } from './goods-tables/goods-tables-module.ts';
import { createMetrics, type HttpMetrics } from './http/metrics.ts';
import { loadSpec, type Spec } from './http/openapi-spec.ts';
import { createQueueBackend, type QueueBackend } from './jobs/queue-backend.ts';
import { createLicencesModule, type LicencesModule } from './licences/licences-module.ts';
import { createListsModule, type ListsModule } from './lists/lists-module.ts';
import type { Logger } from './logger.ts';
import { createMonitoringModule, type MonitoringModule } from './monitoring/monitoring-module.ts';
import { databaseChecks, type ReadinessCheck } from './ops/readiness.ts';
import { warmUpNameTables } from './parties/index.ts';
import { createPolicyService, type PolicyService } from './policy/policy-service.ts';
import { createRedFlags } from './red-flags/red-flags-service.ts';
import { createReviewsModule, type ReviewsModule } from './reviews/reviews-module.ts';
import { createScreenJobsModule, type ScreenJobsModule } from './screen-jobs/screen-jobs-module.ts';
import { createScreeningService, type ScreeningService } from './screening/screening-service.ts';
import { createWatchlistsModule, type WatchlistsModule } from './watchlists/watchlists-module.ts';
import { createWebhooksModule, type WebhooksModule } from './webhooks/webhooks-module.ts';
import { screeningWrite } from './writes/screening-write.ts';

/** The composition root: everything the app, the workers and the tests share, built in one place. */
export interface Container {
  config: Config;
  log: Logger;
  database: Database;
  pool: Pool;
  spec: Spec;
  metrics: HttpMetrics;
  keys: KeyService;
  rateLimiter: RateLimiter;
  queues: QueueBackend;
  lists: ListsModule;
  policies: PolicyService;
  screening: ScreeningService;
  /** Officers' reviews and the false-positive memory (screening's `falsePositives` dependency). */
  reviews: ReviewsModule;
  /** Tenants' own watchlists (screening's `watchlists` dependency; never in the shared index). */
  watchlists: WatchlistsModule;
  webhooks: WebhooksModule;
  /** Tenants' export licences; screening applies them through its `licensing` dependency. */
  licences: LicencesModule;
  /** Tenants' own goods control tables (CSV import); screening applies them through `goodsTables`. */
  goodsTables: GoodsTablesModule;
  monitoring: MonitoringModule;
  /** POST /screen/jobs: uploaded files screened on the `screen-jobs` queue. */
  screenJobs: ScreenJobsModule;
  /** GET /audit/verify: the chain walk and, by name, each module's check of the rows the chain vouches for. */
  auditVerify: VerifyDeps;
  readiness: ReadinessCheck[];
  /** Closers run in reverse order of registration at shutdown. */
  onClose(fn: () => Promise<void>): void;
  close(): Promise<void>;
}

export async function createContainer(
  config: Config,
  log: Logger,
  opts: OpenOptions = {},
): Promise<Container> {
  const closers: Array<() => Promise<void>> = [];
  try {
    return await assemble(config, log, closers, opts);
  } catch (err) {
    // Never leave an embedded PostgreSQL or a pool behind when start-up fails half way.
    for (const fn of closers.reverse()) await fn().catch(() => {});
    throw err;
  }
}

async function assemble(
  config: Config,
  log: Logger,
  closers: Array<() => Promise<void>>,
  opts: OpenOptions,
): Promise<Container> {
  const database = await openDatabase(config, log, opts);
  closers.push(database.stop);
  const pool = createPool(database.url);
  closers.push(() => pool.end());
  await migrate(pool);

  const keys = createKeyService(pool);
  if (config.adminKey) await keys.ensureBootstrapKey(config.adminKey);
  const usageTimer = setInterval(() => keys.flushUsage().catch(() => {}), 10_000);
  usageTimer.unref();
  closers.push(async () => {
    clearInterval(usageTimer);
    await keys.flushUsage().catch(() => {});
  });

  const queues = createQueueBackend({
    redisUrl: config.redisUrl,
    databaseUrl: database.url,
    prefix: config.queuePrefix,
  });
  closers.push(() => queues.close());

  const lists = await createListsModule({ config, log, pool, queues, databaseUrl: database.url });
  closers.push(() => lists.close());
  // The index is built in a child process (parties/index-builder.ts), so this thread has not yet met the scripts a screening may bring.
  warmUpNameTables();

  const policies = createPolicyService(pool, { listIds: () => lists.catalog.sources.map((s) => s.id) });
  const watchlists = await createWatchlistsModule({
    pool,
    databaseUrl: database.url,
    versions: lists.store,
    log,
    background: () => lists.active.current().partyIndex.rarity(),
  });
  closers.push(() => watchlists.close());
  const licences = createLicencesModule({ pool });
  const goodsTables = createGoodsTablesModule({ pool });
  const webhooks = createWebhooksModule({ config, pool, queues, log });
  closers.push(() => webhooks.close());
  const reviews = createReviewsModule({ pool, lists, policies, events: webhooks.service });
  // Named dependencies, each used once per screening in the order screening-service.ts evaluate() shows.
  const screening = createScreeningService({
    pool,
    lists,
    policy: policies,
    watchlists,
    falsePositives: reviews.falsePositives,
    // The one statement storing screenings writes reviews', monitoring's and screen jobs' tables too.
    write: screeningWrite,
    goodsTables,
    licensing: licences.licensing,
    cpuBudgetMs: config.screenCpuBudgetMs,
    redFlags: createRedFlags(pool),
  });
  const monitoring = createMonitoringModule({
    pool,
    queues,
    lists,
    watchlists: watchlists.store,
    policies,
    webhooks: webhooks.service,
    log,
  });
  closers.push(() => monitoring.close());
  const spec = loadSpec();
  const screenJobs = createScreenJobsModule({ config, pool, spec, queues, screening, log });
  closers.push(() => screenJobs.close());

  const container: Container = {
    config,
    log,
    database,
    pool,
    spec,
    metrics: createMetrics(pool),
    keys,
    rateLimiter: createRateLimiter(config.rateLimitPerSecond),
    queues,
    lists,
    policies,
    screening,
    reviews,
    watchlists,
    webhooks,
    licences,
    goodsTables,
    monitoring,
    screenJobs,
    auditVerify: {
      pool,
      reviews: reviews.checks.reviews,
      falsePositives: reviews.checks.falsePositives,
      alertReviews: monitoring.alertReviewCheck,
      licences: licences.check,
      goodsTables: goodsTables.check,
    },
    readiness: [...databaseChecks(pool), lists.readinessCheck],
    onClose: (fn) => closers.push(fn),
    async close() {
      for (const fn of closers.reverse()) {
        await fn().catch((err) => log.error({ err }, 'error while closing'));
      }
      closers.length = 0;
    },
  };
  return container;
}
