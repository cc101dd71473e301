/** Parse and diagnostics for the CLI (the text is parsed once; load.ts hands the result to the engine). */
import { parseScenario, type ParseOptions } from '../k8s/index.ts';
import type { ParsedScenario } from '../k8s/types.ts';
import type { SimDiagnostic, SimResult } from '../sim/trace/types.ts';

export interface CliDiagnostic {
  severity: 'error' | 'warning' | 'info';
  message: string;
  line?: number;
  column?: number;
}

/** Parse diagnostics and engine diagnostics, without duplicates, in source order. */
export function collectDiagnostics(parsed: ParsedScenario, result?: SimResult): CliDiagnostic[] {
  const all: CliDiagnostic[] = [...parsed.diagnostics, ...(result?.diagnostics ?? [])].map(
    (d: SimDiagnostic | ParsedScenario['diagnostics'][number]) => ({
      severity: d.severity,
      message: d.message,
      ...(d.line !== undefined ? { line: d.line } : {}),
      ...(d.column !== undefined ? { column: d.column } : {}),
    }),
  );
  const seen = new Set<string>();
  return all.filter((d) => {
    const key = `${d.severity}|${d.line}|${d.column}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `FILE:LINE:COL: error: message`, as compilers print diagnostics. */
export function formatDiagnostic(label: string, d: CliDiagnostic): string {
  const where = d.line !== undefined ? `${label}:${d.line}:${d.column ?? 1}` : label;
  return `${where}: ${d.severity}: ${d.message}\n`;
}

export function parse(text: string, opts: ParseOptions = {}): ParsedScenario {
  return parseScenario(text, opts);
}
