import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from '../../support/database.ts';
import { waitFor } from './wait-for.ts';

/** Why the Redis fault test cannot run here, or false when a `redis-server` binary is on the PATH. */
export const skipWithoutRedisServer: string | false =
  spawnSync('redis-server', ['--version']).status === 0
    ? false
    : 'no redis-server binary on the PATH (the Redis fault test starts a private one, never the shared server)';

/**
 * A Redis this test owns: a child `redis-server` on a free port with persistence off, like the CI server.
 * `kill()` is SIGKILL; `start()` brings up an empty one on the same port, as a restarted cache would be.
 */
export async function startPrivateRedis() {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const ping = async () => {
    const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    r.on('error', () => {});
    try {
      await r.connect();
      return (await r.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      r.disconnect();
    }
  };
  const start = async () => {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    await waitFor('private redis-server answers PING', 10_000, ping);
  };
  await start();
  return {
    url,
    start,
    async kill() {
      const c = child;
      if (!c || c.exitCode !== null) return;
      const exited = new Promise((r) => c.once('exit', r));
      c.kill('SIGKILL');
      await exited;
    },
    async close() {
      await this.kill();
    },
  };
}
