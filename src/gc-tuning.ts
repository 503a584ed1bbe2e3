import { setFlagsFromString } from 'node:v8';

/**
 * Turns off V8's allocation-site pretenuring for this process; call it before the lists load. Once most
 * objects from one allocation site survive a scavenge, V8 allocates every later object from that site straight
 * into the old generation, and never reconsiders (objects allocated there carry no feedback). Loading the lists
 * makes tens of thousands of rows and entries survive, so sites that screenings share with the loading (pg's
 * rows and parameter buffers, JSON strings built with join) were marked long-lived, and each screening then
 * left garbage that only a major GC frees: at a steady 1,000 req/s the old generation grew 15.7 MB/s with
 * pretenuring and 0.9 MB/s without, and with it went a major GC every few seconds, each a stall in the tail.
 */
export function tuneGarbageCollector(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
