// A minimal writer of C# source text for the generators: lines with indentation, blocks
// in braces, and string literals. It knows nothing of C# semantics; the generators
// decide what to write.

export class CSharpWriter {
  private readonly lines: string[] = [];
  private depth = 0;

  /** Appends one line at the current indentation (an empty call appends a blank line). */
  line(text = ''): this {
    this.lines.push(text === '' ? '' : '    '.repeat(this.depth) + text);
    return this;
  }

  /** `header {`, the body one level deeper, `}` (plus `trailer`, e.g. ";" after a struct initialiser); no header line when it is empty. */
  block(header: string, body: () => void, trailer = ''): this {
    if (header !== '') this.line(header);
    this.line('{');
    this.depth++;
    body();
    this.depth--;
    this.line('}' + trailer);
    return this;
  }

  /** Appends another writer's lines, indented to this writer's current depth. */
  append(other: CSharpWriter): this {
    for (const l of other.lines) this.lines.push(l === '' ? '' : '    '.repeat(this.depth) + l);
    return this;
  }

  toString(): string {
    return this.lines.join('\n') + '\n';
  }
}

/** A C# regular string literal for printable ASCII text (the labels the generators print). */
export function stringLiteral(text: string): string {
  if (!/^[\x20-\x7e]*$/.test(text)) throw new RangeError(`label is not printable ASCII: ${JSON.stringify(text)}`);
  return '"' + text.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
}
