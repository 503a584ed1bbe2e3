import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { freePort } from '../support/database.ts';
import { startFaultService } from './support/fault-service.ts';
import { screen, screenBody } from './support/load.ts';
import { waitFor } from './support/wait-for.ts';

// A security review found that `npm run tenant:create` beside a running `npm start` (embedded PostgreSQL)
// stopped the service's database as "stale", leaving the service answering 503 until restarted. Now the data
// directory names its owner: tenant:create joins the running database as a client, a second service refuses,
// and only a postmaster whose owner is gone (kill -9 of node) is taken over.

const ROOT = resolve(import.meta.dirname, '../..');

/** Runs a command to its end in the repository; resolves with its exit code and everything it printed. */
function run(cmd: string, args: string[], env: Record<string, string>) {
  const child = spawn(cmd, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((r) =>
    child.once('close', (code) => r({ code, stdout, stderr })),
  );
}

const running = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The postmaster's pid, from the lock file PostgreSQL itself keeps in its data directory. */
async function postmasterPid(dataDir: string): Promise<number> {
  const text = await readFile(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8');
  return Number(text.split('\n')[0]);
}

async function readiness(baseUrl: string) {
  const res = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(30_000) });
  return { status: res.status, body: (await res.json()) as { ready: boolean } };
}

test('embedded PostgreSQL has one owner: tenant:create joins it, a second service refuses, kill -9 hands it over', async (t) => {
  const svc = await startFaultService({
    env: { EMBEDDED_PG_PORT: String(await freePort()), LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_SECONDS: '10' },
  });
  t.after(async () => {
    // Never leave a postmaster behind, whatever step failed: a killed service's one keeps running.
    await svc.current().stop('SIGTERM');
    const pid = await postmasterPid(svc.dataDir).catch(() => 0);
    if (pid && running(pid)) {
      process.kill(pid, 'SIGINT');
      await waitFor('a left-over postmaster stopped', 30_000, () => !running(pid));
    }
    await svc.close();
  });
  assert.equal(svc.env.DATABASE_URL, undefined, 'the child runs without DATABASE_URL: embedded');
  const first = svc.current();
  const postmaster = await postmasterPid(svc.dataDir);
  assert.ok(running(postmaster));

  // 1. `npm run tenant:create -- <id> "<name>"` beside the running service, with the same environment.
  const tenant = `own-${randomBytes(3).toString('hex')}`;
  const created = await run('npm', ['run', 'tenant:create', '--', tenant, 'Ownership Test Bank'], svc.env);
  assert.equal(created.code, 0, created.stdout + created.stderr);
  // The key is printed as indented JSON (log lines, if any, are one-line JSON).
  const printed = JSON.parse(/^\{\n[\s\S]*?^\}$/m.exec(created.stdout)?.[0] ?? '{}') as Record<
    string,
    string
  >;
  assert.equal(printed.tenant, tenant, created.stdout);
  assert.match(printed.key ?? '', /^ts_live_/, 'tenant:create printed the new key');

  // The service's database was not stopped (nor restarted) under it, and the service still answers.
  assert.equal(first.child.exitCode, null, first.output());
  assert.equal(await postmasterPid(svc.dataDir), postmaster);
  assert.ok(running(postmaster), 'the running service keeps its PostgreSQL');
  assert.equal((await fetch(`${svc.baseUrl}/healthz`, { signal: AbortSignal.timeout(30_000) })).status, 200);
  const ready = await readiness(svc.baseUrl);
  assert.equal(ready.status, 200, JSON.stringify(ready.body));
  const screened = await screen(svc.baseUrl, printed.key!, screenBody(1));
  assert.equal(screened.status, 200, JSON.stringify(screened.json));

  // 2. A second service on the same data directory refuses, naming the owner; the first is untouched.
  const second = await run('node', ['--import', 'tsx', 'src/main.ts'], {
    ...svc.env,
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
  });
  assert.equal(second.code, 1, second.stdout + second.stderr);
  assert.ok(
    (second.stdout + second.stderr).includes(
      `another tradescreen uses ${svc.dataDir}, pid ${first.child.pid}`,
    ),
    second.stdout + second.stderr,
  );
  assert.ok(running(postmaster));
  assert.equal((await readiness(svc.baseUrl)).status, 200);

  // 3. kill -9 of the service: its postmaster lives on, and the next service takes the directory over.
  await svc.kill();
  assert.ok(
    running(postmaster),
    'after kill -9 of node the postmaster keeps running (the case to take over)',
  );
  await svc.start();
  const next = svc.current();
  assert.match(next.output(), /taking over the data directory/);
  assert.match(next.output(), /stopping a stale embedded PostgreSQL/);
  await waitFor('the orphaned postmaster stopped', 30_000, () => !running(postmaster));
  const replacement = await postmasterPid(svc.dataDir);
  assert.notEqual(replacement, postmaster);
  assert.equal((await readiness(svc.baseUrl)).status, 200);
  const again = await screen(svc.baseUrl, printed.key!, screenBody(2));
  assert.equal(again.status, 200, 'the tenant created beside the first service is still there');

  // 4. The database dying under a running service: it says so and exits non-zero (a supervisor restarts it),
  //    instead of answering 503 for ever.
  process.kill(replacement, 'SIGINT');
  await waitFor('the service exits after losing its database', 60_000, () => next.child.exitCode !== null);
  assert.equal(next.child.exitCode, 1, next.output());
  assert.match(next.output(), /embedded PostgreSQL stopped under the running service/);
});
