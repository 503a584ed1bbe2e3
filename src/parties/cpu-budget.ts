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
  /** Set once a check found the budget spent: the screening that used it is incomplete. */
  cutShort = false;
  #deadline: number;

  constructor(
    readonly ms: number,
    private readonly parent?: CpuBudget,
    lazy = false,
  ) {
    this.#deadline = lazy ? Number.POSITIVE_INFINITY : performance.now() + ms;
  }

  /**
   * One party's share of this budget, counted from startShare() (search.ts calls it once the party's first
   * name is matched): a pathological party's aliases are cut at the share, and the parties after it still get
   * theirs instead of finding the whole budget spent. The first name runs on this budget alone, so the one-off
   * costs of a cold process (JIT, a script's tables) never cut an ordinary party short.
   */
  share(ms: number): CpuBudget {
    return new CpuBudget(ms, this, true);
  }

  /** Starts a share's clock; a no-op on a budget already counting. */
  startShare(): void {
    if (this.#deadline === Number.POSITIVE_INFINITY) this.#deadline = performance.now() + this.ms;
  }

  /** Whether the time is spent, this budget's or the one it is a share of (and, from then on, always true). */
  spent(): boolean {
    if (!this.cutShort && (performance.now() >= this.#deadline || this.parent?.spent() === true))
      this.cutShort = true;
    return this.cutShort;
  }
}

/**
 * The default for one screening (up to 100 parties). An ordinary party takes well under a millisecond and the
 * worst-case corpus (bench/worst-case.ts) under 50 ms per party, so only a screening of many pathological
 * parties reaches it.
 */
export const DEFAULT_EVALUATION_BUDGET_MS = 250;

/**
 * One party's share of it, for the names after its first. An ordinary party with 20 aliases takes a few
 * milliseconds; only a party of pathological names reaches this, and it then gets `screening_incomplete` (at
 * least review) instead of holding the loop for the whole screening's budget. Checks fall between bounded
 * steps, so a party may overrun its share by one step; bench:worst measures the whole party, first name
 * included, against its 50 ms target.
 */
export const DEFAULT_PARTY_BUDGET_MS = 35;
