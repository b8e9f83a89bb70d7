// buildGrubIso: a bootable CD image holding GRUB (BIOS/El Torito) and one multiboot
// kernel, made with grub-mkrescue (which runs xorriso).
//
// The ISO tree, assembled in a temp dir:
//   /boot/kernel.bin       the kernel, copied
//   /boot/grub/grub.cfg    boot/grub.cfg of this repository, @BOOT_MARKER@ replaced
// grub-mkrescue adds /boot/grub/i386-pc (core image + modules) and the El Torito catalog.
//
// Only the GRUB modules grub.cfg needs are installed (≈ 800 KB instead of ≈ 5 MB):
// multiboot, serial (pulls in terminfo), echo, normal (reads grub.cfg), and iso9660 +
// biosdisk to read the CD. No fonts, locales or themes: the console is serial.
//
// Deterministic: the same kernel gives the same ISO bytes. grub-mkrescue stamps the
// volume with the current time and its temp files carry fresh mtimes, and xorriso 1.5.4
// does not fix those from SOURCE_DATE_EPOCH alone; so the volume date and every file's
// dates are set explicitly (xorriso's --modification-date and --set_all_file_dates), to
// SOURCE_DATE_EPOCH when the caller's environment sets it, else to FIXED_DATE.

import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GRUB_BOOT_MARKER } from './grub-prologue.ts';
import { GRUB_I386_PC_DIR, GRUB_I386_PC_PACKAGE, HOST_TOOLS, installHint, isOnPath, type HostTool } from './host-tools.ts';

export const GRUB_CFG_TEMPLATE = fileURLToPath(new URL('../../../boot/grub.cfg', import.meta.url));
const MARKER_PLACEHOLDER = '@BOOT_MARKER@';
const GRUB_MODULES = ['multiboot', 'serial', 'echo', 'normal', 'iso9660', 'biosdisk'];
/** 2000-01-01T00:00:00Z, the date of every file in the ISO unless SOURCE_DATE_EPOCH says otherwise. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

export class GrubIsoError extends Error {
  override name = 'GrubIsoError';
}

export async function buildGrubIso(kernelPath: string, isoPath: string): Promise<void> {
  await checkKernel(kernelPath);
  checkTools();
  const template = await readFile(GRUB_CFG_TEMPLATE, 'utf8');
  if (!template.includes(`echo ${MARKER_PLACEHOLDER}`)) {
    throw new GrubIsoError(`${GRUB_CFG_TEMPLATE} must contain the line \`echo ${MARKER_PLACEHOLDER}\` before \`boot\` (qemu-runner strips GRUB's output up to it)`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'grub-iso-'));
  try {
    const tree = join(dir, 'tree');
    await mkdir(join(tree, 'boot', 'grub'), { recursive: true });
    await copyFile(kernelPath, join(tree, 'boot', 'kernel.bin'));
    await writeFile(join(tree, 'boot', 'grub', 'grub.cfg'), template.replaceAll(MARKER_PLACEHOLDER, GRUB_BOOT_MARKER));
    const built = join(dir, 'image.iso');
    await grubMkrescue(tree, built);
    await mkdir(dirname(isoPath), { recursive: true });
    await copyFile(built, isoPath);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function checkKernel(kernelPath: string): Promise<void> {
  const info = await stat(kernelPath).catch((e: NodeJS.ErrnoException) => {
    throw new GrubIsoError(`cannot read the kernel image ${kernelPath}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
  });
  if (!info.isFile()) throw new GrubIsoError(`the kernel image ${kernelPath} is not a file`);
}

/** Reports every missing piece at once, with the Debian packages that provide them. */
function checkTools(): void {
  const tools: HostTool[] = ['grub-mkrescue', 'xorriso'];
  const missing: { what: string; pkg: string }[] = tools
    .filter(tool => !isOnPath(tool))
    .map(tool => ({ what: tool, pkg: HOST_TOOLS[tool].debianPackage }));
  if (!existsSync(join(GRUB_I386_PC_DIR, 'cdboot.img'))) {
    missing.push({ what: `GRUB's BIOS files (${GRUB_I386_PC_DIR})`, pkg: GRUB_I386_PC_PACKAGE });
  }
  if (missing.length > 0) {
    throw new GrubIsoError(`cannot build a GRUB ISO: missing ${missing.map(m => m.what).join(', ')}; ${installHint(missing.map(m => m.pkg))}`);
  }
}

function grubMkrescue(tree: string, iso: string): Promise<void> {
  const date = isoDate(isoTimestamp());
  const args = [
    '-o', iso,
    `--install-modules=${GRUB_MODULES.join(' ')}`,
    '--fonts=', '--locales=', '--themes=',
    tree,
    // Passed through to `xorriso -as mkisofs`, after grub-mkrescue's own --modification-date.
    `--modification-date=${date}`,
    '--set_all_file_dates', date,
  ];
  return new Promise((resolve, reject) => {
    execFile('grub-mkrescue', args, { maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new GrubIsoError(`grub-mkrescue failed (${err.message.split('\n')[0]}):\n${stderr}${stdout}`));
      else resolve();
    });
  });
}

function isoTimestamp(): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return FIXED_DATE;
  if (!/^\d+$/.test(epoch)) throw new GrubIsoError(`SOURCE_DATE_EPOCH must be a whole number of seconds, got '${epoch}'`);
  return new Date(Number(epoch) * 1000);
}

/** xorriso's timestring YYYYMMDDhhmmsscc (cc = centiseconds). */
function isoDate(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}00`;
}
