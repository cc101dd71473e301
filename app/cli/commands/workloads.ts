/** `podsim get deployments|replicasets|jobs`, `describe deployment|job` and `rollout status deployment/NAME`. */
import {
  deploymentsAt,
  describeDeploymentAt,
  describeJobAt,
  formatDeploymentsTable,
  formatJobsTable,
  formatReplicaSetsTable,
  jobsAt,
  replicaSetsAt,
  rolloutStatusAt,
  type TraceIndex,
} from '../../sim/trace/index.ts';
import type { CommandOutput, Scope } from './get.ts';

export function getWorkloads(
  idx: TraceIndex,
  t: number,
  kind: 'Deployment' | 'ReplicaSet' | 'Job',
  scope: Scope,
): CommandOutput {
  const ns = scope.namespace;
  if (kind === 'Job') return { stdout: formatJobsTable(jobsAt(idx.result, t, ns), t, ns), code: 0 };
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

/** `rollout status deployment/NAME` (or `deployment NAME`); an exceeded deadline exits 1. */
export function rolloutStatus(
  idx: TraceIndex,
  t: number,
  target: string,
  scope: Scope,
): CommandOutput {
  const name = target.replace(/^(deployments?|deploy)(\.apps)?\//, '');
  const r = rolloutStatusAt(idx.result, scope.namespace, name, t);
  if (!r) return notFound(name);
  const last = r.lines.at(-1) ?? '';
  const body = r.code === 1 ? r.lines.slice(0, -1) : r.lines;
  return {
    stdout: body.map((l) => `${l}\n`).join(''),
    ...(r.code === 1 ? { stderr: `${last}\n` } : {}),
    code: r.code,
  };
}
