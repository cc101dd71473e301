/**
 * Node documents and the Scenario's `spec.nodes` shorthand (DESIGN §3): defaulting, validation,
 * and the list of nodes a scenario starts with. A Node without capacity gets 4 CPU, 8Gi and 110 pods;
 * allocatable defaults to capacity (no system reservations). The kubelet's well-known labels
 * (pkg/kubelet/kubelet_node_status.go: initialNode) are added to every node.
 */
import type { Node } from 'kubernetes-types/core/v1';
import type { Issues } from './issues.ts';
import { asArray, asRecord, asString, type JsonObject } from './json.ts';
import { parseQuantity, QUANTITY_FORMAT_ERROR } from './quantity.ts';

export const DEFAULT_NODE_CAPACITY = { cpu: '4', memory: '8Gi', pods: '110' } as const;
export const DEFAULT_NODE_NAME = 'node-1';
export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;

/** A Node after defaulting: capacity and allocatable always present. */
export type DefaultedNode = Node & {
  metadata: NonNullable<Node['metadata']> & { name: string; labels: Record<string, string> };
  status: { capacity: Record<string, string>; allocatable: Record<string, string> };
};

function kubeletLabels(name: string): Record<string, string> {
  return {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
  };
}

/** In place, on the JSON of a Node document whose schema check passed. */
export function defaultNode(node: JsonObject): void {
  const meta = asRecord(node.metadata) ?? {};
  node.metadata = meta;
  delete meta.namespace;
  const name = asString(meta.name) ?? '';
  meta.labels = { ...kubeletLabels(name), ...(asRecord(meta.labels) ?? {}) };
  const status = asRecord(node.status) ?? {};
  const capacity = { ...DEFAULT_NODE_CAPACITY, ...(asRecord(status.capacity) ?? {}) };
  const allocatable = { ...capacity, ...(asRecord(status.allocatable) ?? {}) };
  node.status = { capacity, allocatable };
}

/** ValidateNode's checks that matter here: quantities and taint effects (validation.validateNodeTaints). */
export function validateNode(node: JsonObject, issues: Issues): void {
  const status = asRecord(node.status);
  for (const list of ['capacity', 'allocatable']) {
    for (const [k, q] of Object.entries(asRecord(status?.[list]) ?? {})) {
      const ok = (typeof q === 'string' || typeof q === 'number') && parseQuantity(q) !== undefined;
      if (!ok) issues.invalid(['status', list, k], q, QUANTITY_FORMAT_ERROR);
    }
  }
  asArray(asRecord(node.spec)?.taints).forEach((t, i) => {
    const taint = asRecord(t);
    const effect = asString(taint?.effect) ?? '';
    if (!asString(taint?.key)) issues.required(['spec', 'taints', i, 'key']);
    if (!(TAINT_EFFECTS as readonly string[]).includes(effect))
      issues.notSupported(['spec', 'taints', i, 'effect'], effect, TAINT_EFFECTS);
  });
}

/** A node as the shorthand (or the implicit single node) creates it. */
export function generatedNode(name: string): DefaultedNode {
  const node: JsonObject = { apiVersion: 'v1', kind: 'Node', metadata: { name } };
  defaultNode(node);
  return node as unknown as DefaultedNode;
}

/**
 * The nodes a scenario starts with: node-1..node-N for `spec.nodes: N`, replaced or joined by the
 * Node documents applied at t = 0; one `node-1` when there are neither.
 */
export function initialNodes(
  count: number | undefined,
  docs: readonly DefaultedNode[],
  anyNodeDocs = docs.length > 0,
): DefaultedNode[] {
  const out = new Map<string, DefaultedNode>();
  const n = count ?? (anyNodeDocs ? 0 : 1);
  for (let i = 1; i <= n; i++) out.set(`node-${i}`, generatedNode(`node-${i}`));
  for (const d of docs) out.set(d.metadata.name, d);
  return [...out.values()];
}
