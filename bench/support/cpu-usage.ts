import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU seconds used so far by the service, by PostgreSQL (the postmaster and all its backends) and by this
 * process (the load generator), from /proc: on a 2-core machine they share the CPU, and the split says
 * which one a request's time goes to.
 */
const TICK = 100; // USER_HZ on Linux

function stat(pid: number): { ppid: number; comm: string; cpu: number } | undefined {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const comm = s.slice(s.indexOf('(') + 1, s.lastIndexOf(')'));
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), comm, cpu: (Number(f[11]) + Number(f[12])) / TICK };
  } catch {
    return undefined;
  }
}

/** The embedded postmaster started by this process, or else every postgres process (a server's). */
function postgresCpu(): number {
  const all = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => ({ pid: Number(d), ...stat(Number(d)) }))
    .filter((p) => p.comm === 'postgres');
  const own = all.find((p) => p.ppid === process.pid);
  const mine = own ? all.filter((p) => p.pid === own.pid || p.ppid === own.pid) : all;
  return mine.reduce((n, p) => n + (p.cpu ?? 0), 0);
}

/** CPU seconds used so far by one process, 0 if it is gone. */
export const processCpu = (pid: number): number => stat(pid)?.cpu ?? 0;

export function cpuSnapshot(servicePid: number) {
  const u = process.cpuUsage();
  return {
    service: processCpu(servicePid),
    postgres: postgresCpu(),
    loadGenerator: (u.user + u.system) / 1e6,
  };
}

export type CpuSnapshot = ReturnType<typeof cpuSnapshot>;

/**
 * CPU milliseconds per request in each process between two snapshots, and the ceilings they imply: one Node
 * process cannot go past 1,000 / service-ms req/s, and the machine not past cores × 1,000 / total-ms.
 */
export function cpuPerRequest(a: CpuSnapshot, b: CpuSnapshot, requests: number, cores: number) {
  const per = (k: keyof CpuSnapshot) => ((b[k] - a[k]) * 1000) / Math.max(1, requests);
  const total = per('service') + per('postgres') + per('loadGenerator');
  return (
    `service ${per('service').toFixed(2)} ms, PostgreSQL ${per('postgres').toFixed(2)} ms, load generator ${per('loadGenerator').toFixed(2)} ms of CPU per request ` +
    `(ceilings: one service process ≈ ${Math.round(1000 / per('service'))} req/s, this ${cores}-core machine ≈ ${Math.round((cores * 1000) / total)} req/s)`
  );
}
