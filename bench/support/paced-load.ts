import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';

/**
 * An open-loop load at a constant rate, for latency at a given throughput. autocannon's rate mode does not
 * pace: each connection sends its per-second quota back to back as soon as a second starts and then idles, so
 * "1,000 req/s over 32 connections" is 32-way bursts at full speed, and its percentiles are those of the
 * bursts. Here request i is due at start + i / rate whatever happened before it (as in wrk2), and its latency
 * runs from that due time, not from when a free connection let it go: a stall in the service shows up in
 * every request that queued behind it (no coordinated omission). The client is a few lines over raw sockets:
 * node:http's client took ~0.2 ms of CPU per request, three times autocannon's, and on a 2-core machine
 * every millisecond the load generator burns is taken from the service and PostgreSQL.
 */
export interface PacedLoadOptions {
  url: string;
  path: string;
  headers: Record<string, string>;
  body: () => string;
  /** Requests per second. */
  rate: number;
  durationS: number;
  /** Upper bound on open keep-alive connections; requests beyond it queue in the client and it is counted. */
  connections: number;
}

export interface PacedLoadResult {
  sent: number;
  completed: number;
  non2xx: number;
  errors: number;
  /** Completed requests per second over the run. */
  throughput: number;
  /** Milliseconds from due time to the end of the response, ascending. */
  latencies: Float64Array;
  /** The same, by request number (request i was due at i / rate s); NaN for requests that failed. */
  byRequest: Float64Array;
}

/**
 * How long after a load starts its own writes begin to be written back by the kernel (age limit of a dirty page
 * plus one flusher interval: 35 s with Linux's defaults); a latency window that starts later sees the load's
 * steady-state write-back, and none of what ran before it.
 */
export function pageCacheWritebackDelayS(): number {
  const centisecs = (name: string, fallback: number) => {
    try {
      return Number(readFileSync(`/proc/sys/vm/${name}`, 'utf8').trim()) || fallback;
    } catch {
      return fallback;
    }
  };
  return Math.ceil(
    (centisecs('dirty_expire_centisecs', 3000) + centisecs('dirty_writeback_centisecs', 500)) / 100,
  );
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** One keep-alive HTTP/1.1 connection, one request at a time; answers must carry Content-Length. */
class Connection {
  private buf: Buffer = Buffer.alloc(0);
  private onDone: ((status: number) => void) | null = null;
  readonly socket: Socket;

  constructor(host: string, port: number, onError: (err: Error) => void) {
    this.socket = connect({ host, port, noDelay: true });
    this.socket.on('data', (chunk) => this.read(chunk));
    this.socket.on('error', onError);
  }

  send(head: string, body: string, done: (status: number) => void): void {
    this.onDone = done;
    this.socket.write(`${head}${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  private read(chunk: Buffer): void {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    const end = this.buf.indexOf('\r\n\r\n');
    if (end < 0) return;
    const headers = this.buf.toString('latin1', 0, end);
    const length = /\r\ncontent-length: *(\d+)/i.exec(headers);
    if (!length) throw new Error(`response without Content-Length: ${headers.slice(0, 200)}`);
    const total = end + 4 + Number(length[1]);
    if (this.buf.length < total) return;
    this.buf = this.buf.subarray(total);
    const done = this.onDone!;
    this.onDone = null;
    done(Number(headers.slice(9, 12)));
  }
}

export function pacedLoad(o: PacedLoadOptions): Promise<PacedLoadResult> {
  const { hostname, port } = new URL(o.url);
  const head =
    `POST ${o.path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\n` +
    Object.entries(o.headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('') +
    'Content-Length: ';
  const interval = 1000 / o.rate;
  const total = Math.round(o.rate * o.durationS);
  const latencies = new Float64Array(total);
  const byRequest = new Float64Array(total).fill(Number.NaN);
  const idle: Connection[] = [];
  const queued: number[] = [];
  const all: Connection[] = [];
  let sent = 0;
  let completed = 0;
  let non2xx = 0;
  let errors = 0;
  const start = performance.now();

  return new Promise((resolve) => {
    const fail = () => {
      errors++;
      finished();
    };
    const finished = () => {
      if (completed + errors < total) return;
      for (const c of all) c.socket.destroy();
      resolve({
        sent,
        completed,
        non2xx,
        errors,
        throughput: completed / ((performance.now() - start) / 1000),
        latencies: latencies.subarray(0, completed).sort(),
        byRequest,
      });
    };
    const dispatch = (c: Connection, n: number) => {
      const due = start + n * interval;
      c.send(head, o.body(), (status) => {
        if (status < 200 || status > 299) non2xx++;
        latencies[completed++] = byRequest[n] = performance.now() - due;
        const next = queued.shift();
        if (next === undefined) idle.push(c);
        else dispatch(c, next);
        finished();
      });
    };
    const send = (n: number) => {
      let c = idle.pop();
      if (!c && all.length < o.connections) {
        c = new Connection(hostname, Number(port), fail);
        all.push(c);
      }
      if (c) dispatch(c, n);
      else queued.push(n);
    };
    // Timers fire at ~1 ms granularity: each tick sends every request whose due time has passed.
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + sent * interval <= now) send(sent++);
      if (sent < total) setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
    };
    tick();
  });
}
