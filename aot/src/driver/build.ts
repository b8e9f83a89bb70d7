// `sharpaot build`: inputs (C# sources and/or assemblies) → a bootable kernel image, plus
// the optional map file, GNU assembler listing and GRUB ISO. Every output is written to a
// temporary file and renamed into place only when complete, so a failed build never
// leaves a half-written file behind.

import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildGrubIso } from 'qemu-runner';
import { fail } from '../diagnostics.ts';
import { compileProgram } from '../engine/compilation.ts';
import { linkImage, printGasSource, writeMapFile, writePeImage } from '../image/index.ts';
import type { OptLevel, PassName } from '../passes/pipeline.ts';
import { compileCSharp, ensureKorlib } from './csharp.ts';

export interface BuildRequest {
  readonly inputs: readonly string[];
  readonly arch: string;
  readonly output?: string;
  readonly optLevel?: OptLevel;
  readonly verify?: boolean;
  readonly map?: string;
  readonly emitAsm?: string;
  readonly iso?: string;
  readonly dumpIr?: { readonly pass?: PassName | 'build'; readonly filter?: string; readonly write: (text: string) => void };
}

export interface BuildResult {
  readonly output: string;
  readonly image: Uint8Array;
  readonly iso?: string;
  readonly methods: readonly string[];
}

export const SUPPORTED_ARCHS = ['x86'] as const;

/** The default output: the program's name with .bin, in the current directory. */
export function defaultOutput(inputs: readonly string[]): string {
  const first = inputs[0]!;
  return path.basename(first).replace(/\.(cs|dll|exe)$/i, '') + '.bin';
}

export async function build(req: BuildRequest): Promise<BuildResult> {
  if (!(SUPPORTED_ARCHS as readonly string[]).includes(req.arch)) {
    fail('SA4005', `unknown target architecture '${req.arch}'`, { hint: `supported: ${SUPPORTED_ARCHS.join(', ')}` });
  }
  if (req.inputs.length === 0) fail('SA1006', 'no input files');
  const sources: string[] = [];
  const assemblies: string[] = [];
  for (const input of req.inputs) {
    if (!existsSync(input)) fail('SA1001', `input file not found: ${input}`);
    if (/\.cs$/i.test(input)) sources.push(input);
    else if (/\.(dll|exe)$/i.test(input)) assemblies.push(path.resolve(input));
    else fail('SA1002', `don't know what to do with ${input}`);
  }
  const korlib = await ensureKorlib();
  const programs = [...assemblies];
  if (sources.length > 0) {
    const { dll } = await compileCSharp(sources, { references: assemblies });
    programs.unshift(dll);
  }
  const searchDirs = [...new Set([...assemblies.map(a => path.dirname(a)), path.dirname(korlib)])];
  const program = compileProgram({
    assemblies: programs,
    searchDirs,
    arch: req.arch,
    optLevel: req.optLevel ?? 2,
    ...(req.verify !== undefined ? { verify: req.verify } : {}),
    ...(req.dumpIr !== undefined ? { dumpIr: req.dumpIr } : {}),
  });
  const linked = linkImage(program.asm, { entry: program.entry });
  const image = writePeImage(linked);
  const output = req.output ?? defaultOutput(req.inputs);
  writeAtomically(output, image);
  if (req.map !== undefined) writeAtomically(req.map, writeMapFile(linked));
  if (req.emitAsm !== undefined) {
    const gas = printGasSource(program.asm, { entry: program.entry });
    writeAtomically(req.emitAsm, gas.source);
    writeAtomically(req.emitAsm.replace(/\.s$/i, '') + '.ld', gas.linkerScript);
  }
  if (req.iso !== undefined) await buildGrubIso(output, req.iso);
  return { output, image, ...(req.iso !== undefined ? { iso: req.iso } : {}), methods: program.methods };
}

export function writeAtomically(file: string, data: Uint8Array | string): void {
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    const err = e as { code?: string; message?: string };
    fail('SA1005', `cannot write ${file}: ${err.code ?? err.message}`);
  }
}
