/**
 * How the index process's build gives way to the API and PostgreSQL once the service's first build is done
 * (index-process.ts lowerPriority), in two parts:
 * - SCHED_IDLE for every thread of it (through util-linux's `chrt`, as Node has no sched_setscheduler): any
 *   thread of normal policy that wakes takes the core from the build at once. At nice 10 alone, a request's
 *   wake-ups (the HTTP read, PostgreSQL's backend, its answer) could each wait out the build's time slice.
 *   bench:activation at a paced 500 req/s on the slower host, two interleaved runs per side (BENCHMARKS.md):
 *   p99 during an activation within 2x of before in 5 of 6 activations (1.33, 0.37, 0.96, 1.63, 1.57, 6.58x),
 *   against 3 of 6 at nice 10 (7.07, 1.27, 1.77, 4.53, 2.96, 0.33x).
 * - nice BUILD_NICE for the threads and the session's autogroup: what the build gets when the host has no idle
 *   core at all, since Linux shares CPU between sessions first and SCHED_IDLE only orders threads inside one.
 *   At 19 the group gets 15/1039 of a contended core (~1.5%): on a host saturated by other work (load 7-9) an
 *   activation was answered from after 40-77 s, against 3-6 s at 500 req/s on a host with a core's worth idle.
 *   Every answer names the list versions it used, so a later swap never misstates what was screened against.
 */
export const BUILD_NICE = 19;
/** Where `chrt` is missing (not util-linux), the nice level alone holds the build back. */
export const BUILD_SCHED_IDLE_ARGS = ['--idle', '--all-tasks', '--pid', '0'] as const;
