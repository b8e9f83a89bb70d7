// A concurrency limit for host tools started by tests: ava starts every test of a file at
// once, and dozens of mcs, mono or QEMU processes on a 2-core machine starve each other
// (and use gigabytes of memory) instead of finishing sooner.

import { availableParallelism } from 'node:os';

export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

/** Runs at most `slots` tasks at a time, the rest in the order they were submitted. */
export function limitConcurrency(slots: number = availableParallelism()): Limiter {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async task => {
    while (running >= slots) await new Promise<void>(resolve => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
