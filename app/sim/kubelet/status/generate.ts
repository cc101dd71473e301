/**
 * Pod conditions as the kubelet writes them (pkg/kubelet/status/generate.go; pod-level R5.1–R5.6).
 * Returned in the kubelet's order: PodReadyToStartContainers, Initialized, Ready, ContainersReady,
 * PodScheduled (conditions the kubelet does not own are kept by the caller).
 */
import type { ContainerKind, ContainerStatus, ConditionStatus } from '../../trace/types.ts';
import { goList } from '../format.ts';
import type { Phase } from './getPhase.ts';

export interface Condition {
  type: string;
  status: ConditionStatus;
  reason?: string;
  message?: string;
}

export interface ConditionInput {
  statuses: { name: string; kind: ContainerKind; status: ContainerStatus | undefined }[];
  phase: Phase;
  sandboxReady: boolean;
  /** A regular container has started (Initialized stays True after that, R5.4). */
  podHasInitialized: boolean;
  readinessGates: string[];
  /** Conditions set from outside the kubelet (readiness gates, DisruptionTarget). */
  external: Map<string, Condition>;
}

function initialized(input: ConditionInput): Condition {
  const c: Condition = { type: 'Initialized', status: 'True' };
  if (input.phase === 'Succeeded') return { ...c, reason: 'PodCompleted' };
  if (input.podHasInitialized) return c;
  const incomplete: string[] = [];
  for (const { name, kind, status } of input.statuses) {
    if (kind === 'init') {
      if (!(status && 'terminated' in status.state && status.state.terminated.exitCode === 0))
        incomplete.push(name);
    } else if (kind === 'sidecar' && !status?.started) incomplete.push(name);
  }
  if (incomplete.length === 0) return c;
  return {
    type: 'Initialized',
    status: 'False',
    reason: 'ContainersNotInitialized',
    message: `containers with incomplete status: ${goList(incomplete)}`,
  };
}

function containersReady(input: ConditionInput): Condition {
  if (input.phase === 'Succeeded')
    return { type: 'ContainersReady', status: 'False', reason: 'PodCompleted' };
  if (input.phase === 'Failed')
    return { type: 'ContainersReady', status: 'False', reason: 'PodFailed' };
  const unready = input.statuses
    .filter((s) => (s.kind === 'regular' || s.kind === 'sidecar') && !s.status?.ready)
    .map((s) => s.name);
  if (unready.length === 0) return { type: 'ContainersReady', status: 'True' };
  return {
    type: 'ContainersReady',
    status: 'False',
    reason: 'ContainersNotReady',
    message: `containers with unready status: ${goList(unready)}`,
  };
}

function ready(input: ConditionInput, cr: Condition): Condition {
  if (input.phase === 'Succeeded')
    return { type: 'Ready', status: 'False', reason: 'PodCompleted' };
  if (input.phase === 'Failed') return { type: 'Ready', status: 'False', reason: 'PodFailed' };
  if (cr.status !== 'True') return { ...cr, type: 'Ready' };
  const parts: string[] = [];
  for (const gate of input.readinessGates) {
    const c = input.external.get(gate);
    if (!c) parts.push(`corresponding condition of pod readiness gate "${gate}" does not exist.`);
    else if (c.status !== 'True')
      parts.push(`the status of pod readiness gate "${gate}" is not "True", but ${c.status}`);
  }
  if (parts.length === 0) return { type: 'Ready', status: 'True' };
  return {
    type: 'Ready',
    status: 'False',
    reason: 'ReadinessGatesNotReady',
    message: parts.join(', '),
  };
}

export function getConditions(input: ConditionInput): Condition[] {
  const cr = containersReady(input);
  return [
    { type: 'PodReadyToStartContainers', status: input.sandboxReady ? 'True' : 'False' },
    initialized(input),
    ready(input, cr),
    cr,
    { type: 'PodScheduled', status: 'True' },
  ];
}
