/**
 * Runs `work` and counts the event loop's turns meanwhile (a setImmediate chain): how tests see that a long
 * job gives the loop back, in counts rather than in timings (a loaded CI host makes any timing flaky).
 */
export async function loopTurnsDuring<T>(work: () => Promise<T>): Promise<{ turns: number; value: T }> {
  let turns = 0;
  let done = false;
  const tick = () => {
    if (done) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  try {
    return { value: await work(), turns };
  } finally {
    done = true;
  }
}
