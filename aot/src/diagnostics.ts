// User diagnostics: the channel for bad or unsupported input (never for compiler bugs,
// which are InternalError). Each diagnostic has a stable code from the catalogue in
// diagnostic-codes.ts, names the method and IL offset when it concerns code, and says
// what to do. One run collects as many as it can before giving up.

import { DIAGNOSTIC_CODES, type DiagnosticCode } from './diagnostic-codes.ts';

export interface SourceLocation {
  readonly file: string;
  readonly line: number;
}

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** Method in `Namespace.Type::Name(params)` notation. */
  readonly method?: string;
  readonly ilOffset?: number;
  readonly source?: SourceLocation;
  /** What the user can do about it; defaults to the catalogue's advice. */
  readonly hint?: string;
}

/** Thrown when compilation cannot continue; carries every diagnostic collected so far. */
export class CompileError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'CompileError';
  }
}

export function error(code: DiagnosticCode, message: string, where: Partial<Omit<Diagnostic, 'code' | 'message' | 'severity'>> = {}): Diagnostic {
  return { code, severity: 'error', message, ...where };
}

/** Fails at once with one diagnostic. */
export function fail(code: DiagnosticCode, message: string, where: Partial<Omit<Diagnostic, 'code' | 'message' | 'severity'>> = {}): never {
  throw new CompileError([error(code, message, where)]);
}

export function formatIlOffset(offset: number): string {
  return 'IL_' + offset.toString(16).padStart(4, '0');
}

export function formatDiagnostic(d: Diagnostic): string {
  const lines = [`${d.severity} ${d.code}: ${d.message}`];
  if (d.method !== undefined) {
    let at = `  in ${d.method}`;
    if (d.ilOffset !== undefined) at += ` at ${formatIlOffset(d.ilOffset)}`;
    if (d.source !== undefined) at += ` (${d.source.file}:${d.source.line})`;
    lines.push(at);
  } else if (d.source !== undefined) {
    lines.push(`  at ${d.source.file}:${d.source.line}`);
  }
  const hint = d.hint ?? DIAGNOSTIC_CODES[d.code].hint;
  if (hint) lines.push(`  hint: ${hint}`);
  return lines.join('\n');
}

/** Collects diagnostics so one run reports many; `check()` throws if any is an error. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];

  add(d: Diagnostic): void {
    this.items.push(d);
  }

  get hasErrors(): boolean {
    return this.items.some(d => d.severity === 'error');
  }

  check(): void {
    if (this.hasErrors) throw new CompileError(this.items);
  }
}
