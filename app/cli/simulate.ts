/**
 * Parses and simulates a scenario for the CLI. The engine module is loaded at run time so the CLI
 * keeps working (parse errors, usage) even where the engine is missing.
 */
import { parseScenario } from '../k8s/index.ts';
import type { ParsedScenario } from '../k8s/types.ts';
import type { SimDiagnostic, SimResult } from '../sim/trace/types.ts';

export interface Simulation {
  parsed: ParsedScenario;
  result: SimResult;
}

/** What the CLI passes to the engine: an end, and a stop request polled between clock slices. */
export interface RunOptions {
  until?: number;
  shouldStop?: () => string | undefined;
}

interface EngineModule {
  simulate?: (input: ParsedScenario, opts?: RunOptions) => SimResult;
  simulateText?: (text: string, opts?: RunOptions) => { parsed: ParsedScenario; result: SimResult };
}

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

export function parse(text: string): ParsedScenario {
  return parseScenario(text);
}

export async function simulateParsed(
  parsed: ParsedScenario,
  text: string,
  opts: RunOptions = {},
): Promise<SimResult> {
  const url = new URL('../sim/index.ts', import.meta.url).href;
  let engine: EngineModule;
  try {
    engine = (await import(url)) as EngineModule;
  } catch (e) {
    throw new Error(`the simulation engine could not be loaded: ${(e as Error).message}`, {
      cause: e,
    });
  }
  // simulateText maps engine diagnostics to line/column; prefer it.
  if (engine.simulateText) return engine.simulateText(text, opts).result;
  if (engine.simulate) return engine.simulate(parsed, opts);
  throw new Error('the simulation engine exports neither simulate nor simulateText');
}
