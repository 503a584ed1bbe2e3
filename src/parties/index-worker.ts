import { parentPort } from 'node:worker_threads';
import { buildIndexData } from './build-index.ts';
import { EntityTable } from './entity-table.ts';
import { packIndex } from './index-transfer.ts';

/**
 * Worker-thread entry (started by build-off-thread.ts): receives the entity table's buffers one message each,
 * builds the index at once (this thread has no requests to hold up, and its garbage is collected in its own
 * heap), and sends it back packed for a cheap crossing.
 */
const chunks: { bytes: Uint8Array; ends: Uint32Array }[] = [];
parentPort!.on('message', (m: { chunk?: { bytes: Uint8Array; ends: Uint32Array }; done?: true }) => {
  if (m.chunk) {
    chunks.push(m.chunk);
    return;
  }
  const { packed, transfer } = packIndex(buildIndexData(EntityTable.fromChunks(chunks)));
  parentPort!.postMessage(packed, transfer);
});
