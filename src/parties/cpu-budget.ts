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
  #partyStart: number | undefined;
  #floorMs = 0;

  constructor(
    readonly ms: number,
    private readonly parent?: CpuBudget,
    lazy = false,
  ) {
    this.#deadline = lazy ? Number.POSITIVE_INFINITY : performance.now() + ms;
  }

  /**
   * One party's share of this budget, counted from the party's start: a pathological party's aliases are cut
   * once the party as a whole has used `ms`, so one party cannot hold the loop much past it and the parties
   * after it still get theirs. The first name is never cut by the share, only by this budget: the one-off
   * costs of a cold process (JIT, a script's tables) must not cut an ordinary party short. Once the first name
   * is matched (startShare()), the aliases get what is left of `ms`, but at least `floorMs`.
   */
  share(ms: number, floorMs = 0): CpuBudget {
    const share = new CpuBudget(ms, this, true);
    share.#partyStart = performance.now();
    share.#floorMs = floorMs;
    return share;
  }

  /** Arms a share's clock once the first name is matched; a no-op on a budget already counting. */
  startShare(): void {
    if (this.#deadline !== Number.POSITIVE_INFINITY) return;
    const now = performance.now();
    this.#deadline = Math.max((this.#partyStart ?? now) + this.ms, now + this.#floorMs);
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
 * One party's share of it, its first name included. An ordinary party with 20 aliases takes a few
 * milliseconds; only a party of pathological names reaches this, and it then gets `screening_incomplete` (at
 * least review) instead of holding the loop for the whole screening's budget. Checks fall between bounded
 * steps, so a party may overrun its share by one step; bench:worst measures the whole party against its 50 ms
 * target. Counting from the party's start (not from its first name's end) keeps a slow first name and slow
 * aliases from adding up: the party ends by max(share, first name + floor) plus one step.
 */
export const DEFAULT_PARTY_BUDGET_MS = 30;

/** The least the aliases get after a first name that used the whole share (a cold process's first party). */
export const PARTY_ALIAS_FLOOR_MS = 10;
