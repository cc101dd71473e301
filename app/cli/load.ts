/** Shared by every command: read, parse, report diagnostics, simulate, index. */
import { createTraceIndex, type TraceIndex } from '../sim/trace/index.ts';
import type { SimResult } from '../sim/trace/types.ts';
import type { ParsedScenario } from '../k8s/types.ts';
import type { KubernetesVersion } from '../k8s/features.ts';
import type { CliIO } from './io.ts';
import { InputError, readScenario, type ScenarioInput } from './input.ts';
import { simulateParsed } from '../sim/index.ts';
import { collectDiagnostics, formatDiagnostic, parse } from './simulate.ts';

export interface Loaded {
  input: ScenarioInput;
  parsed: ParsedScenario;
  result: SimResult;
  idx: TraceIndex;
}

/** Exit code of a run stopped before its end (event limit, --max-wall): its output covers the time reached. */
export const EXIT_STOPPED = 3;

/** A stop request for the engine once `maxWallS` seconds of wall time have passed since now. */
function wallBudget(maxWallS: number): () => string | undefined {
  const start = performance.now();
  return () =>
    performance.now() - start > maxWallS * 1000
      ? `after ${maxWallS} s of wall time (--max-wall)`
      : undefined;
}

/** Exit code when loading failed (diagnostics or messages already on stderr). */
export type LoadOutcome = { ok: true; loaded: Loaded } | { ok: false; code: number };

export async function loadScenario(
  fileArg: string,
  io: CliIO,
  opts: {
    until?: number;
    at?: number;
    maxWallS?: number;
    kubernetesVersion?: KubernetesVersion;
  } = {},
): Promise<LoadOutcome> {
  let input: ScenarioInput;
  try {
    input = await readScenario(fileArg, io);
  } catch (e) {
    if (e instanceof InputError) {
      io.stderr(`podsim: ${e.message}\n`);
      return { ok: false, code: 1 };
    }
    throw e;
  }
  const parsed = parse(
    input.text,
    opts.kubernetesVersion ? { kubernetesVersion: opts.kubernetesVersion } : {},
  );
  const parseDiags = collectDiagnostics(parsed);
  if (parseDiags.some((d) => d.severity === 'error')) {
    for (const d of parseDiags) io.stderr(formatDiagnostic(input.label, d));
    return { ok: false, code: 1 };
  }
  const scenarioUntil = parsed.scenario.until;
  const wanted = Math.max(opts.until ?? scenarioUntil, opts.at ?? 0);
  let result: SimResult;
  try {
    result = simulateParsed(parsed, {
      ...(wanted !== scenarioUntil ? { until: wanted } : {}),
      ...(opts.maxWallS !== undefined ? { shouldStop: wallBudget(opts.maxWallS) } : {}),
    });
  } catch (e) {
    io.stderr(`podsim: ${(e as Error).message}\n`);
    return { ok: false, code: 1 };
  }
  const diags = collectDiagnostics(parsed, result);
  for (const d of diags) if (d.severity !== 'info') io.stderr(formatDiagnostic(input.label, d));
  // A stopped run's only error is the stop itself (parse errors returned above): show what it reached.
  const stopError = (m: string) => m.startsWith('simulation stopped at t=');
  if (diags.some((d) => d.severity === 'error' && !(result.stopped && stopError(d.message))))
    return { ok: false, code: 1 };
  return { ok: true, loaded: { input, parsed, result, idx: createTraceIndex(result) } };
}
