import { createReadStream } from 'node:fs';
import { Unzip, UnzipInflate } from 'fflate';

/**
 * Streams the inflated bytes of one entry of a zip file. Other entries are never started, so fflate skips their
 * data; memory holds one input chunk and what it inflates to. A zip cut short ends before the entry's final
 * block (or before the entry at all), and both are reported rather than yielding a silently shorter document.
 */
export async function* zipEntryChunks(file: string, entryName: string): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let found = false;
  let finished = false;
  let failure: Error | undefined;
  const unzip = new Unzip((entry) => {
    if (entry.name !== entryName) return;
    found = true;
    entry.ondata = (err, data, final) => {
      if (err) failure = err;
      else ready.push(data);
      if (final) finished = true;
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  const push = (chunk: Uint8Array, final: boolean) => {
    try {
      unzip.push(chunk, final);
    } catch (err) {
      failure = err as Error;
    }
    if (failure)
      throw new Error(`${file}: zip entry ${entryName} is truncated or corrupt (${failure.message})`);
  };
  for await (const chunk of createReadStream(file)) {
    push(chunk as Buffer, false);
    while (ready.length > 0) yield ready.shift()!;
    if (finished) return;
  }
  push(new Uint8Array(0), true);
  while (ready.length > 0) yield ready.shift()!;
  if (!found)
    throw new Error(`${file}: no ${entryName} in the zip (not this format, or the file is truncated)`);
  if (!finished) throw new Error(`${file}: ${entryName} is truncated`);
}
