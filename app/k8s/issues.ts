/**
 * Field errors worded like the API server (k8s.io/apimachinery/pkg/util/validation/field, `Error.Error()`):
 * `<path>: <type>[: <value>][: <detail>]`, e.g. `spec.containers[1].name: Duplicate value: "app"`.
 */
import { formatPath, type Segment } from './path.ts';
import type { Severity } from './types.ts';

export interface Issue {
  severity: Severity;
  code: string;
  path: Segment[];
  message: string;
  /** Point at the field's key (unknown field, missing child) or at its value. */
  anchor: 'key' | 'value';
}

/** Go's %v/%q as field.Error prints values: strings quoted, numbers bare. */
export function formatValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

export class Issues {
  readonly list: Issue[] = [];

  private add(
    path: Segment[],
    body: string,
    code: string,
    anchor: 'key' | 'value',
    severity: Severity = 'error',
  ): void {
    const where = formatPath(path);
    this.list.push({ severity, code, path, anchor, message: where ? `${where}: ${body}` : body });
  }

  invalid(path: Segment[], value: unknown, detail: string): void {
    this.add(path, `Invalid value: ${formatValue(value)}: ${detail}`, 'invalid-value', 'value');
  }

  required(path: Segment[], detail = ''): void {
    this.add(path, `Required value${detail ? `: ${detail}` : ''}`, 'required', 'key');
  }

  duplicate(path: Segment[], value: unknown): void {
    this.add(path, `Duplicate value: ${formatValue(value)}`, 'duplicate', 'value');
  }

  forbidden(path: Segment[], detail: string): void {
    this.add(path, `Forbidden: ${detail}`, 'forbidden', 'key');
  }

  notSupported(path: Segment[], value: unknown, supported: readonly string[]): void {
    const list = supported.map((s) => JSON.stringify(s)).join(', ');
    this.add(
      path,
      `Unsupported value: ${formatValue(value)}: supported values: ${list}`,
      'unsupported-value',
      'value',
    );
  }

  /** field.TooLong: the value itself is not printed. */
  tooLong(path: Segment[], maxBytes: number): void {
    this.add(path, `Too long: must have at most ${maxBytes} bytes`, 'too-long', 'key');
  }

  notFound(path: Segment[], value: unknown, severity: Severity = 'error'): void {
    this.add(path, `Not found: ${formatValue(value)}`, 'not-found', 'value', severity);
  }

  /** A message not in field.Error form (strict decoding, playground warnings). */
  raw(
    path: Segment[],
    message: string,
    code: string,
    anchor: 'key' | 'value',
    severity: Severity = 'error',
  ): void {
    this.list.push({ severity, code, path, anchor, message });
  }

  warn(path: Segment[], message: string, code: string, anchor: 'key' | 'value' = 'value'): void {
    this.raw(path, message, code, anchor, 'warning');
  }
}
