/**
 * Waits for `check` to return a value (not undefined) by polling, up to `timeoutMs`; the last value seen is in
 * the failure message so a timeout says what state the system was stuck in.
 */
export async function pollUntil<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 30_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (${String(last)})`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
