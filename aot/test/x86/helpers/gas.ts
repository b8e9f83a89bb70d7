// GNU as / ld as test oracles: assemble a whole batch of Intel-syntax source in one process
// and read the result back with the ELF reader. Instruction batches map back to their lines
// through per-instruction labels.

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readElf, type ElfFile } from './elf.ts';
import { limitConcurrency } from '../../../../test-qemu/harness/concurrency.ts';

const execFileAsync = promisify(execFile);
/** ava starts all tests of a file at once: at most one as/ld per core. */
const limit = limitConcurrency();
const run = (cmd: string, args: string[], opts: { maxBuffer: number }) => limit(() => execFileAsync(cmd, args, opts));

async function inTempDir<T>(f: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'sharpaot-gas-'));
  try {
    return await f(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs a tool; on failure the error carries its stderr. */
async function tool(cmd: string, args: string[]): Promise<void> {
  try {
    await run(cmd, args, { maxBuffer: 64 << 20 });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`${cmd} failed: ${err.stderr || err.message}`);
  }
}

/** Assembles `source` with `as --32` and returns the object file. */
export async function assemble(source: string): Promise<ElfFile> {
  return inTempDir(async dir => {
    await writeFile(join(dir, 'a.s'), source);
    await tool('as', ['--32', '-o', join(dir, 'a.o'), join(dir, 'a.s')]);
    return readElf(await readFile(join(dir, 'a.o')));
  });
}

/** Assembles `source`, links it with `ld -m elf_i386 -T script`, returns the executable. */
export async function assembleAndLink(source: string, linkerScript: string): Promise<ElfFile> {
  return inTempDir(async dir => {
    await writeFile(join(dir, 'a.s'), source);
    await writeFile(join(dir, 'a.ld'), linkerScript);
    await tool('as', ['--32', '-o', join(dir, 'a.o'), join(dir, 'a.s')]);
    await tool('ld', ['-m', 'elf_i386', '-T', join(dir, 'a.ld'), '-o', join(dir, 'a.elf'), join(dir, 'a.o')]);
    return readElf(await readFile(join(dir, 'a.elf')));
  });
}

export type GasResult = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

/**
 * Assembles each line as one instruction (Intel syntax) in a single `as` run and returns
 * the bytes of each. Lines as rejects come back as errors, matched by line number.
 */
export async function assembleEach(lines: readonly string[]): Promise<GasResult[]> {
  const header = ['.intel_syntax noprefix', '.text'];
  const body = lines.map((line, i) => `I${i}: ${line}`);
  const source = [...header, ...body, `I${lines.length}:`, ''].join('\n');
  return inTempDir(async dir => {
    await writeFile(join(dir, 'a.s'), source);
    let stderr = '';
    try {
      await run('as', ['--32', '-o', join(dir, 'a.o'), join(dir, 'a.s')], { maxBuffer: 64 << 20 });
    } catch (e) {
      stderr = (e as { stderr?: string }).stderr ?? String(e);
    }
    const errors = new Map<number, string>();
    for (const m of stderr.matchAll(/a\.s:(\d+): (?:Error|Warning): (.*)/g)) {
      const i = Number(m[1]) - header.length - 1;
      errors.set(i, (errors.get(i) ? errors.get(i) + '; ' : '') + m[2]);
    }
    if (errors.size === 0 && stderr) throw new Error(`as failed: ${stderr}`);
    if (errors.size > 0) {
      // Report the rejected lines; the others are assembled again without them.
      const kept = lines.map((_, i) => i).filter(i => !errors.has(i));
      const again = kept.length ? await assembleEach(kept.map(i => lines[i])) : [];
      const results: GasResult[] = lines.map((_, i) => ({ ok: false, error: errors.get(i) ?? '' }));
      kept.forEach((i, k) => (results[i] = again[k]));
      return results;
    }
    const elf = readElf(await readFile(join(dir, 'a.o')));
    const text = elf.section('.text')!.data;
    const at = new Map(elf.symbols.filter(s => /^I\d+$/.test(s.name)).map(s => [Number(s.name.slice(1)), s.value]));
    return lines.map((_, i) => ({ ok: true, bytes: text.slice(at.get(i)!, at.get(i + 1)!) }));
  });
}

export const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
