// The host programs qemu-runner starts, and the Debian package that provides each, so a
// missing tool is reported as "install X" instead of a bare ENOENT.

import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export const HOST_TOOLS = {
  'qemu-system-i386': { debianPackage: 'qemu-system-x86' },
  'grub-mkrescue': { debianPackage: 'grub-common' },
  xorriso: { debianPackage: 'xorriso' },
} as const;

export type HostTool = keyof typeof HOST_TOOLS;

/** GRUB's BIOS platform files, which grub-mkrescue needs for a CD that PC firmware boots. */
export const GRUB_I386_PC_DIR = '/usr/lib/grub/i386-pc';
export const GRUB_I386_PC_PACKAGE = 'grub-pc-bin';

export function installHint(packages: readonly string[]): string {
  return `install with: sudo apt-get install --no-install-recommends ${packages.join(' ')}`;
}

export function missingToolMessage(tool: HostTool): string {
  return `${tool} was not found on PATH; ${installHint([HOST_TOOLS[tool].debianPackage])}`;
}

/** True when a spawn failed because the program does not exist. */
export function isNotFound(e: unknown): boolean {
  return e instanceof Error && (e as NodeJS.ErrnoException).code === 'ENOENT';
}

/** Whether `tool` is an executable file in one of PATH's directories. */
export function isOnPath(tool: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some(dir => {
    if (dir === '') return false;
    try {
      accessSync(join(dir, tool), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
