/**
 * What the worker does for one request: run the engine, build the timeline model, hash the trace
 * and resolve every cause field to a YAML range. Pure apart from the engine; testable in Node.
 */
import { dict } from '../../sim/trace/dict.ts';
import type { Diagnostic, ParsedScenario, SourceRange } from '../../k8s/types.ts';
import type { SimDiagnostic, SimResult } from '../../sim/trace/types.ts';
import { expandTrace } from '../../sim/trace/expand.ts';
import { fnv1a } from '../lib/fnv1a.ts';
import { buildTimeline } from '../timeline/model.ts';
import { failedOutput, fieldKey, type SimOutput } from './protocol.ts';

export type SimulateText = (text: string) => { parsed: ParsedScenario; result: SimResult };

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

export function runSimulation(
  id: number,
  text: string,
  simulateText: SimulateText,
  now: () => number,
): SimOutput {
  const t0 = now();
  try {
    const { parsed, result: compact } = simulateText(text);
    // The page's projections (timeline marks by record index, hovers, logs) read every record.
    const result: SimResult = { ...compact, trace: expandTrace(compact.trace) };
    const ms = now() - t0;
    const diagnostics = [
      ...parsed.diagnostics,
      ...result.diagnostics.map((d) => fromSim(d, parsed)),
    ];
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
    };
  } catch (e) {
    return failedOutput(id, now() - t0, e instanceof Error ? e.message : String(e));
  }
}
