/**
 * `podsim get deployments|replicasets|jobs|statefulsets|daemonsets`, `describe deployment|job` and
 * `rollout status deployment|statefulset|daemonset/NAME`.
 */
import {
  daemonSetsAt,
  deploymentsAt,
  describeDeploymentAt,
  describeJobAt,
  formatDaemonSetsTable,
  formatDeploymentsTable,
  formatJobsTable,
  formatReplicaSetsTable,
  formatStatefulSetsTable,
  jobsAt,
  replicaSetsAt,
  rolloutStatusAt,
  statefulSetsAt,
  type TraceIndex,
} from '../../sim/trace/index.ts';
import type { CommandOutput, Scope } from './get.ts';

export function getWorkloads(
  idx: TraceIndex,
  t: number,
  kind: 'Deployment' | 'ReplicaSet' | 'Job' | 'StatefulSet' | 'DaemonSet',
  scope: Scope,
): CommandOutput {
  const ns = scope.namespace;
  if (kind === 'DaemonSet')
    return { stdout: formatDaemonSetsTable(daemonSetsAt(idx.result, t, ns), t, ns), code: 0 };
  if (kind === 'Job') return { stdout: formatJobsTable(jobsAt(idx.result, t, ns), t, ns), code: 0 };
  if (kind === 'StatefulSet')
    return {
      stdout: formatStatefulSetsTable(statefulSetsAt(idx.result, t, ns), t, ns),
      code: 0,
    };
  const stdout =
    kind === 'Deployment'
      ? formatDeploymentsTable(deploymentsAt(idx.result, t, ns), t, ns)
      : formatReplicaSetsTable(replicaSetsAt(idx.result, t, ns), t, ns);
  return { stdout, code: 0 };
}

const notFound = (name: string, resource = 'deployments.apps'): CommandOutput => ({
  stdout: '',
  stderr: `Error from server (NotFound): ${resource} "${name}" not found\n`,
  code: 1,
});

/** `describe deployment NAME` or `describe job NAME` (JobDescriber). */
export function describeWorkload(
  idx: TraceIndex,
  t: number,
  kind: 'Deployment' | 'Job',
  name: string,
  scope: Scope,
): CommandOutput {
  const at = kind === 'Job' ? describeJobAt : describeDeploymentAt;
  const text = at(idx, scope.namespace, name, t);
  if (text !== undefined) return { stdout: text, code: 0 };
  return notFound(name, kind === 'Job' ? 'jobs.batch' : 'deployments.apps');
}

const ROLLOUT_KINDS = [
  { re: /^(statefulsets?|sts)(\.apps)?\//, kind: 'StatefulSet', resource: 'statefulsets.apps' },
  { re: /^(daemonsets?|ds)(\.apps)?\//, kind: 'DaemonSet', resource: 'daemonsets.apps' },
  { re: /^(deployments?|deploy)(\.apps)?\//, kind: 'Deployment', resource: 'deployments.apps' },
] as const;

/** `rollout status deployment|statefulset|daemonset/NAME`; an exceeded deadline exits 1. */
export function rolloutStatus(
  idx: TraceIndex,
  t: number,
  target: string,
  scope: Scope,
): CommandOutput {
  const k = ROLLOUT_KINDS.find((x) => x.re.test(target)) ?? ROLLOUT_KINDS[2];
  const name = target.replace(k.re, '');
  const r = rolloutStatusAt(idx.result, scope.namespace, name, t, k.kind);
  if (!r) return notFound(name, k.resource);
  const last = r.lines.at(-1) ?? '';
  const body = r.code === 1 ? r.lines.slice(0, -1) : r.lines;
  return {
    stdout: body.map((l) => `${l}\n`).join(''),
    ...(r.code === 1 ? { stderr: `${last}\n` } : {}),
    code: r.code,
  };
}
