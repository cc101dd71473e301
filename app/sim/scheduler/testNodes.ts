/** Test builders: nodes and pods in the scheduler's shapes. */
import type { Container, PodSpec, Taint } from 'kubernetes-types/core/v1';
import type { NodeInfo, SchedNode, SchedPod } from './types.ts';

export function node(
  name: string,
  o: Partial<Omit<SchedNode, 'name'>> & { cpu?: number; memory?: number; pods?: number } = {},
): SchedNode {
  return {
    name,
    labels: { 'kubernetes.io/hostname': name, ...(o.labels ?? {}) },
    taints: o.taints ?? [],
    unschedulable: o.unschedulable ?? false,
    allocatable: o.allocatable ?? {
      cpu: o.cpu ?? 4000,
      memory: o.memory ?? 8 * 2 ** 30,
      pods: o.pods ?? 110,
    },
  };
}

export function pod(name: string, spec: Partial<PodSpec> = {}): SchedPod {
  return { name, namespace: 'default', spec: { containers: [{ name: 'app' }], ...spec } };
}

export function requesting(cpu?: string, memory?: string): Container {
  const requests: Record<string, string> = {};
  if (cpu) requests.cpu = cpu;
  if (memory) requests.memory = memory;
  return { name: 'app', resources: { requests } };
}

export function info(n: SchedNode, pods: SchedPod[] = []): NodeInfo {
  return { node: n, pods };
}

export const taint = (key: string, value: string | undefined, effect: string): Taint =>
  value === undefined ? { key, effect } : { key, value, effect };
