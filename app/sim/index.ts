/**
 * The engine's public surface (DESIGN.md §2): `simulate` turns objects + scenario actions into a
 * trace; `simulateText` parses a scenario document first and maps diagnostics to line/column.
 * Pure and deterministic: the same input gives a byte-identical `JSON.stringify(result)`.
 */
import { parseScenario } from '../k8s/index.ts';
import type { ParsedScenario, ScenarioSpec, SourceObject } from '../k8s/types.ts';
import { Recorder } from './clock/recorder.ts';
import { SimClock } from './clock/simClock.ts';
import { Cluster } from './cluster/cluster.ts';
import { generatedNode, initialNodes } from '../k8s/nodes.ts';
import { resolveProfile } from './profile.ts';
import type { RuntimeModel } from './runtime/types.ts';
import { createRuntimeModel } from './runtime/index.ts';
import { stoppedMessage } from './trace/runStop.ts';
import type { RunStop, SimDiagnostic, SimResult } from './trace/types.ts';

export type * from './trace/types.ts';
export { stoppedMessage } from './trace/runStop.ts';
export { expandTrace } from './trace/expand.ts';
export { parseScenario } from '../k8s/index.ts';
export { containerMachine } from './charts/containerMachine.ts';
export { podMachine, stateString } from './charts/podMachine.ts';
export { defaultProfile, resolveProfile, type KubeletProfile } from './profile.ts';

export interface SimulateInput {
  objects: SourceObject[];
  scenario: ScenarioSpec;
}

export interface SimulateOptions {
  /** Seconds; default scenario.until (600 s). */
  until?: number;
  runtime?: RuntimeModel;
  /** Safety valve against runaway zero-delay loops in a runtime model. */
  maxEvents?: number;
  /**
   * Asked between slices of `sliceEvents` callbacks: a reason stops the run there (the CLI's wall-clock
   * budget; the engine itself reads no clock).
   */
  shouldStop?: () => string | undefined;
  sliceEvents?: number;
  /**
   * Store repeated probe attempts and access-log lines as runs and endpoint changes as diffs
   * (default); `expandTrace` gives the full records back. Off: one record each, as they happen.
   */
  compact?: boolean;
  /** Filled in at the end with the number of clock callbacks run (benches compare it to a baseline). */
  stats?: { events: number };
}

const objKey = (kind: string, ns: string, name: string) => `${kind}/${ns}/${name}`;

export function simulate(input: SimulateInput, opts: SimulateOptions = {}): SimResult {
  const clock = new SimClock();
  const recorder = new Recorder(clock, opts.compact ?? true);
  const { profile, diagnostics: pd } = resolveProfile(input.scenario.profile, {
    ...(input.scenario.featureGates ? { gates: input.scenario.featureGates } : {}),
    ...(input.scenario.kubernetesVersion ? { version: input.scenario.kubernetesVersion } : {}),
  });
  const cluster = new Cluster(clock, recorder, profile, opts.runtime ?? createRuntimeModel());
  const doc = input.scenario.doc;
  for (const d of pd)
    cluster.diagnostic({
      severity: d.severity,
      message: d.message,
      path: d.path,
      ...(doc !== undefined ? { doc } : {}),
    });
  const untilS = opts.until ?? input.scenario.until ?? 600;
  // Static pods' documents are manifest files on a node, never created through the API.
  const statics = input.scenario.staticPods ?? [];
  const deferredKeys = new Set([
    ...input.scenario.deferred.map((k) => objKey(k.kind, k.namespace ?? profile.namespace, k.name)),
    ...statics.map((s) => objKey('Pod', s.namespace ?? profile.namespace, s.pod)),
    ...input.scenario.actions.flatMap((a) =>
      'staticPod' in a
        ? [objKey('Pod', a.staticPod.namespace ?? profile.namespace, a.staticPod.pod)]
        : [],
    ),
  ]);
  const deferred = new Map<string, SourceObject>();
  const now: SourceObject[] = [];
  for (const o of input.objects) {
    const k = objKey(o.kind, o.namespace || profile.namespace, o.name);
    if (deferredKeys.has(k)) deferred.set(k, o);
    else now.push(o);
  }
  const nodeDocs = now.flatMap((o) => (o.kind === 'Node' ? [o.object] : []));
  const declared =
    input.scenario.nodes !== undefined || input.objects.some((o) => o.kind === 'Node');
  // Without Node documents or spec.nodes there is one node, named as the profile says.
  const nodes = declared
    ? initialNodes(input.scenario.nodes, nodeDocs)
    : [generatedNode(profile.nodeName)];
  clock.at(0, () => {
    for (const n of nodes) cluster.addNode(n);
    for (const o of now) if (o.kind !== 'Node') cluster.apply(o);
    for (const s of statics) {
      const src = deferred.get(objKey('Pod', s.namespace ?? profile.namespace, s.pod));
      cluster.staticPod({ ...s, present: true }, src, (severity, message) =>
        cluster.diagnostic({ severity, message, doc: s.doc, path: s.path }),
      );
    }
  });
  cluster.startTraffic(input.scenario.traffic ?? [], untilS);
  for (const a of input.scenario.actions) {
    clock.at(Math.round(a.at * 1000), () => cluster.runAction(a, deferred));
  }
  const maxEvents = opts.maxEvents ?? 5_000_000;
  const slice = opts.sliceEvents ?? 2_000;
  const untilMs = Math.round(untilS * 1000);
  let reason: string | undefined;
  // In slices of `slice` callbacks, so a stop request is seen within one slice.
  for (;;) {
    clock.limit = opts.shouldStop ? Math.min(maxEvents, clock.fired + slice) : maxEvents;
    if (clock.runUntil(untilMs)) break;
    if (clock.fired >= maxEvents) reason = `more than ${maxEvents} events (a runaway loop?)`;
    else reason = opts.shouldStop?.();
    if (reason !== undefined) break;
  }
  const traffic = cluster.finishTraffic();
  const cl = { ...(declared ? { cluster: true } : {}), ...(traffic ? { traffic } : {}) };
  if (opts.stats) opts.stats.events = clock.fired;
  if (reason === undefined) {
    return { until: untilS, trace: recorder.records, diagnostics: cluster.diagnostics, ...cl };
  }
  const stopped: RunStop = { requested: untilS, reason };
  const reached = clock.now() / 1000;
  cluster.diagnostic({ severity: 'error', message: stoppedMessage(reached, stopped) });
  return {
    until: reached,
    stopped,
    trace: recorder.records,
    diagnostics: cluster.diagnostics,
    ...cl,
  };
}

/** Parse, simulate the valid objects, and map every diagnostic to line/column. */
export function simulateText(
  text: string,
  opts: SimulateOptions = {},
): { parsed: ParsedScenario; result: SimResult } {
  const parsed = parseScenario(text);
  return { parsed, result: simulateParsed(parsed, opts) };
}

/** `simulateText` for a caller that has parsed the text already (the CLI): no second parse. */
export function simulateParsed(parsed: ParsedScenario, opts: SimulateOptions = {}): SimResult {
  const result = simulate({ objects: parsed.objects, scenario: parsed.scenario }, opts);
  const located: SimDiagnostic[] = result.diagnostics.map((d) => {
    if (d.doc === undefined || !d.path || d.line !== undefined) return d;
    const r = parsed.locate({ doc: d.doc, path: d.path });
    return r
      ? { ...d, line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn }
      : d;
  });
  return { ...result, diagnostics: located };
}
