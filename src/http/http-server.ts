import { createServer, IncomingMessage, type Server, ServerResponse } from 'node:http';
import type { Express } from 'express';

/**
 * The app's HTTP server, creating each request and response with express's prototypes from the start.
 * Otherwise express swaps the prototype of every req and res as they enter (Object.setPrototypeOf) and V8
 * keeps those objects until a major GC: GET /healthz at 1,000 req/s grew the service's old generation by
 * 10 MB/s, and by nothing with this server (the remedy proposed in expressjs/express#5998). Each major GC is
 * a stall in the latency tail. Express's own setPrototypeOf then finds the prototype already in place.
 */
export function createHttpServer(app: Express): Server {
  return createServer(
    {
      IncomingMessage: withPrototype(IncomingMessage, app.request),
      ServerResponse: withPrototype(ServerResponse, app.response),
    },
    app,
  );
}

/**
 * A constructor node:http can `new`, making `base` instances whose prototype is `prototype`. It calls `base` as
 * a plain function (node's IncomingMessage and ServerResponse are functions, not classes): built instead by
 * Reflect.construct with this as new.target, the objects reached the old generation again (8 MB/s).
 */
function withPrototype<C extends typeof IncomingMessage | typeof ServerResponse>(
  base: C,
  prototype: object,
): C {
  function Constructed(this: object, ...args: unknown[]) {
    Reflect.apply(base, this, args);
  }
  Constructed.prototype = prototype;
  return Constructed as unknown as C;
}
