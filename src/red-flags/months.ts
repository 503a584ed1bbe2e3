/** Whole months from `from` to `to` (YYYY-MM-DD): 2022-11-01 → 2023-06-15 is 7. Negative when `from` is later. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}
