/** `podsim get deployments|replicasets|jobs`, `describe deployment` and `rollout status deployment/NAME`. */
import {
  deploymentsAt,
  describeDeploymentAt,
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

const notFound = (name: string): CommandOutput => ({
  stdout: '',
  stderr: `Error from server (NotFound): deployments.apps "${name}" not found\n`,
  code: 1,
});

export function describeDeployment(
  idx: TraceIndex,
  t: number,
  name: string,
  scope: Scope,
): CommandOutput {
  const text = describeDeploymentAt(idx, scope.namespace, name, t);
  return text === undefined ? notFound(name) : { stdout: text, code: 0 };
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
