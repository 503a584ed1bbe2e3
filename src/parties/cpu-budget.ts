/**
 * A time budget for one evaluation's synchronous matching. Matching runs on the event loop, so while it runs
 * nothing else is answered: the budget bounds how long one screening can hold the loop, whatever its names.
 * The engine checks it between steps that are themselves bounded by the caps on keys (one name's preparation
 * step, one token's links, a few hundred candidates), and once it is spent it stops and returns what it has;
 * the caller says so in a finding (src/screening/party-findings.ts).
 *
 * The clock is performance.now(): over a synchronous stretch that is the thread's CPU time plus any time the
 * OS gave the core to someone else, which is exactly how long the event loop waits.
 */
export class CpuBudget {
  readonly deadline: number;
  /** Set once a check found the budget spent: the screening that used it is incomplete. */
  cutShort = false;

  constructor(readonly ms: number) {
    this.deadline = performance.now() + ms;
  }

  /** Whether the time is spent (and, from then on, always true). */
  spent(): boolean {
    if (!this.cutShort && performance.now() >= this.deadline) this.cutShort = true;
    return this.cutShort;
  }
}

/**
 * The default for one screening (up to 100 parties). An ordinary party takes well under a millisecond and the
 * worst-case corpus (bench/worst-case.ts) under 50 ms per party, so only a screening of many pathological
 * parties reaches it.
 */
export const DEFAULT_EVALUATION_BUDGET_MS = 250;
