/**
 * Evaluations (the synchronous matching of one screening, a fraction of a millisecond of CPU) run in time
 * slices between I/O polls. Evaluated back to back, a burst of requests would hold every database reply behind
 * it, and each group commit waits for its reply. Evaluated one per event-loop iteration (as before), the queue
 * drained no faster than the loop turned, and a loop busy parsing arrivals turns about as often as they come,
 * so a backlog from one pause (a GC, a slow statement) lingered: at a steady 1,000 req/s the wait for a turn
 * was 55-120 ms at p99 (measured in the service). A slice runs queued evaluations until it has used SLICE_MS,
 * then lets the loop poll: a reply waits at most one slice, the queue drains at the speed of the CPU, and the
 * same wait measured 3-8 ms at p99.
 */
const SLICE_MS = 1;

interface Job {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

const queue: Job[] = [];
let head = 0;
let scheduled = false;

function runSlice(): void {
  const end = performance.now() + SLICE_MS;
  do {
    const job = queue[head++]!;
    try {
      job.resolve(job.work());
    } catch (err) {
      job.reject(err);
    }
  } while (head < queue.length && performance.now() < end);
  if (head < queue.length) {
    // Under a lasting backlog the queue never empties: drop the done jobs (and the requests their closures hold).
    if (head >= 1024) {
      queue.splice(0, head);
      head = 0;
    }
    setImmediate(runSlice);
    return;
  }
  queue.length = 0;
  head = 0;
  scheduled = false;
}

/** Runs `work` (synchronous) in the next evaluation slice, after the I/O already waiting has been polled. */
export function inEvaluationTurn<T>(work: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
    if (!scheduled) {
      scheduled = true;
      setImmediate(runSlice);
    }
  });
}
