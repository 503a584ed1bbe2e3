import { setFlagsFromString } from 'node:v8';

/**
 * Steers V8's garbage collector towards a short latency tail in the API process; call it before the lists
 * load. Two flags, each measured at a steady 1,000 screenings/s (README, "Benchmarks and fault tests"):
 *
 * - No allocation-site pretenuring. Once most objects from one allocation site survive a scavenge, V8
 *   allocates every later object from that site straight into the old generation, and never reconsiders.
 *   Loading the lists makes tens of thousands of rows and entries survive, so sites that screenings share with
 *   the loading (pg's rows and parameter buffers, JSON strings built with join) were marked long-lived, and
 *   each screening then left garbage that only a major GC frees: the old generation grew 15.7 MB/s with
 *   pretenuring and 0.9 MB/s without.
 * - A fixed heap growing factor of 2. V8 sizes the old generation's next limit from how fast the GC is
 *   compared with how fast the program fills the old generation; once that is slow (the point of the flag
 *   above), it chooses its minimum, 1.1 × the live heap (~72 MB live, so ~7 MB of headroom), and a long-running
 *   service did a major GC every 8 s, each a 60–130 ms stall in the tail. With twice the live heap as the
 *   limit, one every 35–90 s, for ~70 MB more of old generation at its peak.
 */
export function tuneGarbageCollector(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
  setFlagsFromString('--heap-growing-percent=100');
}
