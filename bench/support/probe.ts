import { Agent, request } from 'node:http';

/**
 * A cheap GET sent every `everyMs`, one at a time, timed from sending to the end of the answer. The service
 * answers it without I/O, so a slow answer is the time the service's event loop was busy with something else:
 * a probe sent into a 1.5 s stall waits the rest of that stall.
 */
export function startProbe(url: string, everyMs: number) {
  const samples: { at: number; ms: number }[] = [];
  let stopped = false;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const once = () =>
    new Promise<void>((done) => {
      const at = performance.now();
      const req = request(url, { agent }, (res) => {
        res.resume();
        res.on('end', () => {
          samples.push({ at, ms: performance.now() - at });
          done();
        });
      });
      req.on('error', () => done());
      req.end();
    });
  void (async () => {
    while (!stopped) {
      const at = performance.now();
      await once();
      await new Promise((r) => setTimeout(r, Math.max(0, at + everyMs - performance.now())));
    }
  })();
  return {
    stop() {
      stopped = true;
      agent.destroy();
      return samples;
    },
  };
}
