// Determinism: the same inputs give a byte-identical image, even when mcs recompiles the
// sources (new MVID and timestamps). In its own file because it changes SHARPAOT_CACHE,
// which other tests of the same process would see.

import test from 'ava';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../aot/src/driver/build.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const demoSources = () => ['kernel', 'adc', 'adc/x86'].flatMap(d => readdirSync(path.join(ROOT, d)).filter(f => f.endsWith('.cs')).sort().map(f => path.join(ROOT, d, f)));

test('building the demo kernel twice gives byte-identical images', async t => {
  const work = mkdtempSync(path.join(tmpdir(), 'sharpaot-det-'));
  const saved = process.env['SHARPAOT_CACHE'];
  try {
    const images: Buffer[] = [];
    for (const i of [1, 2]) {
      // A fresh cache each time: mcs recompiles (new MVID, timestamps), sharpaot must not care.
      process.env['SHARPAOT_CACHE'] = path.join(work, `cache${i}`);
      const output = path.join(work, `kernel${i}.bin`);
      await build({ inputs: demoSources(), arch: 'x86', output });
      images.push(readFileSync(output));
    }
    t.true(images[0]!.equals(images[1]!));
  } finally {
    if (saved === undefined) delete process.env['SHARPAOT_CACHE'];
    else process.env['SHARPAOT_CACHE'] = saved;
    rmSync(work, { recursive: true, force: true });
  }
});

