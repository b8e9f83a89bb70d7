// Benchmark: read Mono's mscorlib.dll and decode every table, signature, custom attribute
// and method body (test/helpers/read-everything.ts), and time `monodis mscorlib.dll >
// /dev/null` in the same run. Prints a JSON report with wall time, CPU time (less
// sensitive to other load on the machine) and peak memory of each.
// Run: node --import=tsx aot/cecil-ts/bench/read-mscorlib.ts [path-to-assembly]

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { DefaultAssemblyResolver, readAssembly } from '../src/index.ts';
import { readEverything } from '../test/helpers/read-everything.ts';

const path = process.argv[2] ?? '/usr/lib/mono/4.5/mscorlib.dll';
const RUNS = 5;

interface Run {
  wallMs: number;
  cpuMs: number;
  counts: ReturnType<typeof readEverything>;
}

function once(): Run {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const bytes = new Uint8Array(readFileSync(path));
  const asm = readAssembly(bytes, { resolver: new DefaultAssemblyResolver([]), fileName: path });
  const counts = readEverything(asm, false);
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000, counts };
}

// The first run includes JIT warm-up, as one command-line use would; later runs show steady state.
const runs = Array.from({ length: RUNS }, once);
const peakRssMb = process.resourceUsage().maxRSS / 1024;

// GNU time reports monodis's CPU time and peak memory; without it, only wall time.
const gnuTime = existsSync('/usr/bin/time');
const wall = performance.now();
const mono = spawnSync('/bin/sh', ['-c', `${gnuTime ? "/usr/bin/time -f '%U %S %M' " : ''}monodis "${path}" > /dev/null`], { encoding: 'utf8' });
const monodisWallMs = performance.now() - wall;
const [user, sys, rss] = gnuTime ? ((mono.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number) as [number, number, number]) : [Number.NaN, Number.NaN, Number.NaN];

const best = (k: 'wallMs' | 'cpuMs') => Math.round(Math.min(...runs.map(r => r[k])));
const report = {
  assembly: path,
  cecilTs: {
    firstRun: { wallMs: Math.round(runs[0]!.wallMs), cpuMs: Math.round(runs[0]!.cpuMs) },
    bestRun: { wallMs: best('wallMs'), cpuMs: best('cpuMs') },
    peakRssMb: Math.round(peakRssMb),
    decoded: runs[0]!.counts,
  },
  monodis:
    mono.status === 0
      ? { wallMs: Math.round(monodisWallMs), ...(gnuTime ? { cpuMs: Math.round((user + sys) * 1000), peakRssMb: Math.round(rss / 1024) } : {}) }
      : { error: mono.stderr.trim() || 'monodis not available' },
};
process.stdout.write(JSON.stringify(report, null, 2) + '\n');
