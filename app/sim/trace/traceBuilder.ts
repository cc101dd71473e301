/**
 * A small builder of hand-made traces for projection tests (and for the UI's fixtures): it writes
 * the records the engine would write, with lastTransitionTime and restart bookkeeping done for you.
 * A pod or service is named by its key (`web`, or `team-a/web` outside the default namespace).
 */
import { defaultedPod, defaultedService } from '../../k8s/index.ts';
import type { PodSpec } from '../../k8s/types.ts';
import type {
  ConditionStatus,
  ContainerKind,
  ContainerState,
  ContainerStatus,
  EndpointRecord,
  SimResult,
  TerminatedState,
  TraceRecord,
} from './types.ts';
import { splitObjectKey } from './objectKey.ts';

export const waiting = (reason: string, message?: string): ContainerState => ({
  waiting: message === undefined ? { reason } : { reason, message },
});
export const running = (startedAt: number): ContainerState => ({ running: { startedAt } });
export const terminated = (
  exitCode: number,
  reason: string,
  startedAt: number,
  finishedAt: number,
): { terminated: TerminatedState } => ({
  terminated: { exitCode, reason, startedAt, finishedAt },
});

function splitPod(key: string): { pod: string; namespace: string } {
  const { namespace, name } = splitObjectKey(key);
  return { pod: name, namespace };
}

function qualified(key: string): string {
  const { namespace, name } = splitObjectKey(key);
  return `${namespace}/${name}`;
}

export class TraceBuilder {
  readonly records: TraceRecord[] = [];
  private readonly conditionState = new Map<string, { status: ConditionStatus; since: number }>();
  private readonly containerState = new Map<string, ContainerStatus>();

  pod(
    key: string,
    spec: PodSpec,
    opts: { t?: number; labels?: Record<string, string> } = {},
  ): this {
    const { namespace, name } = splitObjectKey(key);
    const object = defaultedPod({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace, ...(opts.labels ? { labels: opts.labels } : {}) },
      spec,
    });
    this.records.push({
      t: opts.t ?? 0,
      type: 'object.applied',
      source: { kind: 'Pod', name, namespace, doc: 0, object },
    });
    return this;
  }

  service(key: string, selector: Record<string, string>, port: number, t = 0): this {
    const { namespace, name } = splitObjectKey(key);
    const object = defaultedService({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace },
      spec: { selector, ports: [{ port, protocol: 'TCP', targetPort: port }] },
    });
    this.records.push({
      t,
      type: 'object.applied',
      source: { kind: 'Service', name, namespace, doc: 1, object },
    });
    return this;
  }

  phase(
    t: number,
    pod: string,
    phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed',
    reason?: string,
  ): this {
    this.records.push({
      t,
      type: 'pod.phase',
      ...splitPod(pod),
      phase,
      ...(reason ? { reason } : {}),
    });
    return this;
  }

  condition(
    t: number,
    pod: string,
    condition: string,
    status: ConditionStatus,
    reason?: string,
    message?: string,
  ): this {
    const key = `${pod}/${condition}`;
    const prev = this.conditionState.get(key);
    const since = prev && prev.status === status ? prev.since : t;
    this.conditionState.set(key, { status, since });
    this.records.push({
      t,
      type: 'pod.condition',
      ...splitPod(pod),
      condition,
      status,
      lastTransitionTime: since,
      ...(reason ? { reason } : {}),
      ...(message ? { message } : {}),
    });
    return this;
  }

  ip(t: number, pod: string, ip: string, hostIP = '192.168.49.2'): this {
    this.records.push({ t, type: 'pod.ip', ...splitPod(pod), ip, hostIP, startTime: t });
    return this;
  }

  /** Writes a full status snapshot; fields not given keep their previous value. */
  container(
    t: number,
    pod: string,
    name: string,
    patch: Partial<ContainerStatus> & { state: ContainerState },
    kind: ContainerKind = 'regular',
  ): this {
    const key = `${pod}/${name}`;
    const prev = this.containerState.get(key);
    const status: ContainerStatus = {
      name,
      image: prev?.image ?? 'busybox',
      ready: false,
      restartCount: prev?.restartCount ?? 0,
      ...(prev?.lastState ? { lastState: prev.lastState } : {}),
      ...(prev?.containerID ? { containerID: prev.containerID } : {}),
      ...patch,
    };
    this.containerState.set(key, status);
    this.records.push({
      t,
      type: 'container.status',
      ...splitPod(pod),
      container: name,
      kind,
      status,
    });
    return this;
  }

  event(
    t: number,
    pod: string,
    eventType: 'Normal' | 'Warning',
    reason: string,
    message: string,
    opts: { fieldPath?: string; source?: string } = {},
  ): this {
    this.records.push({
      t,
      type: 'event',
      object: `pod/${splitObjectKey(pod).name}`,
      namespace: splitObjectKey(pod).namespace,
      eventType,
      reason,
      message,
      source: opts.source ?? 'kubelet',
      ...(opts.fieldPath ? { fieldPath: opts.fieldPath } : {}),
    });
    return this;
  }

  deleting(t: number, pod: string, gracePeriodSeconds: number): this {
    this.records.push({
      t,
      type: 'pod.deleting',
      ...splitPod(pod),
      deletionTimestamp: t + gracePeriodSeconds,
      gracePeriodSeconds,
    });
    return this;
  }

  deleted(t: number, pod: string): this {
    this.records.push({ t, type: 'pod.deleted', ...splitPod(pod) });
    return this;
  }

  log(t: number, pod: string, container: string, instance: number, line: string): this {
    this.records.push({
      t,
      type: 'log',
      ...splitPod(pod),
      container,
      instance,
      stream: 'stdout',
      line,
    });
    return this;
  }

  endpoints(t: number, service: string, endpoints: EndpointRecord[]): this {
    const { namespace, name } = splitObjectKey(service);
    this.records.push({ t, type: 'endpoints', service: name, namespace, endpoints });
    return this;
  }

  /** The usual start of a pod with regular containers: scheduled, sandbox, conditions. */
  started(pod: string, containers: string[], t0 = 0): this {
    this.event(
      t0,
      pod,
      'Normal',
      'Scheduled',
      `Successfully assigned ${qualified(pod)} to node-1`,
      {
        source: 'default-scheduler',
      },
    );
    this.condition(t0, pod, 'PodScheduled', 'True');
    this.phase(t0, pod, 'Pending');
    const unready = `containers with unready status: [${containers.join(' ')}]`;
    this.condition(t0, pod, 'PodReadyToStartContainers', 'False');
    this.condition(t0, pod, 'Initialized', 'True');
    this.condition(t0, pod, 'Ready', 'False', 'ContainersNotReady', unready);
    this.condition(t0, pod, 'ContainersReady', 'False', 'ContainersNotReady', unready);
    for (const c of containers) this.container(t0, pod, c, { state: waiting('ContainerCreating') });
    this.condition(t0 + 1, pod, 'PodReadyToStartContainers', 'True');
    this.ip(t0 + 1, pod, '10.244.0.5');
    return this;
  }

  build(until = 600): SimResult {
    return { until, trace: this.records.slice(), diagnostics: [] };
  }
}
