import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { claimDataDir, OWNER_FILE, type OwnerRecord, processStartTime } from '../../src/db/data-dir-owner.ts';
import { createLogger } from '../../src/logger.ts';

// Who owns an embedded data directory, decided from the record alone: the process's pid *and* its kernel start
// time, so that a recycled pid (every container restart is pid 1 again) is not taken for the owner.

let dir = '';
const lines: string[] = [];
const log = createLogger(
  'info',
  new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  }),
);
let other: ChildProcess;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tradescreen-owner-'));
  // Another live process to name as owner: a node that waits until we end it.
  other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  await once(other, 'spawn');
});
after(async () => {
  other.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

const fresh = async () => mkdtemp(join(dir, 'd-'));
const writeOwner = (d: string, r: OwnerRecord) => writeFile(join(d, OWNER_FILE), JSON.stringify(r));
const readOwner = async (d: string) => JSON.parse(await readFile(join(d, OWNER_FILE), 'utf8')) as OwnerRecord;

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await once(child, 'exit');
  return child.pid!;
}

describe('claimDataDir', () => {
  test('the first claim owns the directory and names this process; a second claim sees it alive', async () => {
    const d = await fresh();
    const first = await claimDataDir(d, 5001, log);
    assert.equal(first.owned, true);
    const record = await readOwner(d);
    assert.equal(record.pid, process.pid);
    assert.equal(record.pgPort, 5001);
    if (process.platform === 'linux') assert.equal(record.startedAt, processStartTime(process.pid));
    const second = await claimDataDir(d, 5002, log);
    assert.equal(second.owned, false);
    assert.equal(!second.owned && second.owner.token, record.token);
    assert.equal(!second.owned && second.owner.pgPort, 5001, 'a client learns the owner’s port');
    if (first.owned) await first.release();
    assert.deepEqual(await readdir(d), [], 'release removes the record and leaves no temporary file');
  });

  test('a live process with the recorded start time is the owner', async () => {
    const d = await fresh();
    await writeOwner(d, {
      pid: other.pid!,
      startedAt: processStartTime(other.pid!),
      token: 'live',
      pgPort: 1,
    });
    const claim = await claimDataDir(d, 5003, log);
    assert.equal(claim.owned, false);
    assert.equal((await readOwner(d)).token, 'live');
  });

  test('an owner that is gone (kill -9) is taken over, and the takeover is logged', async () => {
    const d = await fresh();
    const pid = await deadPid();
    await writeOwner(d, { pid, startedAt: '1', token: 'dead', pgPort: 1 });
    const claim = await claimDataDir(d, 5004, log);
    assert.equal(claim.owned, true);
    assert.equal((await readOwner(d)).pid, process.pid);
    assert.ok(lines.some((l) => l.includes('taking over the data directory') && l.includes(String(pid))));
    assert.deepEqual((await readdir(d)).sort(), [OWNER_FILE], 'no lock directory or temporary file is left');
  });

  test('a recycled pid (alive, another start time) is not the owner', async (t) => {
    if (process.platform !== 'linux') return t.skip('start times come from /proc');
    const d = await fresh();
    await writeOwner(d, { pid: other.pid!, startedAt: 'earlier', token: 'recycled', pgPort: 1 });
    assert.equal((await claimDataDir(d, 5005, log)).owned, true);
  });

  test('our own pid under a token we do not hold is an earlier process (a container restart)', async () => {
    const d = await fresh();
    const startedAt = processStartTime(process.pid);
    await writeOwner(d, { pid: process.pid, startedAt, token: 'previous-life', pgPort: 1 });
    assert.equal((await claimDataDir(d, 5006, log)).owned, true);
  });

  test('ten processes taking over the same gone owner at once: exactly one wins', async () => {
    const d = await fresh();
    await writeOwner(d, { pid: await deadPid(), startedAt: '1', token: 'dead', pgPort: 1 });
    const claims = await Promise.all(Array.from({ length: 10 }, (_, i) => claimDataDir(d, 6000 + i, log)));
    const winners = claims.filter((c) => c.owned);
    assert.equal(winners.length, 1);
    const record = await readOwner(d);
    assert.equal(winners[0]!.owned && winners[0]!.record.token, record.token);
    for (const c of claims) if (!c.owned) assert.equal(c.owner.token, record.token);
  });

  test('release does not remove a record that is no longer ours', async () => {
    const d = await fresh();
    const claim = await claimDataDir(d, 5007, log);
    await writeOwner(d, {
      pid: other.pid!,
      startedAt: processStartTime(other.pid!),
      token: 'newer',
      pgPort: 2,
    });
    if (claim.owned) await claim.release();
    assert.equal((await readOwner(d)).token, 'newer');
  });
});
