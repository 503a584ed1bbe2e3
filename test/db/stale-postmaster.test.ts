import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { stopStalePostmaster } from '../../src/db/embedded-postgres.ts';
import { createLogger } from '../../src/logger.ts';

// After a crash, postmaster.pid may name a pid that now belongs to another process (in a restarted container,
// low pids come round again). Taking the directory over must never signal that process.
test('a postmaster.pid naming a live process that is not PostgreSQL on this directory: the process is left alone', async (t) => {
  if (process.platform !== 'linux') return t.skip('command lines come from /proc');
  const dir = await mkdtemp(join(tmpdir(), 'tradescreen-stale-pm-'));
  const bystander = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  t.after(async () => {
    bystander.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });
  await once(bystander, 'spawn');
  await writeFile(join(dir, 'postmaster.pid'), `${bystander.pid}\n${dir}\n`);
  await stopStalePostmaster(dir, createLogger('silent'));
  assert.equal(bystander.exitCode, null);
  assert.equal(bystander.signalCode, null, 'not signalled');
  assert.equal(existsSync(join(dir, 'postmaster.pid')), false, 'the stale lock file is removed instead');

  await writeFile(join(dir, 'postmaster.pid'), `${process.pid}\n${dir}\n`);
  await stopStalePostmaster(dir, createLogger('silent'));
  assert.equal(existsSync(join(dir, 'postmaster.pid')), false, 'our own pid: removed, never signalled');
});
