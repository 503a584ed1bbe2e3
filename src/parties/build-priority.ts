/**
 * The nice level of the index process's threads and of its session's autogroup (index-process.ts), once the
 * service's first build is done. Not the lowest (19): the scheduler's weights give a nice-19 group 15/1039 of a
 * core beside one busy nice-0 group (~1.5%), and on a saturated 2-core host an activation then took 40-77 s to be
 * answered from (bench:activation, load 7-9), against 5-12 s for the worker thread it replaced. New designations
 * must reach screening in seconds even when the host is busy. At 10 the group gets 110/1134 (~10%) under full
 * contention, so a build's ~1 s of CPU is answered from within ~10-20 s however busy the host is, and still
 * yields nine tenths of a contended core to the API and PostgreSQL. With a core idle it runs at full speed.
 */
export const BUILD_NICE = 10;
