import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { link, mkdir, readFile, rename, rmdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../logger.ts';

/**
 * Who owns an embedded PostgreSQL's data directory. Without this, a second process (`npm run tenant:create`
 * beside `npm start`) took the running postmaster for one left behind by a killed process and stopped it, and
 * the service answered 503 until restarted. A live postmaster says nothing about whether its owner is gone;
 * this file names the owner, and only an owner that is gone may be replaced.
 */
export interface OwnerRecord {
  pid: number;
  /**
   * The owner's start time as the kernel counts it (Linux: /proc/<pid>/stat, field 22), so a recycled pid is
   * not mistaken for the owner — in a container every restart is pid 1 again. Null where /proc is absent.
   */
  startedAt: string | null;
  /** Names this claim; a takeover is locked on the token of the record it replaces. */
  token: string;
  /** Where the owner's postmaster listens, for processes that join it as clients. */
  pgPort: number;
}

export type Claim =
  | { owned: true; record: OwnerRecord; release(): Promise<void> }
  | { owned: false; owner: OwnerRecord };

export const OWNER_FILE = 'tradescreen-owner.json';

/** Kernel start time of `pid`, or null when it cannot be read (no /proc, or the process is gone). */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields from after its closing ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user — still running.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Claims held by this process, so that its own record is never judged stale. */
const held = new Set<string>();

/** Whether the process a record names is still the one that wrote it. */
export function ownerAlive(r: OwnerRecord): boolean {
  if (held.has(r.token)) return true;
  // Our own pid under a token we do not hold: an earlier process that had our pid (a container restart).
  if (r.pid === process.pid) return false;
  if (!running(r.pid)) return false;
  const now = processStartTime(r.pid);
  // Without start times (no /proc) a running pid counts as the owner: refusing is safer than stopping a live
  // database, and the refusal names the pid for the operator to check.
  return r.startedAt === null || now === null || now === r.startedAt;
}

async function readOwner(file: string): Promise<OwnerRecord | 'missing' | 'unreadable'> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw err;
  }
  try {
    const r = JSON.parse(text) as OwnerRecord;
    return Number.isInteger(r.pid) && typeof r.token === 'string' && Number.isInteger(r.pgPort)
      ? r
      : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

const code = (err: unknown) => (err as NodeJS.ErrnoException).code;

/**
 * Claims `dataDir` for this process, or reports the live owner. Creation is atomic (a complete file is hard-
 * linked into place, so no reader sees half a record); replacing a gone owner's record happens under a lock
 * directory named after that record's token, and only if the record is still the one judged gone, so two
 * processes starting at once after a crash cannot both win.
 */
export async function claimDataDir(dataDir: string, pgPort: number, log: Logger): Promise<Claim> {
  const file = join(dataDir, OWNER_FILE);
  const record: OwnerRecord = {
    pid: process.pid,
    startedAt: processStartTime(process.pid),
    token: randomBytes(16).toString('hex'),
    pgPort,
  };
  const tmp = `${file}.${record.token}.tmp`;
  await writeFile(tmp, `${JSON.stringify(record)}\n`);
  const owned = (): Claim => {
    held.add(record.token);
    return {
      owned: true,
      record,
      async release() {
        held.delete(record.token);
        const now = await readOwner(file);
        if (typeof now === 'object' && now.token === record.token) await unlink(file).catch(() => {});
      },
    };
  };
  let busyLock: string | undefined;
  try {
    for (let attempt = 0; attempt < 100; attempt++) {
      try {
        await link(tmp, file);
        return owned();
      } catch (err) {
        if (code(err) !== 'EEXIST') throw err;
      }
      const current = await readOwner(file);
      if (current === 'missing') continue; // released between our link and our read: try again
      if (current !== 'unreadable' && ownerAlive(current)) return { owned: false, owner: current };
      const lock = join(dataDir, `.takeover-${current === 'unreadable' ? 'unreadable' : current.token}`);
      try {
        await mkdir(lock);
      } catch (err) {
        if (code(err) !== 'EEXIST') throw err;
        // Another process is replacing the same record: wait for it, then judge its record.
        busyLock = lock;
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      busyLock = undefined;
      try {
        const again = await readOwner(file);
        const same =
          current === 'unreadable'
            ? again === 'unreadable'
            : typeof again === 'object' && again.token === current.token;
        if (!same) continue;
        log.warn(
          { dataDir, previousOwner: current === 'unreadable' ? 'unreadable record' : current.pid },
          'taking over the data directory: the tradescreen that owned it is gone',
        );
        await writeFile(`${tmp}.2`, `${JSON.stringify(record)}\n`);
        await rename(`${tmp}.2`, file);
        return owned();
      } finally {
        await rmdir(lock).catch(() => {});
      }
    }
    throw new Error(
      busyLock
        ? `could not claim ${dataDir}: another process has been taking it over for 10 s (${busyLock}); if no tradescreen is starting, remove that directory`
        : `could not claim ${dataDir}: its owner record (${file}) kept changing`,
    );
  } finally {
    await unlink(tmp).catch(() => {});
  }
}
