// Child process of components.ts: runs the optimisation-pipeline benchmark
// (aot/src/passes/bench/passes-bench.ts) at -O1 and -O2 and prints the results as JSON,
// so it runs in a fresh V8 like the other component benchmarks.

import { runPassesBench } from '../../src/passes/bench/passes-bench.ts';

process.stdout.write(JSON.stringify([runPassesBench(1), runPassesBench(2)]) + '\n');
