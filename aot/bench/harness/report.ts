// The human-readable side of `npm run bench`: plain-text tables of the program
// benchmarks, the component benchmarks and the compile-speed comparison. The JSON
// report (bench-results/latest.json) carries the same figures unformatted.

import type { CompileSpeedResult, Timing } from './compile-speed.ts';
import type { ComponentResults } from './components.ts';
import { isFailure, TARGETS, type ProgramFailure, type ProgramRow } from './program-bench.ts';

/** Columns padded to their widest cell; numbers (and cells starting with a digit) right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (/^[-\d.]/.test(c) && i > 0 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map(w => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const count = (n: number) => n.toLocaleString('en-US');
const ratio = (x: number) => x.toFixed(2) + '×';
const ms = (x: number) => (x >= 10_000 ? (x / 1000).toFixed(1) + ' s' : Math.round(x).toLocaleString('en-US') + ' ms');

export function geometricMean(xs: readonly number[]): number {
  return Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
}

export function programTable(results: readonly (ProgramRow | ProgramFailure)[]): string {
  const rows = results.filter((r): r is ProgramRow => !isFailure(r));
  const body = rows.map(r => [
    r.name,
    count(r.size),
    count(r.instructions.O0),
    count(r.instructions.O2),
    count(r.instructions.gcc),
    ratio(r.o2OverGcc) + (r.o2OverGcc <= TARGETS.o2OverGccMax ? '' : ' ✗'),
    ratio(r.o0OverO2) + (r.o0OverO2 >= TARGETS.o0OverO2Min ? '' : ' ✗'),
    (r.agree ? 'ok ' : 'DIFFER ') + r.output.mono.trim().replace(/^.* = /, ''),
  ]);
  if (rows.length > 0) {
    body.push(['geomean', '', '', '', '', ratio(geometricMean(rows.map(r => r.o2OverGcc))), ratio(geometricMean(rows.map(r => r.o0OverO2))), '']);
  }
  const header = ['program', 'n', 'sharpaot -O0', 'sharpaot -O2', 'gcc -O2', `-O2/gcc (≤${TARGETS.o2OverGccMax})`, `-O0/-O2 (≥${TARGETS.o0OverO2Min})`, 'result (mono = -O0 = -O2 = gcc)'];
  const lines = [
    'Program benchmarks: guest instructions executed by the timed kernel (QEMU -icount shift=0: exact, the same every run)',
    table(header, body),
  ];
  for (const r of rows.filter(r => !r.agree)) lines.push(`  ${r.name}: results differ: ${JSON.stringify(r.output)}`);
  for (const f of results.filter(isFailure)) lines.push(`  ${f.name} (n=${f.size}) FAILED: ${f.error}`);
  return lines.join('\n');
}

export function componentLines(c: ComponentResults): string {
  const lines = ['Component benchmarks (CPU time where the benchmark measures it; best of its rounds)'];
  if ('error' in c.cecil) lines.push(`  cecil-ts  FAILED: ${c.cecil.error}`);
  else {
    const x = c.cecil;
    const d = x.cecilTs.decoded;
    lines.push(
      `  cecil-ts  read all of mscorlib (${count(d['methods'] ?? 0)} methods, ${count(d['instructions'] ?? 0)} IL instructions): ` +
        `first run ${ms(x.cecilTs.firstRun.wallMs)}, best ${ms(x.cecilTs.bestRun.wallMs)} wall / ${ms(x.cecilTs.bestRun.cpuMs)} CPU, peak ${x.cecilTs.peakRssMb} MB` +
        (x.monodis.error === undefined ? `; monodis ${ms(x.monodis.wallMs ?? NaN)} wall${x.monodis.cpuMs !== undefined ? ` / ${ms(x.monodis.cpuMs)} CPU, peak ${x.monodis.peakRssMb} MB` : ''}` : `; monodis: ${x.monodis.error}`),
    );
  }
  if ('error' in c.encoder) lines.push(`  encoder   FAILED: ${c.encoder.error}`);
  else {
    const e = c.encoder;
    lines.push(`  encoder   ${count(e.instructions)} instructions (${count(e.branches)} relaxed branches): ${(e.instructionsPerSecond / 1e6).toFixed(2)} M instructions/s (emit ${ms(e.emitMs)}, layout ${ms(e.layoutMs)}, link ${ms(e.linkMs)})`);
  }
  if ('error' in c.regalloc) lines.push(`  regalloc  FAILED: ${c.regalloc.error}`);
  else {
    for (const r of c.regalloc.rows) {
      lines.push(`  regalloc  ${r.name.padEnd(24)} ${count(r.instructions).padStart(8)} insts: ${r.allocUsPerInst.toFixed(2)} µs/inst (checker ${r.checkUsPerInst.toFixed(2)}), ${r.movesPerInst.toFixed(3)} moves/inst, ${r.spilledPercent}% vregs spilled`);
    }
  }
  if ('error' in c.passes) lines.push(`  passes    FAILED: ${c.passes.error}`);
  else {
    for (const p of c.passes) {
      const top = Object.entries(p.perPass)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([name, s]) => `${name} ${Math.round((100 * s) / p.seconds)}%`)
        .join(', ');
      lines.push(`  passes    -O${p.level}: ${count(p.instructions)} IR instructions in ${ms(p.seconds * 1000)} = ${count(Math.round(p.instructionsPerSecond))} instructions/s (most time: ${top})`);
    }
  }
  return lines.join('\n');
}

const spread = (t: Timing) => `${ms(t.medianMs)} (${ms(t.minMs)} – ${ms(t.maxMs)})`;
const cpu = (t: Timing) => (t.cpuMedianMs === null ? 'n/a' : ms(t.cpuMedianMs));

export function compileSpeedTable(r: CompileSpeedResult): string {
  const runs = r.mono.timing.wallMs.length;
  const perMethod = (t: Timing) => `${((t.cpuMedianMs ?? t.medianMs) / r.methods).toFixed(2)} ms`;
  const { wall, cpu: cpuRatio } = r.sharpaotO2OverMono;
  return [
    `Compile speed: a generated program of ${count(r.methods)} methods (${count(r.sourceLines)} lines of C#), assembly → native code;`,
    `medians of ${runs} run${runs === 1 ? '' : 's'} after a warm-up: wall clock (min – max) and CPU time (user + system, what load on the machine disturbs least)`,
    table(
      ['compiler', 'wall median (min – max)', 'CPU median', 'per method', 'output', 'methods'],
      [
        ['sharpaot build -O0 (CLI)', spread(r.sharpaot.O0), cpu(r.sharpaot.O0), perMethod(r.sharpaot.O0), '', ''],
        ['sharpaot build -O2 (CLI)', spread(r.sharpaot.O2), cpu(r.sharpaot.O2), perMethod(r.sharpaot.O2), `${count(r.sharpaot.imageBytes)} B PE image`, String(r.sharpaot.compiledMethods)],
        ['mono --aot (x86-64)', spread(r.mono.timing), cpu(r.mono.timing), perMethod(r.mono.timing), `${count(r.mono.soBytes)} B .so`, r.mono.compiled],
      ],
    ),
    `  sharpaot -O2 takes ${ratio(wall)} mono --aot's wall time${cpuRatio === null ? '' : `, ${ratio(cpuRatio)} its CPU time`}. ` +
      `mono's AOT image ${r.mono.aotImageLoaded ? 'loads and runs' : 'did NOT load'} (MONO_LOG_MASK=aot); ` +
      `output: sharpaot ${r.output.sharpaot.trim()}, mono ${r.output.mono.trim()}${r.output.sharpaot === r.output.mono ? ' (agree)' : ' (DIFFER)'}`,
  ].join('\n');
}
