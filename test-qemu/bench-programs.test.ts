// The benchmark programs of `npm run bench` (aot/bench) are themselves checked, at small
// sizes: each C# program built by sharpaot at -O0 and -O2 (exactly as the benchmark
// builds it; the compiler's own tests cover --verify) prints under QEMU exactly what it
// prints under mono on the host (the oracle, HostEntry.cs), and its C twin built by
// gcc -O2 prints the same line, so the instruction counts compare the same computation.
// Every kernel reports an instruction count. The generated compile-speed program behaves
// as under mono too, and kernels given no size on the command line say so instead of running.

import test from 'ava';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runImage } from 'qemu-runner';
import { PROGRAM_BENCHMARKS } from '../aot/bench/harness/catalogue.ts';
import { buildCKernel } from '../aot/bench/harness/c-kernel.ts';
import { generateMethodsProgram } from '../aot/bench/harness/generate-methods.ts';
import { bootBenchKernel, buildCSharpKernel, compileForMono, runOnMono } from '../aot/bench/harness/program-run.ts';
import { limitConcurrency } from './harness/concurrency.ts';
import { expectSameAsMono } from './harness/sharpaot.ts';

const work = mkdtempSync(path.join(tmpdir(), 'sharpaot-bench-test-'));
test.after.always(() => rmSync(work, { recursive: true, force: true }));
/** QEMU boots and host tools of this file, one per core. */
const external = limitConcurrency();

for (const p of PROGRAM_BENCHMARKS) {
  test(`${p.name}: sharpaot -O0 and -O2 print what mono prints, and the C twin prints the same`, async t => {
    const n = p.testSize;
    const expected = await runOnMono(await compileForMono(p.name), n);
    t.regex(expected, new RegExp(`^${p.name} ${n} = -?\\d+\\n$`), 'the program prints one result line');

    const images = {
      'sharpaot -O0': await buildCSharpKernel(p.name, 0, path.join(work, `${p.name}-O0.bin`)),
      'sharpaot -O2': await buildCSharpKernel(p.name, 2, path.join(work, `${p.name}-O2.bin`)),
      'gcc -O2': await external(() => buildCKernel(p.name, path.join(work, `${p.name}-gcc.elf`))),
    };
    const runs = await Promise.all(Object.values(images).map(image => external(() => bootBenchKernel(image, n))));
    Object.keys(images).forEach((variant, i) => {
      t.is(runs[i]!.stdout, expected, `${variant} prints what mono prints`);
      t.true(runs[i]!.instructions > 0, `${variant} reports its instruction count`);
    });
  });
}

test('the generated compile-speed program behaves as under mono', async t => {
  const source = path.join(work, 'methods.cs');
  writeFileSync(source, generateMethodsProgram(120));
  await expectSameAsMono(t, [source], [2]);
});

test('benchmark kernels without a size on the command line stop with a message', async t => {
  const images = [
    await buildCSharpKernel('fib', 2, path.join(work, 'nosize.bin')),
    await external(() => buildCKernel('fib', path.join(work, 'nosize.elf'))),
  ];
  for (const image of images) {
    const r = await external(() => runImage({ image, icount: 0, extraArgs: ['-append', 'size=abc'], timeoutMs: 20_000 }));
    t.is(r.outcome, 'exit', path.basename(image));
    t.is(r.exitCode, 2, path.basename(image));
    t.regex(r.stderr, /command line does not end with a size/, path.basename(image));
    t.is(r.stdout, '', path.basename(image));
  }
});
