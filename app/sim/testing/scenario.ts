/**
 * Test builders: typed Pod / Service literals, a run helper over the scripted runtime, and
 * queries over the trace (the same records the CLI and UI project).
 */
import type { Container, Pod, ScenarioAction, Service, SourceObject } from '../../k8s/types.ts';
import { defaultedPod, defaultedService } from '../../k8s/index.ts';
import { simulate } from '../index.ts';
import { expandTrace } from '../trace/expand.ts';
import type { ContainerStatus, TraceRecord } from '../trace/types.ts';
import { createFakeRuntime, type FakeRuntimeOptions } from './fakeRuntime.ts';

let docs = 0;

export function pod(
  name: string,
  spec: Partial<NonNullable<Pod['spec']>> & { containers: Container[] },
  labels?: Record<string, string>,
): SourceObject {
  return {
    kind: 'Pod',
    name,
    namespace: 'default',
    doc: docs++,
    object: defaultedPod({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default', ...(labels ? { labels } : {}) },
      spec: { restartPolicy: 'Always', terminationGracePeriodSeconds: 30, ...spec },
    }),
  };
}

export function service(
  name: string,
  selector: Record<string, string>,
  spec: Partial<NonNullable<Service['spec']>> = {},
): SourceObject {
  return {
    kind: 'Service',
    name,
    namespace: 'default',
    doc: docs++,
    object: defaultedService({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace: 'default' },
      spec: { selector, ports: [{ port: 80, targetPort: 80 }], ...spec },
    }),
  };
}

export function container(name: string, extra: Partial<Container> = {}): Container {
  return { name, image: 'busybox:1.36', imagePullPolicy: 'IfNotPresent', ...extra };
}

export interface RunOptions extends FakeRuntimeOptions {
  until?: number;
  actions?: ScenarioAction[];
  deferred?: { kind: 'Pod' | 'Service'; name: string }[];
  profile?: Record<string, unknown>;
}

export function run(objects: SourceObject[], o: RunOptions = {}) {
  const result = simulate(
    {
      objects,
      scenario: {
        name: 'test',
        until: o.until ?? 600,
        profile: o.profile ?? {},
        actions: o.actions ?? [],
        deferred: o.deferred ?? [],
      },
    },
    { runtime: createFakeRuntime(o) },
  );
  return new TraceQuery(result.trace, result.diagnostics);
}

export type StateSummary = string;

/** `running`, `waiting:CrashLoopBackOff`, `terminated:Error(137)` */
export function summarize(s: ContainerStatus): StateSummary {
  if ('running' in s.state) return 'running';
  if ('waiting' in s.state) return `waiting:${s.state.waiting.reason}`;
  return `terminated:${s.state.terminated.reason}(${s.state.terminated.exitCode})`;
}

export class TraceQuery {
  /** The expanded trace (every probe attempt and log line a record of its own). */
  readonly trace: readonly TraceRecord[];
  constructor(
    trace: readonly TraceRecord[],
    readonly diagnostics: { message: string }[],
  ) {
    this.trace = expandTrace(trace);
  }

  of<T extends TraceRecord['type']>(type: T): Extract<TraceRecord, { type: T }>[] {
    return this.trace.filter((r): r is Extract<TraceRecord, { type: T }> => r.type === type);
  }

  statuses(pod: string, c: string) {
    return this.of('container.status').filter((r) => r.pod === pod && r.container === c);
  }

  /** [t, state, restartCount, ready] per status change, states deduplicated. */
  states(pod: string, c: string): [number, string, number, boolean][] {
    return this.statuses(pod, c).map((r) => [
      r.t,
      summarize(r.status),
      r.status.restartCount,
      r.status.ready,
    ]);
  }

  /** Time each container instance started running per the status (restartCount → t). */
  runningAt(pod: string, c: string): [number, number][] {
    const out: [number, number][] = [];
    let last = '';
    for (const r of this.statuses(pod, c)) {
      if (!('running' in r.status.state)) continue;
      const k = `${r.status.containerID}`;
      if (k === last) continue;
      last = k;
      out.push([r.t, r.status.restartCount]);
    }
    return out;
  }

  phases(pod: string): [number, string][] {
    return this.of('pod.phase')
      .filter((r) => r.pod === pod)
      .map((r) => [r.t, r.phase]);
  }

  condition(pod: string, type: string): [number, string, string?][] {
    return this.of('pod.condition')
      .filter((r) => r.pod === pod && r.condition === type)
      .map((r) => (r.reason ? [r.t, r.status, r.reason] : [r.t, r.status]));
  }

  events(pod: string, reason?: string) {
    return this.of('event').filter(
      (e) => e.object === `pod/${pod}` && (!reason || e.reason === reason),
    );
  }

  eventTimes(pod: string, reason: string): number[] {
    return this.events(pod, reason).map((e) => e.t);
  }

  signals(pod: string, c: string): [number, string][] {
    return this.of('signal')
      .filter((r) => r.pod === pod && r.container === c)
      .map((r) => [r.t, r.signal]);
  }

  exits(pod: string, c: string): [number, number][] {
    return this.of('process.exit')
      .filter((r) => r.pod === pod && r.container === c)
      .map((r) => [r.t, r.exitCode]);
  }

  probes(pod: string, c: string, type?: string) {
    return this.of('probe').filter(
      (r) => r.pod === pod && r.container === c && (!type || r.probe === type),
    );
  }

  endpoints(service: string): [number, string][] {
    return this.of('endpoints')
      .filter((r) => r.service === service)
      .map((r) => [
        r.t,
        r.endpoints
          .map(
            (e) =>
              `${e.pod}(${e.ready ? 'T' : 'F'},${e.serving ? 'T' : 'F'},${e.terminating ? 'T' : 'F'})`,
          )
          .join(' '),
      ]);
  }
}
