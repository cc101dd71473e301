/**
 * `kubectl get pods` columns for one pod: a port of kubernetes pkg/printers/internalversion/
 * printers.go `printPod` (pod-level R6.1–R6.4).
 */
import type { Container } from '../../k8s/types.ts';
import { conditionOf, isSidecar, type PodSnapshot } from './podState.ts';
import { apiSeconds, humanDuration } from './time.ts';

export interface PodRow {
  name: string;
  namespace: string;
  /** `1/2` */
  ready: string;
  status: string;
  /** `3 (27s ago)` or `0` */
  restarts: string;
  /** The plain restart count behind `restarts`. */
  restartCount: number;
  age: string;
  ip: string;
  node: string;
  nominatedNode: string;
  readinessGates: string;
}

export function printPod(snap: PodSnapshot, t: number): PodRow {
  const spec = snap.pod.spec;
  const initSpecs = new Map<string, Container>();
  let totalContainers = spec?.containers.length ?? 0;
  for (const c of spec?.initContainers ?? []) {
    initSpecs.set(c.name, c);
    if (isSidecar(c)) totalContainers++;
  }
  const restartable = (name: string): boolean => {
    const c = initSpecs.get(name);
    return c !== undefined && isSidecar(c);
  };

  let restarts = 0;
  let sidecarRestarts = 0;
  let readyContainers = 0;
  let lastRestart: number | undefined;
  let lastSidecarRestart: number | undefined;
  let reason: string = snap.reason || snap.phase;
  if (conditionOf(snap, 'PodScheduled')?.reason === 'SchedulingGated') reason = 'SchedulingGated';

  let initializing = false;
  const inits = snap.initContainerStatuses;
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i];
    if (!c) continue;
    restarts += c.restartCount;
    const finished = c.lastState?.terminated.finishedAt;
    if (finished !== undefined && (lastRestart === undefined || finished > lastRestart)) {
      lastRestart = finished;
    }
    if (restartable(c.name)) {
      sidecarRestarts += c.restartCount;
      if (
        finished !== undefined &&
        (lastSidecarRestart === undefined || finished > lastSidecarRestart)
      ) {
        lastSidecarRestart = finished;
      }
    }
    const st = c.state;
    if ('terminated' in st && st.terminated.exitCode === 0) continue;
    if (restartable(c.name) && c.started === true) {
      if (c.ready) readyContainers++;
      continue;
    }
    if ('terminated' in st) {
      const term = st.terminated;
      if (!term.reason) {
        reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
      } else {
        reason = `Init:${term.reason}`;
      }
    } else if ('waiting' in st && st.waiting.reason && st.waiting.reason !== 'PodInitializing') {
      reason = `Init:${st.waiting.reason}`;
    } else {
      reason = `Init:${i}/${spec?.initContainers?.length ?? inits.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || conditionOf(snap, 'Initialized')?.status === 'True') {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const cs = snap.containerStatuses;
    for (let i = cs.length - 1; i >= 0; i--) {
      const c = cs[i];
      if (!c) continue;
      restarts += c.restartCount;
      const finished = c.lastState?.terminated.finishedAt;
      if (finished !== undefined && (lastRestart === undefined || finished > lastRestart)) {
        lastRestart = finished;
      }
      const st = c.state;
      if ('waiting' in st && st.waiting.reason) {
        reason = st.waiting.reason;
      } else if ('terminated' in st && st.terminated.reason) {
        reason = st.terminated.reason;
      } else if ('terminated' in st) {
        const term = st.terminated;
        reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
      } else if (c.ready && 'running' in st) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = conditionOf(snap, 'Ready')?.status === 'True' ? 'Running' : 'NotReady';
    }
  }

  if (snap.deletionTimestamp !== undefined && snap.reason === 'NodeLost') {
    reason = 'Unknown';
  } else if (
    snap.deletionTimestamp !== undefined &&
    snap.phase !== 'Succeeded' &&
    snap.phase !== 'Failed'
  ) {
    reason = 'Terminating';
  }

  let restartsText = String(restarts);
  if (restarts !== 0 && lastRestart !== undefined) {
    restartsText = `${restarts} (${humanDuration(t - apiSeconds(lastRestart))} ago)`;
  }

  let readinessGates = '<none>';
  const gates = spec?.readinessGates ?? [];
  if (gates.length > 0) {
    const trueCount = gates.filter(
      (g) => conditionOf(snap, g.conditionType)?.status === 'True',
    ).length;
    readinessGates = `${trueCount}/${gates.length}`;
  }

  return {
    name: snap.name,
    namespace: snap.namespace,
    ready: `${readyContainers}/${totalContainers}`,
    status: reason,
    restarts: restartsText,
    restartCount: restarts,
    age: humanDuration(t - apiSeconds(snap.createdAt)),
    ip: snap.podIP || '<none>',
    node: snap.nodeName || '<none>',
    nominatedNode: '<none>',
    readinessGates,
  };
}
