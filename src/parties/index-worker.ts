import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { buildIndexSteps } from './build-index.ts';
import { EntityTable } from './entity-table.ts';
import { packIndex } from './index-transfer.ts';
import type { Steps } from './slices.ts';

/**
 * Worker-thread entry (started once by build-off-thread.ts and kept): for each build, receives the entity table's buffers one message each,
 * builds the index at once (this thread has no requests to hold up, and its garbage is collected in its own
 * heap), and sends it back packed for a cheap crossing.
 */
lowerPriority();

const chunks: { bytes: Uint8Array; ends: Uint32Array }[] = [];
parentPort!.on('message', (m: { chunk?: { bytes: Uint8Array; ends: Uint32Array }; done?: true }) => {
  if (m.chunk) {
    chunks.push(m.chunk);
    return;
  }
  // The worker is kept for the next activation: it must not hold this build's entities until then.
  const table = EntityTable.fromChunks(chunks.splice(0));
  const { packed, transfer } = packIndex(runWithRests(buildIndexSteps(table)));
  parentPort!.postMessage(packed, transfer);
});

/**
 * Lowest CPU priority for this thread only (Linux: a thread's id is a valid target of setpriority). On a busy
 * machine the build then takes the CPU the service and PostgreSQL leave, instead of a core's worth from them:
 * measured at 500 req/s on 2 cores, an un-niced build still tripled p99 for the seconds it ran. The activation
 * takes longer when the machine is busy; requests do not. Elsewhere (no /proc) the build runs at normal priority.
 */
function lowerPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, 19);
  } catch {}
}

/**
 * The build runs RUN_MS, then rests REST_MS (the thread sleeps: Atomics.wait blocks only this worker). A niced
 * thread still took a core's worth from a 2-core host for the seconds it ran: at a paced 500 req/s, p99 during
 * an activation was 3-12x p99 before it (AMD host, bench:activation). Half a core leaves the service and
 * PostgreSQL the room they had; the activation takes about twice as long, which nobody waits on.
 */
const RUN_MS = 10;
const REST_MS = 10;
const rest = new Int32Array(new SharedArrayBuffer(4));

function runWithRests<T>(steps: Steps<T>): T {
  let start = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - start >= RUN_MS) {
      Atomics.wait(rest, 0, 0, REST_MS);
      start = performance.now();
    }
  }
}
