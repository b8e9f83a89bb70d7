// Removes GRUB's serial prologue from COM1 so a program booted from a GRUB ISO prints
// exactly what it prints when booted with -kernel.
//
// GRUB writes terminal escape sequences (clear screen, cursor moves) before the kernel
// runs. boot/grub.cfg echoes GRUB_BOOT_MARKER as its last output line and then switches
// GRUB's output away from serial before `boot` (which would otherwise print "error: Can't
// get controller info" on a machine without VGA). Everything up to and including the
// marker and its line end is GRUB's; everything after it is the kernel's.
//
// If the marker never arrives (GRUB failed before reaching it), end() returns everything,
// so GRUB's own error messages stay visible.

/** The line boot/grub.cfg echoes just before `boot`. */
export const GRUB_BOOT_MARKER = 'sharpaot: GRUB hands over to the kernel';

/** GRUB's serial terminal ends a line with "\n\r"; accept any CR/LF order. */
const LINE_END = /^\r?\n\r?/;
/** The longest LINE_END; fewer characters after the marker may still be part of it. */
const LINE_END_MAX = 3;

export class GrubPrologueStripper {
  private pending = '';
  private done = false;

  /** Feeds decoded COM1 text; returns the part that belongs to the kernel so far. */
  push(chunk: string): string {
    if (this.done) return chunk;
    this.pending += chunk;
    return this.tryStrip(false);
  }

  /** At the end of the output: whatever is still held back. */
  end(): string {
    if (this.done) return '';
    const rest = this.tryStrip(true);
    if (this.done) return rest;
    this.done = true;
    const all = this.pending;
    this.pending = '';
    return all;
  }

  private tryStrip(atEnd: boolean): string {
    const at = this.pending.indexOf(GRUB_BOOT_MARKER);
    if (at < 0) return '';
    const after = this.pending.slice(at + GRUB_BOOT_MARKER.length);
    if (after.length < LINE_END_MAX && !atEnd) return '';
    this.done = true;
    this.pending = '';
    return after.replace(LINE_END, '');
  }
}
