import { createHash } from 'node:crypto';
import { cpus } from 'node:os';

/**
 * A fixed piece of integer work, timed: the machines this runs on (and one machine from hour to hour) differ
 * by up to 2x in CPU speed, so a figure is only comparable with another taken at a similar calibration.
 * Median of five runs of the same loop; lower is a faster CPU.
 */
export function cpuCalibrationMs(): number {
  // Kept exactly as first written (a local accumulator, no closure), so figures stay comparable over time.
  const runs: number[] = [];
  let sink = 0;
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    for (let i = 0; i < 100_000_000; i++) sink += i % 7;
    runs.push(performance.now() - t0);
  }
  if (sink < 0) throw new Error('unreachable');
  return runs.sort((a, b) => a - b)[2]!;
}

/**
 * Work shaped like a screening's bookkeeping rather than a tight loop: objects built, serialised, parsed and
 * hashed, so the garbage collector and memory take their share. The integer loop above missed the difference
 * between two hosts of this machine kind (an Intel Xeon and an AMD EPYC: 91-101 against 113-166 ms on it)
 * while the same commit served 1,878 against 1,081 req/s on them.
 */
export function allocationCalibrationMs(): number {
  let sink = 0;
  const ms = medianOfFive(() => {
    for (let i = 0; i < 4_000; i++) {
      const findings = Array.from({ length: 8 }, (_, j) => ({
        id: `f${i}-${j}`,
        kind: 'party_match',
        score: (i % 97) / 97,
        entry: {
          id: String(i * 8 + j),
          name: `Entity ${i} ${j}`,
          programs: ['RUSSIA-EO14024', 'UKRAINE-EO13662'],
        },
        explanation: [
          { part: 'name', score: 0.91 },
          { part: 'country', score: 1 },
        ],
      }));
      const text = JSON.stringify({ id: i, decision: 'review', findings });
      sink += (JSON.parse(text) as { findings: unknown[] }).findings.length;
      sink += createHash('sha256').update(text).digest()[0]!;
    }
  });
  if (sink < 0) throw new Error('unreachable');
  return ms;
}

export const cpuModel = (): string => `${cpus()[0]?.model ?? 'unknown CPU'} ×${cpus().length}`;

function medianOfFive(work: () => void): number {
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    work();
    runs.push(performance.now() - t0);
  }
  return runs.sort((a, b) => a - b)[2]!;
}
