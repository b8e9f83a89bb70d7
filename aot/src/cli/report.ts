// Turns any error that reaches the top of the CLI into a message and an exit code.

import { BadImageFormatError } from 'cecil-ts';
import { CompileError, error, formatDiagnostic } from '../diagnostics.ts';

export function reportAndExit(e: unknown): never {
  if (e instanceof CompileError) {
    process.stderr.write(e.diagnostics.map(formatDiagnostic).join('\n') + '\n');
    process.exit(1);
  }
  // A malformed assembly is bad input, not a compiler bug.
  if (e instanceof BadImageFormatError) {
    process.stderr.write(formatDiagnostic(error('SA2001', e.message)) + '\n');
    process.exit(1);
  }
  if (e instanceof Error && e.name === 'UsageError') {
    process.stderr.write(`error SA1006: ${e.message}\n  hint: see \`sharpaot <command> --help\`\n`);
    process.exit(1);
  }
  const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
  process.stderr.write(
    `internal compiler error: ${detail}\n` +
      'This is a bug in sharpaot, not in your program. Please report it with the input that triggers it.\n',
  );
  process.exit(70);
}
