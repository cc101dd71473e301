/**
 * `kubectl get nodes` and `kubectl describe node NAME` at time t (kubectl
 * pkg/describe/describe.go: describeNode, describeNodeResource; pkg/printers/internalversion
 * printNode), from the node records and the pods bound to each node.
 */
import type { Container, Pod } from '../../k8s/types.ts';
import { podRequests, toSchedUnits } from '../scheduler/resources.ts';
import { formatTaint } from '../scheduler/taints.ts';
import { DescribeWriter, writeAnnotations, writeLabels } from './describeText.ts';
import { getEvents, writeEvents } from './events.ts';
import { snapshotTrack, type PodSnapshot } from './podState.ts';
import { quantityText } from './quantityText.ts';
import { valueAt } from './series.ts';
import { DESCRIBE_TABWRITER, TABLE_TABWRITER, tabRows, tabwrite } from './tabwriter.ts';
import { podAt, type NodeTrack, type TraceIndex } from './traceIndex.ts';
import { humanDuration, rfc1123z } from './time.ts';
import type { ConditionValue } from './traceIndex.ts';

/** NodeStatus.NodeInfo the simulated kubelet reports (constants of the playground's node image). */
export const NODE_SYSTEM_INFO = {
  kernelVersion: '6.8.0-podlab',
  osImage: 'Debian GNU/Linux 12 (bookworm)',
  operatingSystem: 'linux',
  architecture: 'amd64',
  containerRuntimeVersion: 'containerd://1.7.27',
} as const;

/** The kubelet renews its Lease every 10 s (leaseDuration 40 s × 0.25). */
const LEASE_RENEW_S = 10;
/** With the Lease, node status is re-posted unchanged every nodeStatusReportFrequency (5 min). */
const STATUS_REPORT_S = 300;

export interface NodeRow {
  name: string;
  status: string;
  roles: string;
  age: string;
  version: string;
  internalIP: string;
}

function nodeAt(idx: TraceIndex, name: string, t: number): NodeTrack | undefined {
  const n = idx.nodes.get(name);
  return n && n.createdAt <= t ? n : undefined;
}

function conditionsAt(n: NodeTrack, t: number): ConditionValue[] {
  const out: ConditionValue[] = [];
  for (const type of n.conditionOrder) {
    const v = valueAt(n.conditions.get(type) ?? { t: [], seq: [], v: [] }, t);
    if (v) out.push(v);
  }
  return out;
}

/** findNodeRoles: `node-role.kubernetes.io/<role>` labels and `kubernetes.io/role`. */
function roles(labels: Record<string, string>): string {
  const set = new Set<string>();
  for (const [k, v] of Object.entries(labels)) {
    if (k.startsWith('node-role.kubernetes.io/') && k.length > 'node-role.kubernetes.io/'.length)
      set.add(k.slice('node-role.kubernetes.io/'.length));
    else if (k === 'kubernetes.io/role' && v !== '') set.add(v);
  }
  return set.size === 0 ? '<none>' : [...set].sort().join(',');
}

export function getNodeRows(idx: TraceIndex, t: number): NodeRow[] {
  const rows: NodeRow[] = [];
  for (const name of [...idx.nodes.keys()].sort()) {
    const n = nodeAt(idx, name, t);
    const spec = n ? valueAt(n.spec, t) : undefined;
    if (!n || !spec) continue;
    const ready = conditionsAt(n, t).find((c) => c.type === 'Ready');
    // printNode: Ready True → Ready, False or Unknown → NotReady, no condition → Unknown;
    // a cordoned node adds SchedulingDisabled (reference cluster.md N2.8).
    let status = !ready ? 'Unknown' : ready.status === 'True' ? 'Ready' : 'NotReady';
    if (spec.node.spec?.unschedulable) status += ',SchedulingDisabled';
    rows.push({
      name,
      status,
      roles: roles(spec.node.metadata.labels),
      age: humanDuration(t - n.createdAt),
      version: spec.kubeletVersion,
      internalIP: spec.hostIP,
    });
  }
  return rows;
}

export function formatNodesTable(rows: NodeRow[], opts?: { wide?: boolean }): string {
  if (rows.length === 0) return 'No resources found\n';
  const header = ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'];
  const wide = ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'];
  const cells = (r: NodeRow) => {
    const base = [r.name, r.status, r.roles, r.age, r.version];
    if (!opts?.wide) return base;
    const i = NODE_SYSTEM_INFO;
    return [...base, r.internalIP, '<none>', i.osImage, i.kernelVersion, i.containerRuntimeVersion];
  };
  return tabwrite(
    tabRows([opts?.wide ? [...header, ...wide] : header, ...rows.map(cells)]),
    TABLE_TABWRITER,
  );
}

/** The pods on the node at t that are not Succeeded or Failed (the describe's field selector). */
function podsOnNode(idx: TraceIndex, node: string, t: number): PodSnapshot[] {
  const out: PodSnapshot[] = [];
  for (const name of idx.pods.keys()) {
    const track = podAt(idx, name, t);
    if (!track) continue;
    const snap = snapshotTrack(idx, track, t);
    if (snap.nodeName !== node || snap.phase === 'Succeeded' || snap.phase === 'Failed') continue;
    out.push(snap);
  }
  return out.sort((a, b) =>
    a.namespace !== b.namespace ? (a.namespace < b.namespace ? -1 : 1) : a.name < b.name ? -1 : 1,
  );
}

const limitsOf = (c: Container) =>
  toSchedUnits(c.resources?.limits as Record<string, string> | undefined);

/** resourcehelper.PodRequestsAndLimits (limits combine across containers as requests do). */
function requestsAndLimits(pod: Pod): { req: Record<string, number>; lim: Record<string, number> } {
  const spec = pod.spec ?? { containers: [] };
  return { req: podRequests(spec), lim: podRequests(spec, limitsOf) };
}

const pct = (v: number, total: number) => (total > 0 ? Math.trunc((v / total) * 100) : 0);

function describeResources(
  w: DescribeWriter,
  pods: PodSnapshot[],
  alloc: Record<string, number>,
  t: number,
): void {
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const total = { req: {} as Record<string, number>, lim: {} as Record<string, number> };
  for (const p of pods) {
    const { req, lim } = requestsAndLimits(p.pod);
    for (const [k, v] of Object.entries(req)) total.req[k] = (total.req[k] ?? 0) + v;
    for (const [k, v] of Object.entries(lim)) total.lim[k] = (total.lim[k] ?? 0) + v;
    const cell = (r: string, m: Record<string, number>) =>
      `${quantityText(r, m[r] ?? 0)} (${pct(m[r] ?? 0, alloc[r] ?? 0)}%)`;
    w.write(
      1,
      `${p.namespace}\t${p.name}\t\t${cell('cpu', req)}\t${cell('cpu', lim)}\t${cell('memory', req)}\t${cell('memory', lim)}\t${humanDuration(t - p.createdAt)}\n`,
    );
  }
  w.write(
    0,
    'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n',
  );
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  for (const r of ['cpu', 'memory', 'ephemeral-storage']) {
    const q = total.req[r] ?? 0;
    const l = total.lim[r] ?? 0;
    w.write(
      1,
      `${r}\t${quantityText(r, q)} (${pct(q, alloc[r] ?? 0)}%)\t${quantityText(r, l)} (${pct(l, alloc[r] ?? 0)}%)\n`,
    );
  }
}

function sortedResources(list: Record<string, string>): string[] {
  return Object.keys(list).sort();
}

function describeBody(idx: TraceIndex, n: NodeTrack, t: number): string {
  const spec = valueAt(n.spec, t);
  const w = new DescribeWriter();
  if (!spec) return '';
  const node = spec.node;
  w.write(0, `Name:\t${n.name}\n`);
  w.write(0, `Roles:\t${roles(node.metadata.labels)}\n`);
  writeLabels(w, 'Labels', node.metadata.labels);
  writeAnnotations(w, 'Annotations', node.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(n.createdAt)}\n`);
  const taints = [...(node.spec?.taints ?? [])].sort((a, b) => {
    const ka = `${a.effect},${a.key}`;
    const kb = `${b.effect},${b.key}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  w.write(0, 'Taints:\t');
  if (taints.length === 0) w.write(0, '<none>\n');
  taints.forEach((taint, i) => w.write(0, `${i > 0 ? '\t' : ''}${formatTaint(taint)}\n`));
  w.write(0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`);
  const since = t - n.createdAt;
  w.write(0, 'Lease:\n');
  w.write(1, `HolderIdentity:\t${n.name}\n`);
  w.write(1, 'AcquireTime:\t<unset>\n');
  w.write(
    1,
    `RenewTime:\t${rfc1123z(n.createdAt + Math.floor(since / LEASE_RENEW_S) * LEASE_RENEW_S)}\n`,
  );
  const conditions = conditionsAt(n, t);
  if (conditions.length > 0) {
    const heartbeat = n.createdAt + Math.floor(since / STATUS_REPORT_S) * STATUS_REPORT_S;
    w.write(
      0,
      'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n',
    );
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions)
      w.write(
        1,
        `${c.type} \t${c.status} \t${rfc1123z(heartbeat)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
      );
  }
  w.write(0, 'Addresses:\n');
  w.write(1, `InternalIP:\t${spec.hostIP}\n`);
  w.write(1, `Hostname:\t${n.name}\n`);
  const { capacity, allocatable } = node.status;
  w.write(0, 'Capacity:\n');
  for (const r of sortedResources(capacity)) w.write(0, `  ${r}:\t${capacity[r] ?? ''}\n`);
  w.write(0, 'Allocatable:\n');
  for (const r of sortedResources(allocatable)) w.write(0, `  ${r}:\t${allocatable[r] ?? ''}\n`);
  const i = NODE_SYSTEM_INFO;
  w.write(0, 'System Info:\n');
  w.write(0, `  Machine ID:\t${podlabId(n.name, 'machine')}\n`);
  w.write(0, `  System UUID:\t${podlabId(n.name, 'system')}\n`);
  w.write(0, `  Boot ID:\t${podlabId(n.name, 'boot')}\n`);
  w.write(0, `  Kernel Version:\t${i.kernelVersion}\n`);
  w.write(0, `  OS Image:\t${i.osImage}\n`);
  w.write(0, `  Operating System:\t${i.operatingSystem}\n`);
  w.write(0, `  Architecture:\t${i.architecture}\n`);
  w.write(0, `  Container Runtime Version:\t${i.containerRuntimeVersion}\n`);
  w.write(0, `  Kubelet Version:\t${spec.kubeletVersion}\n`);
  w.write(0, '  Kube-Proxy Version:\t\n');
  w.write(0, `PodCIDR:\t${spec.podCIDR}\n`);
  w.write(0, `PodCIDRs:\t${spec.podCIDR}\n`);
  const alloc = toSchedUnits(allocatable);
  describeResources(w, podsOnNode(idx, n.name, t), alloc, t);
  return w.toString();
}

/** A stable 32-hex-digit id per node (what a machine-id looks like), from its name. */
function podlabId(name: string, salt: string): string {
  let out = '';
  let h = 2166136261;
  for (let round = 0; out.length < 32; round++) {
    for (const ch of `${salt}/${name}/${round}`)
      h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 32);
}

/** kubectl describe node NAME at t; undefined when the node does not exist then. */
export function describeNodeAt(idx: TraceIndex, name: string, t: number): string | undefined {
  const n = nodeAt(idx, name, t);
  if (!n) return undefined;
  const body = describeBody(idx, n, t);
  const events = getEvents(idx, t, `node/${name}`);
  const ew = new DescribeWriter();
  writeEvents(ew, events, t);
  if (events.length === 0) return tabwrite(body + ew.toString(), DESCRIBE_TABWRITER);
  return tabwrite(body, DESCRIBE_TABWRITER) + tabwrite(ew.toString(), DESCRIBE_TABWRITER);
}
