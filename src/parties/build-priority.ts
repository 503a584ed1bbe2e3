/**
 * How the index process's build gives way to the API and PostgreSQL once the service's first build is done
 * (index-process.ts lowerPriority), in two parts:
 * - SCHED_IDLE for every thread of it (through util-linux's `chrt`, as Node has no sched_setscheduler): any
 *   thread of normal policy that wakes takes the core from the build at once. At nice 10 alone, a request's
 *   wake-ups (the HTTP read, PostgreSQL's backend, its answer) could each wait out the build's time slice.
 *   bench:activation at a paced 500 req/s on the slower host, main thread 60-76% busy before each activation
 *   (BENCHMARKS.md, eighth round): p99 during within 2x of before in 5 of 6 activations at SCHED_IDLE, against
 *   3 of 6 at nice 10.
 * - nice BUILD_NICE for the threads and the session's autogroup: what the build gets when no core is idle, since
 *   Linux shares CPU between sessions first and SCHED_IDLE only orders threads inside one. At 10 the group gets
 *   110/1134 (~10%) of a contended core, so a build's ~1 s of CPU is answered from within ~10-20 s however busy
 *   the host is. At 19 (15/1039, ~1.5%) a saturated host answered from an activation only after 40-77 s, and
 *   the test suite (two files at once on two cores) ran its activation tests 3x slower (120 s against 41 s).
 *   Every answer names the list versions it used, so a later swap never misstates what was screened against.
 */
export const BUILD_NICE = 10;
/** Where `chrt` is missing (not util-linux), the nice level alone holds the build back. */
export const BUILD_SCHED_IDLE_ARGS = ['--idle', '--all-tasks', '--pid', '0'] as const;
