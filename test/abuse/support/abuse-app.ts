import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import supertest from 'supertest';
import { assertContract } from '../../support/contract.ts';
import { ABUSE_BUDGET_ENV, type ScreeningTestApp, startScreeningApp } from '../../support/screening-app.ts';

export interface AbuseApp extends ScreeningTestApp {
  /** One listening server for the whole file: supertest would otherwise open a server per request. */
  request(): supertest.Agent;
}

export async function startAbuseApp(env: Record<string, string> = {}): Promise<AbuseApp> {
  const t = await startScreeningApp({ env: { ...ABUSE_BUDGET_ENV, ...env } });
  const server: Server = createServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = t.close;
  return {
    ...t,
    request: () => supertest.agent(server),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await close();
    },
  };
}

/**
 * The invariant every abusive request must keep: a documented answer, never a server error. A 4xx is
 * application/problem+json; every answer validates against the operation's contract.
 */
export function assertHandled(res: supertest.Response, operationId: string, what = ''): void {
  const show = () => `${what} → ${res.status} ${res.text.slice(0, 400)}`;
  assert.ok(res.status < 500, `server error: ${show()}`);
  if (res.status >= 400) {
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/, show());
  }
  try {
    assertContract(res, operationId);
  } catch (err) {
    throw new Error(`${(err as Error).message}\n  request: ${what.slice(0, 400)}`);
  }
}
