/**
 * A fixed piece of integer work, timed: the machines this runs on (and one machine from hour to hour) differ
 * by up to 2x in CPU speed, so a figure is only comparable with another taken at a similar calibration.
 * Median of five runs of the same loop; lower is a faster CPU.
 */
export function cpuCalibrationMs(): number {
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
