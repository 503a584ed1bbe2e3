import { readFileSync } from 'node:fs';

/**
 * How busy the service's main thread and the whole machine were, sampled every `everyMs`: a paced load near
 * what the host can serve queues on the main thread (a request waits for every one before it), and there any
 * extra work, an activation's included, shows as a backlog out of proportion to its cost. Reported beside
 * latency so a reader can tell which regime a figure was taken in.
 * Main thread: the first field of /proc/<pid>/task/<pid>/schedstat (ns on the CPU). Machine: the non-idle
 * share of all cores from /proc/stat (idle and iowait are idle).
 */
export function startUtilisation(pid: number, everyMs = 500) {
  const samples: { at: number; mainNs: number; busy: number; total: number }[] = [];
  const take = () => {
    try {
      const mainNs = Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]);
      const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
      const total = cpu.reduce((a, b) => a + b, 0);
      const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
      samples.push({ at: performance.now(), mainNs, busy: total - idle, total });
    } catch {} // no /proc (another OS) or the service is gone: no figure
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      /** Shares (0-1) between the samples nearest to `from` and `to`; NaN when there are none. */
      return (from: number, to: number) => {
        const a = samples.find((s) => s.at >= from);
        const b = samples.filter((s) => s.at <= to).at(-1);
        if (!a || !b || b.at <= a.at) return { main: Number.NaN, machine: Number.NaN };
        return {
          main: (b.mainNs - a.mainNs) / 1e6 / (b.at - a.at),
          machine: (b.busy - a.busy) / (b.total - a.total),
        };
      };
    },
  };
}
