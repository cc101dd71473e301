/** Object-layer diagnostics → Monaco marker data (pure, no Monaco import). */
import type { Diagnostic } from '../../k8s/types.ts';

/** Monaco's MarkerSeverity values. */
export const SEVERITY = { error: 8, warning: 4, info: 2 } as const;

export interface MarkerData {
  severity: number;
  message: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
  source: string;
  code?: string;
}

/** Clamps ranges to the model and widens empty ones so every marker is visible. */
export function toMarkers(diags: readonly Diagnostic[], lineCount: number): MarkerData[] {
  return diags.map((d) => {
    const line = Math.min(Math.max(1, d.line), Math.max(1, lineCount));
    const endLine = Math.min(Math.max(line, d.endLine), Math.max(1, lineCount));
    let endColumn = d.endColumn;
    if (endLine === line && endColumn <= d.column) endColumn = d.column + 1;
    const m: MarkerData = {
      severity: SEVERITY[d.severity],
      message: d.message,
      startLineNumber: line,
      startColumn: Math.max(1, d.column),
      endLineNumber: endLine,
      endColumn,
      source: 'podlab',
    };
    if (d.code) m.code = d.code;
    return m;
  });
}
