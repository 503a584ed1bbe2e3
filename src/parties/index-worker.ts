import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { buildIndexData } from './build-index.ts';
import { EntityTable } from './entity-table.ts';
import { packIndex } from './index-transfer.ts';

/**
 * Worker-thread entry (started by build-off-thread.ts): receives the entity table's buffers one message each,
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
  const { packed, transfer } = packIndex(buildIndexData(EntityTable.fromChunks(chunks)));
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
