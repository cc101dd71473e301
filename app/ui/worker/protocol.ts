/** Messages between the page and the simulation worker. */
import type { Diagnostic, SourceRange } from '../../k8s/types.ts';
import type { SimResult } from '../../sim/trace/types.ts';
import type { TimelineModel } from '../timeline/model.ts';

export interface SimRequest {
  id: number;
  text: string;
}

export interface SimOutput {
  id: number;
  /** True when the run is usable (no error diagnostics, the engine did not throw). */
  ok: boolean;
  result: SimResult | undefined;
  timeline: TimelineModel | undefined;
  /** FNV-1a hex of `JSON.stringify(result.trace)`. */
  hash: string;
  /** Object-layer and engine diagnostics, with 1-based ranges when known. */
  diagnostics: Diagnostic[];
  /** `doc:path` → YAML range, for every `cause.field` in the trace. */
  locations: Record<string, SourceRange>;
  /** Engine wall time in ms (inside the worker). */
  ms: number;
  /** Set when the engine threw. */
  error?: string;
  /**
   * Set on the partial result of a long run (its first PARTIAL_S seconds): the simulated length
   * of the full run, which follows under the same id.
   */
  partialOf?: number;
}

export function fieldKey(f: { doc: number; path: string }): string {
  return `${f.doc}:${f.path}`;
}

/** The output of a run that produced nothing usable (the engine threw, or ran out of time). */
export function failedOutput(id: number, ms: number, error: string): SimOutput {
  return {
    id,
    ok: false,
    result: undefined,
    timeline: undefined,
    hash: '',
    diagnostics: [],
    locations: {},
    ms,
    error,
  };
}
