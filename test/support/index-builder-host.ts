import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { EntityTable } from '../../src/parties/entity-table.ts';
import { createIndexBuilder } from '../../src/parties/index-builder.ts';
import { handOverDirs, handOverPrefix } from '../../src/parties/section-file.ts';
import { filler } from '../parties/fixtures.ts';

/**
 * A stand-in for the API process, for tests of the index process's lifecycle (test/parties/index-builder.test.ts):
 * `node --import tsx test/support/index-builder-host.ts <mode>` prints the index process's pid on stdout, then
 * - idle: builds one small index and returns, leaving the builder open (the kept index process must not keep
 *   this process alive);
 * - building: starts a large build and stays alive (setInterval) until killed, the build still running.
 */
const mode = process.argv[2];
const builder = createIndexBuilder();
if (mode === 'idle') {
  await builder.build(EntityTable.of(filler(50)));
  console.log(builder.pid());
} else if (mode === 'building') {
  void builder.build(EntityTable.of(filler(20_000))).catch(() => {});
  // The index process unlinks the entities' hand-over file when it takes the build up (index-process.ts): from
  // then on it is building, for seconds at its priority.
  await new Promise((r) => setImmediate(r)); // the build spawns the index process on its first step
  const input = handOverDirs().map((dir) => join(dir, `${handOverPrefix(builder.pid()!)}in-1.bin`));
  let seen = false;
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(5)) {
    if (input.some(existsSync)) seen = true;
    else if (seen) break;
  }
  console.log(builder.pid());
  setInterval(() => {}, 60_000);
} else {
  throw new Error(`unknown mode ${mode}`);
}
