/**
 * What the worker does for one request: run the engine, build the timeline model, hash the trace
 * and resolve every cause field to a YAML range. Pure apart from the engine; testable in Node.
 *
 * A long run (more than STREAM_ABOVE_S simulated seconds) is streamed: the first PARTIAL_S seconds
 * are simulated and posted first (an exact prefix of the full run: the engine is deterministic and
 * reads nothing past its clock), then the full run, so the page redraws long before an hour of
 * simulated time is done.
 */
import { dict } from '../../sim/trace/dict.ts';
import type { Diagnostic, ParsedScenario, SourceRange } from '../../k8s/types.ts';
import type { SimDiagnostic, SimResult } from '../../sim/trace/types.ts';
import { expandTrace } from '../../sim/trace/expand.ts';
import { fnv1a } from '../lib/fnv1a.ts';
import { buildTimeline } from '../timeline/model.ts';
import { failedOutput, fieldKey, type SimOutput } from './protocol.ts';

/** The two halves of `simulateText`, so a long run parses once and simulates twice. */
export interface SimEngine {
  parse(text: string): ParsedScenario;
  /** `until` in seconds; default the scenario's own. */
  simulate(parsed: ParsedScenario, until?: number): SimResult;
}

/** Runs longer than this (simulated seconds) post a partial result first. */
export const STREAM_ABOVE_S = 600;
/** How much of a long run the partial result covers (simulated seconds). */
export const PARTIAL_S = 300;

function fromSim(d: SimDiagnostic, parsed: ParsedScenario | undefined): Diagnostic {
  let range: SourceRange | undefined;
  if (d.line !== undefined)
    range = {
      line: d.line,
      column: d.column ?? 1,
      endLine: d.endLine ?? d.line,
      endColumn: d.endColumn ?? (d.column ?? 1) + 1,
    };
  else if (d.doc !== undefined && d.path !== undefined && parsed)
    range = parsed.locate({ doc: d.doc, path: d.path });
  const out: Diagnostic = {
    severity: d.severity,
    message: d.message,
    ...(range ?? { line: 1, column: 1, endLine: 1, endColumn: 2 }),
  };
  if (d.path !== undefined) out.path = d.path;
  if (d.doc !== undefined) out.doc = d.doc;
  return out;
}

function output(
  id: number,
  parsed: ParsedScenario,
  compact: SimResult,
  ms: number,
  partialOf: number | undefined,
): SimOutput {
  // The page's projections (timeline marks by record index, hovers, logs) read every record.
  const result: SimResult = { ...compact, trace: expandTrace(compact.trace) };
  const diagnostics = [...parsed.diagnostics, ...result.diagnostics.map((d) => fromSim(d, parsed))];
  const ok = !diagnostics.some((d) => d.severity === 'error');
  const locations = dict<SourceRange>();
  for (const r of result.trace) {
    const f = 'cause' in r ? r.cause?.field : undefined;
    if (!f) continue;
    const key = fieldKey(f);
    if (key in locations) continue;
    const range = parsed.locate(f) ?? parsed.locate(f, { key: true });
    if (range) locations[key] = range;
  }
  return {
    id,
    ok,
    result,
    timeline: buildTimeline(result),
    hash: fnv1a(JSON.stringify(result.trace)),
    diagnostics,
    locations,
    ms,
    ...(partialOf !== undefined ? { partialOf } : {}),
  };
}

/**
 * One request: posts a partial result first when the run is long and the YAML has no errors,
 * then the full one (exactly one output for a short run).
 */
export function runStreamed(
  id: number,
  text: string,
  engine: SimEngine,
  now: () => number,
  post: (out: SimOutput) => void,
): void {
  const t0 = now();
  try {
    const parsed = engine.parse(text);
    const until = parsed.scenario.until;
    const clean = !parsed.diagnostics.some((d) => d.severity === 'error');
    if (clean && until > STREAM_ABOVE_S) {
      const part = engine.simulate(parsed, PARTIAL_S);
      // A run stopped early (or failing) is not worth showing as a prefix: go straight on.
      if (!part.stopped) post(output(id, parsed, part, now() - t0, until));
    }
    const full = engine.simulate(parsed);
    post(output(id, parsed, full, now() - t0, undefined));
  } catch (e) {
    post(failedOutput(id, now() - t0, e instanceof Error ? e.message : String(e)));
  }
}

/** Every output of one request, in order (tests and tools). */
export function runCollected(
  id: number,
  text: string,
  engine: SimEngine,
  now: () => number,
): SimOutput[] {
  const outs: SimOutput[] = [];
  runStreamed(id, text, engine, now, (o) => outs.push(o));
  return outs;
}
