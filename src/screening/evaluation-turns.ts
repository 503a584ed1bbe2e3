/**
 * Screenings take their turn one per event-loop iteration. An evaluation is a millisecond of synchronous CPU;
 * a burst of requests evaluated back to back would hold every database reply behind it, and a group commit's
 * transaction makes several round trips, each of which would wait for the whole burst. Between two turns the
 * loop polls I/O, so a reply waits for at most one evaluation.
 */
const waiting: Array<() => void> = [];
let scheduled = false;

function runOne(): void {
  waiting.shift()?.();
  if (waiting.length > 0) setImmediate(runOne);
  else scheduled = false;
}

/** Resolves when it is this caller's turn to evaluate (its continuation runs before the next I/O poll). */
export function evaluationTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!scheduled) {
      scheduled = true;
      setImmediate(runOne);
    }
  });
}
