import { resolve } from 'node:path';
import { DEFAULT_EVALUATION_BUDGET_MS } from './parties/cpu-budget.ts';

/**
 * All configuration, read and validated once at start. A bad value is never replaced by a default: every
 * problem is collected and reported together, and the process exits (see main.ts).
 */
export interface Config {
  port: number;
  host: string;
  /** Unset means: run an embedded PostgreSQL in `dataDir`. */
  databaseUrl: string | undefined;
  /** Unset means: BullMQ runs on the PostgreSQL backend (embedded or DATABASE_URL). */
  redisUrl: string | undefined;
  adminKey: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  dataDir: string;
  embeddedPgPort: number;
  bodyLimitBytes: number;
  /** Default per-key rate limit; a key may carry its own. */
  rateLimitPerSecond: number;
  /** Redis key prefix of every queue: deployments (or test runs) sharing one Redis stay apart. */
  queuePrefix: string;
  /** Run the BullMQ workers inside the API process (embedded default) or only in `npm run worker`. */
  runWorkers: boolean;
  listRefreshIntervalMs: number;
  listDownloadMaxBytes: number;
  listDownloadTimeoutMs: number;
  /** Refuse to activate a version whose entity count fell by more than this share. */
  listMaxDropShare: number;
  /** Refuse to activate a version where more than this share of records could not be read. */
  listMaxSkippedShare: number;
  /** LISTS_ENABLED: source ids to keep fresh; undefined = every source enabled by default. */
  listsEnabled: string[] | undefined;
  /** `LIST_SOURCE_<ID>` overrides: source id → URL, file or directory. */
  listSources: Record<string, string>;
  shutdownTimeoutMs: number;
  /** First webhook retry delay; each later one doubles, for up to 24 hours in all. */
  webhookRetryBaseMs: number;
  webhookTimeoutMs: number;
  /**
   * OUTBOUND_ALLOW_PRIVATE: let tenant webhooks and job callbacks reach loopback/private/link-local addresses
   * (on-premise deployments, tests). Off by default: a tenant must not make the service call its own network.
   */
  outboundAllowPrivate: boolean;
  /** SCREEN_JOB_MAX_MB: size limit of one POST /screen/jobs upload, streamed past the JSON body limit. */
  screenJobMaxBytes: number;
  /**
   * METRICS_TOKEN: the bearer token GET /metrics asks for. Unset means /metrics is off (404): the API port is
   * usually public, and route names, request rates and pool sizes are not for everyone who can reach it.
   */
  metricsToken: string | undefined;
  /**
   * SCREEN_CPU_BUDGET_MS: how long one screening's party matching may hold the event loop; past it the
   * screening finishes with what it found, a `screening_incomplete` finding and at least `review`.
   */
  screenCpuBudgetMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  };
  const num = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || n > max) {
      problems.push(`${name} must be a number between ${min} and ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  };
  const url = (name: string, protocols: string[]): string | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    try {
      const u = new URL(raw);
      if (!protocols.includes(u.protocol)) problems.push(`${name} must use ${protocols.join(' or ')}`);
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return raw;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };

  const ids = (name: string): string[] | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    const list = raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = list.filter((s) => !/^[a-z0-9-]+$/.test(s));
    if (bad.length > 0)
      problems.push(`${name} must be a comma-separated list of source ids (bad: ${bad.join(', ')})`);
    return list;
  };

  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  const adminKey = env.TRADESCREEN_ADMIN_KEY || undefined;
  if (adminKey !== undefined && !/^ts_(live|test)_[A-Za-z0-9_-]{24,}$/.test(adminKey)) {
    problems.push('TRADESCREEN_ADMIN_KEY must look like ts_live_<at least 24 letters, digits, _ or ->');
  }

  const metricsToken = env.METRICS_TOKEN || undefined;
  // A bearer token (RFC 6750 characters) long enough not to be guessed: 32 characters is `openssl rand -hex 16`.
  if (metricsToken !== undefined && !/^[A-Za-z0-9._~+/=-]{32,256}$/.test(metricsToken)) {
    problems.push('METRICS_TOKEN must be 32 to 256 letters, digits or ._~+/=- (e.g. openssl rand -hex 16)');
  }

  const listSources: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    const m = /^LIST_SOURCE_([A-Z0-9_]+)$/.exec(name);
    if (!m || !value) continue;
    listSources[m[1]!.toLowerCase().replaceAll('_', '-')] = value;
  }

  const config: Config = {
    port: int('PORT', 8080, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:']),
    redisUrl: url('REDIS_URL', ['redis:', 'rediss:']),
    adminKey,
    logLevel,
    dataDir: resolve(env.DATA_DIR || './data'),
    embeddedPgPort: int('EMBEDDED_PG_PORT', 54329, 1024, 65535),
    bodyLimitBytes: int('BODY_LIMIT_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    rateLimitPerSecond: int('RATE_LIMIT_PER_SECOND', 2000, 1, 1_000_000),
    queuePrefix: env.QUEUE_PREFIX || 'tradescreen',
    runWorkers: bool('RUN_WORKERS', true),
    listRefreshIntervalMs: int('LIST_REFRESH_INTERVAL_MINUTES', 360, 1, 7 * 24 * 60) * 60_000,
    listDownloadMaxBytes: int('LIST_DOWNLOAD_MAX_MB', 512, 1, 10_000) * 1024 * 1024,
    listDownloadTimeoutMs: int('LIST_DOWNLOAD_TIMEOUT_SECONDS', 300, 1, 3600) * 1000,
    listMaxDropShare: num('LIST_MAX_DROP_SHARE', 0.1, 0, 1),
    listMaxSkippedShare: num('LIST_MAX_SKIPPED_SHARE', 0.001, 0, 1),
    listsEnabled: ids('LISTS_ENABLED'),
    listSources,
    shutdownTimeoutMs: int('SHUTDOWN_TIMEOUT_SECONDS', 20, 1, 600) * 1000,
    webhookRetryBaseMs: int('WEBHOOK_RETRY_BASE_MS', 10_000, 10, 3_600_000),
    webhookTimeoutMs: int('WEBHOOK_TIMEOUT_SECONDS', 10, 1, 120) * 1000,
    outboundAllowPrivate: bool('OUTBOUND_ALLOW_PRIVATE', false),
    screenJobMaxBytes: int('SCREEN_JOB_MAX_MB', 200, 1, 10_000) * 1024 * 1024,
    metricsToken,
    // 0 makes every screening incomplete (tests force it this way).
    screenCpuBudgetMs: int('SCREEN_CPU_BUDGET_MS', DEFAULT_EVALUATION_BUDGET_MS, 0, 60_000),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** For entry points: the config, or every problem on stderr and exit status 2. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}
