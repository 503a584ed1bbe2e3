import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Behaviour =
  | { kind: 'file'; body: Buffer }
  | { kind: 'status'; status: number }
  /** Sends headers and a first chunk, then never finishes: the client's timeout must end it. */
  | { kind: 'hang' }
  /** Streams `bytes` without a Content-Length, so only the client's running byte count can stop it. */
  | { kind: 'endless'; bytes: number };

/**
 * A stand-in for an authority's download server on 127.0.0.1. It honours If-None-Match with a strong ETag
 * over the body and counts full-body downloads, so a test can tell a 304 from a re-download.
 */
export async function startListServer() {
  let behaviour: Behaviour = { kind: 'status', status: 404 };
  const stats = { requests: 0, bodiesSent: 0, notModified: 0 };
  const open = new Set<ServerResponse>();

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    stats.requests++;
    open.add(res);
    res.on('close', () => open.delete(res));
    const b = behaviour;
    if (b.kind === 'status') {
      res.writeHead(b.status, { 'Content-Type': 'text/plain' }).end('server error');
    } else if (b.kind === 'file') {
      const etag = `"${createHash('sha256').update(b.body).digest('hex').slice(0, 16)}"`;
      if (req.headers['if-none-match'] === etag) {
        stats.notModified++;
        res.writeHead(304, { ETag: etag }).end();
        return;
      }
      stats.bodiesSent++;
      res.writeHead(200, { ETag: etag, 'Content-Type': 'text/csv', 'Content-Length': b.body.length });
      res.end(b.body);
    } else if (b.kind === 'hang') {
      res.writeHead(200, { 'Content-Type': 'text/csv' });
      res.write('90001,"OOO TESTOVAYA');
    } else {
      res.writeHead(200, { 'Content-Type': 'text/csv' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      let sent = 0;
      const pump = () => {
        while (sent < b.bytes) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => {});
      pump();
    }
  };

  const server = createServer(handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    stats,
    set(b: Behaviour) {
      behaviour = b;
    },
    async close() {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
