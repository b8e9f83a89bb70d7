// The program benchmarks, as data: each NAME has a C# program aot/bench/programs/NAME.cs
// (class Benchmark: Name, Setup(n), Run()) and its C twin NAME.c (bench_name,
// bench_setup(n), bench_run()), the same algorithm line for line. `size` is the n that
// `npm run bench` passes on the multiboot command line, `testSize` the small n that
// test-qemu/bench-programs.test.ts uses to check the programs against mono and each other.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ProgramBenchmark {
  readonly name: string;
  /** What the program exercises, for the report. */
  readonly measures: string;
  readonly size: number;
  readonly testSize: number;
}

export const PROGRAM_BENCHMARKS: readonly ProgramBenchmark[] = [
  { name: 'fib', measures: 'recursive calls', size: 30, testSize: 15 },
  { name: 'sieve', measures: 'bool array, bounds checks', size: 2_000_000, testSize: 1000 },
  { name: 'crc32', measures: 'table-driven CRC, bytes and shifts', size: 2_000_000, testSize: 1000 },
  { name: 'int64', measures: '64-bit mul, div, rem, shifts', size: 200_000, testSize: 200 },
  { name: 'matmul', measures: 'int matrix product, nested loops', size: 150, testSize: 12 },
  { name: 'qsort', measures: 'quicksort of an int array', size: 200_000, testSize: 500 },
  { name: 'strhash', measures: 'string hashing, hash set', size: 100_000, testSize: 300 },
  { name: 'vdispatch', measures: 'virtual calls over an object array', size: 1000, testSize: 3 },
  { name: 'spectral', measures: 'double arithmetic, division', size: 200, testSize: 10 },
];

export const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));
export const PROGRAMS_DIR = path.join(BENCH_DIR, 'programs');

export const csharpSource = (name: string): string => path.join(PROGRAMS_DIR, `${name}.cs`);
export const cSource = (name: string): string => path.join(PROGRAMS_DIR, `${name}.c`);
