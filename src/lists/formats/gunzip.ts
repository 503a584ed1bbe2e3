import { Gunzip } from 'fflate';

/**
 * Passes bytes through, inflating them when they start with the gzip magic number: authorities publish the same
 * file plain or `.gz`, and the name is not a reliable guide once a mirror renames it. fflate throws on a stream
 * that ends before the gzip trailer, which is how a truncated download shows up.
 */
export async function* maybeGunzip(
  chunks: AsyncIterable<Uint8Array>,
  label: string,
): AsyncGenerator<Uint8Array> {
  let gunzip: Gunzip | undefined;
  let first = true;
  const ready: Uint8Array[] = [];
  const push = (chunk: Uint8Array, final: boolean) => {
    try {
      gunzip?.push(chunk, final);
    } catch (err) {
      throw new Error(`${label}: corrupt or truncated gzip (${(err as Error).message})`);
    }
  };
  for await (const chunk of chunks) {
    if (first) {
      first = false;
      if (chunk[0] === 0x1f && chunk[1] === 0x8b) gunzip = new Gunzip((data) => ready.push(data));
    }
    if (!gunzip) {
      yield chunk;
      continue;
    }
    push(chunk, false);
    while (ready.length > 0) yield ready.shift()!;
  }
  if (gunzip) {
    push(new Uint8Array(0), true);
    while (ready.length > 0) yield ready.shift()!;
  }
}
