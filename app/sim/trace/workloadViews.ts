/**
 * kubectl's views of ReplicaSets and Deployments at an instant: `get deployments|replicasets`
 * (k/k pkg/printers/internalversion/printers.go printDeployment, printReplicaSet), `describe
 * deployment` (kubectl pkg/describe/describe.go DeploymentDescriber) and `rollout status`
 * (kubectl pkg/polymorphichelpers/rollout_status.go DeploymentStatusViewer.Status).
 */
import { DescribeWriter, writeAnnotations, writeLabels } from './describeText.ts';
import { getEvents, writeEvents } from './events.ts';
import { DESCRIBE_TABWRITER, TABLE_TABWRITER, tabRows, tabwrite } from './tabwriter.ts';
import { humanDuration, rfc1123z } from './time.ts';
import type { TraceIndex } from './traceIndex.ts';
import type {
  DeploymentObject,
  JobObject,
  LabelSelector,
  ReplicaSetObject,
  SimResult,
  WorkloadObject,
} from './types.ts';
import { statefulSetStatusLine } from './statefulSetViews.ts';
import { daemonSetStatusLine } from './daemonSetViews.ts';
import { workloadHistory, workloadsAt } from './workloads.ts';

const inNs = (ns: string) => (o: WorkloadObject) => o.namespace === ns;
const byName = (a: WorkloadObject, b: WorkloadObject) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

export function deploymentsAt(result: SimResult, t: number, ns: string): DeploymentObject[] {
  return workloadsAt(result, t)
    .filter((o): o is DeploymentObject => o.kind === 'Deployment' && inNs(ns)(o))
    .sort(byName);
}

export function replicaSetsAt(result: SimResult, t: number, ns: string): ReplicaSetObject[] {
  return workloadsAt(result, t)
    .filter((o): o is ReplicaSetObject => o.kind === 'ReplicaSet' && inNs(ns)(o))
    .sort(byName);
}

export function jobsAt(result: SimResult, t: number, ns: string): JobObject[] {
  return workloadsAt(result, t)
    .filter((o): o is JobObject => o.kind === 'Job' && inNs(ns)(o))
    .sort(byName);
}

const hasCondition = (j: JobObject, type: string) =>
  j.status.conditions.some((c) => c.type === type && c.status === 'True');

/** printers.go printJob's STATUS: Complete, Failed, Terminating, Suspended, FailureTarget, Running. */
export function jobStatus(j: JobObject): string {
  if (hasCondition(j, 'Complete')) return 'Complete';
  if (hasCondition(j, 'Failed')) return 'Failed';
  if (hasCondition(j, 'Suspended')) return 'Suspended';
  if (hasCondition(j, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

/** printJob: `<succeeded>/<completions>`, `<succeeded>/1 of <parallelism>` or `<succeeded>/1`. */
function jobCompletions(j: JobObject): string {
  const s = j.status.succeeded;
  if (j.spec.completions !== undefined) return `${s}/${j.spec.completions}`;
  return j.spec.parallelism > 1 ? `${s}/1 of ${j.spec.parallelism}` : `${s}/1`;
}

/** `kubectl get jobs`: NAME STATUS COMPLETIONS DURATION AGE (DURATION grows until completionTime). */
export function formatJobsTable(list: readonly JobObject[], t: number, ns: string): string {
  if (list.length === 0) return noResources(ns);
  const rows = list.map((j) => {
    const st = j.status;
    const duration =
      st.startTime === undefined ? '' : humanDuration((st.completionTime ?? t) - st.startTime);
    return [
      j.name,
      jobStatus(j),
      jobCompletions(j),
      duration,
      humanDuration(t - j.creationTimestamp),
    ];
  });
  return tabwrite(
    tabRows([['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'], ...rows]),
    TABLE_TABWRITER,
  );
}

const noResources = (ns: string) => `No resources found in ${ns} namespace.\n`;

/** `kubectl get deployments`: NAME READY UP-TO-DATE AVAILABLE AGE. */
export function formatDeploymentsTable(
  list: readonly DeploymentObject[],
  t: number,
  ns: string,
): string {
  if (list.length === 0) return noResources(ns);
  const rows = list.map((d) => [
    d.name,
    `${d.status.readyReplicas}/${d.spec.replicas}`,
    String(d.status.updatedReplicas),
    String(d.status.availableReplicas),
    humanDuration(t - d.creationTimestamp),
  ]);
  return tabwrite(
    tabRows([['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'], ...rows]),
    TABLE_TABWRITER,
  );
}

/** `kubectl get replicasets`: NAME DESIRED CURRENT READY AGE. */
export function formatReplicaSetsTable(
  list: readonly ReplicaSetObject[],
  t: number,
  ns: string,
): string {
  if (list.length === 0) return noResources(ns);
  const rows = list.map((rs) => [
    rs.name,
    String(rs.spec.replicas),
    String(rs.status.replicas),
    String(rs.status.readyReplicas),
    humanDuration(t - rs.creationTimestamp),
  ]);
  return tabwrite(
    tabRows([['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'], ...rows]),
    TABLE_TABWRITER,
  );
}

/** metav1.FormatLabelSelector for matchLabels and simple expressions. */
export function formatSelector(s: LabelSelector): string {
  const parts = Object.keys(s.matchLabels ?? {})
    .sort()
    .map((k) => `${k}=${s.matchLabels?.[k] ?? ''}`);
  for (const e of s.matchExpressions ?? []) {
    const op = e.operator === 'In' ? 'in' : e.operator === 'NotIn' ? 'notin' : '';
    if (op) parts.push(`${e.key} ${op} (${(e.values ?? []).join(',')})`);
    else parts.push(e.operator === 'Exists' ? e.key : `!${e.key}`);
  }
  return parts.length ? parts.join(',') : '<none>';
}

/** DescribePodTemplate, the parts a template without volumes or env shows. */
function writeTemplate(w: DescribeWriter, d: DeploymentObject): void {
  const t = d.spec.template;
  w.write(0, 'Pod Template:\n');
  w.write(1, `Labels:\t${formatSelector({ matchLabels: t.metadata.labels ?? {} })}\n`);
  const ann = t.metadata.annotations ?? {};
  const keys = Object.keys(ann).sort();
  if (keys.length > 0)
    keys.forEach((k, i) => w.write(1, `${i === 0 ? 'Annotations:' : ''}\t${k}: ${ann[k]}\n`));
  w.write(1, 'Containers:\n');
  for (const c of t.spec.containers) {
    w.write(1, ` ${c.name}:\n`);
    w.write(2, `Image:\t${c.image ?? ''}\n`);
    const port = c.ports?.[0];
    w.write(2, `Port:\t${port ? `${port.containerPort}/${port.protocol ?? 'TCP'}` : '<none>'}\n`);
    w.write(
      2,
      `Host Port:\t${port ? `${port.hostPort ?? 0}/${port.protocol ?? 'TCP'}` : '<none>'}\n`,
    );
    w.write(2, 'Environment:\t<none>\n');
    w.write(2, 'Mounts:\t<none>\n');
  }
  w.write(1, 'Volumes:\t<none>\n');
  w.write(1, 'Node-Selectors:\t<none>\n');
  w.write(1, 'Tolerations:\t<none>\n');
}

const rsList = (rss: readonly ReplicaSetObject[]) =>
  rss.length === 0
    ? '<none>'
    : rss
        .map((rs) => `${rs.name} (${rs.status.replicas}/${rs.spec.replicas} replicas created)`)
        .join(', ');

function describeBody(d: DeploymentObject, rss: readonly ReplicaSetObject[]): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${d.name}\n`);
  w.write(0, `Namespace:\t${d.namespace}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(d.creationTimestamp)}\n`);
  writeLabels(w, 'Labels', d.labels);
  writeAnnotations(w, 'Annotations', d.annotations);
  w.write(0, `Selector:\t${formatSelector(d.spec.selector)}\n`);
  const s = d.status;
  w.write(
    0,
    `Replicas:\t${d.spec.replicas} desired | ${s.updatedReplicas} updated | ${s.replicas} total | ${s.availableReplicas} available | ${s.unavailableReplicas} unavailable\n`,
  );
  w.write(0, `StrategyType:\t${d.spec.strategy.type}\n`);
  w.write(0, `MinReadySeconds:\t${d.spec.minReadySeconds}\n`);
  const ru = d.spec.strategy.rollingUpdate;
  if (ru)
    w.write(
      0,
      `RollingUpdateStrategy:\t${ru.maxUnavailable} max unavailable, ${ru.maxSurge} max surge\n`,
    );
  writeTemplate(w, d);
  if (s.conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const c of s.conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason}\n`);
  }
  const owned = rss.filter((rs) => rs.ownerReferences?.some((o) => o.uid === d.uid));
  const rev = d.annotations['deployment.kubernetes.io/revision'];
  const newRS = owned.filter((rs) => rs.annotations['deployment.kubernetes.io/revision'] === rev);
  const old = owned.filter((rs) => !newRS.includes(rs) && rs.spec.replicas > 0);
  w.write(0, `OldReplicaSets:\t${rsList(old)}\n`);
  w.write(0, `NewReplicaSet:\t${rsList(newRS)}\n`);
  return w.toString();
}

/** `kubectl describe deployment NAME` at t; undefined when it does not exist then. */
export function describeDeploymentAt(
  idx: TraceIndex,
  ns: string,
  name: string,
  t: number,
): string | undefined {
  const d = deploymentsAt(idx.result, t, ns).find((x) => x.name === name);
  if (!d) return undefined;
  return withEvents(
    idx,
    t,
    'deployment',
    ns,
    name,
    describeBody(d, replicaSetsAt(idx.result, t, ns)),
  );
}

/** A workload describer's body, then DescribeEvents of `kind/name` (kubectl's object key). */
export function withEvents(
  idx: TraceIndex,
  t: number,
  kind: string,
  ns: string,
  name: string,
  body: string,
): string {
  const object = ns === 'default' ? `${kind}/${name}` : `${kind}/${ns}/${name}`;
  const events = getEvents(idx, t, object);
  const ew = new DescribeWriter();
  writeEvents(ew, events, t);
  if (events.length === 0) return tabwrite(body + ew.toString(), DESCRIBE_TABWRITER);
  return tabwrite(body, DESCRIBE_TABWRITER) + tabwrite(ew.toString(), DESCRIBE_TABWRITER);
}

/** DeploymentStatusViewer.Status: one line, and whether the watch is done (and how). */
export function rolloutStatusLine(d: DeploymentObject): { line: string; done?: 0 | 1 } {
  const n = d.name;
  if (d.generation > d.status.observedGeneration)
    return { line: 'Waiting for deployment spec update to be observed...' };
  const c = d.status.conditions.find((x) => x.type === 'Progressing');
  if (c?.reason === 'ProgressDeadlineExceeded')
    return { line: `error: deployment "${n}" exceeded its progress deadline`, done: 1 };
  const s = d.status;
  const wait = `Waiting for deployment "${n}" rollout to finish: `;
  if (s.updatedReplicas < d.spec.replicas)
    return {
      line: `${wait}${s.updatedReplicas} out of ${d.spec.replicas} new replicas have been updated...`,
    };
  if (s.replicas > s.updatedReplicas)
    return {
      line: `${wait}${s.replicas - s.updatedReplicas} old replicas are pending termination...`,
    };
  if (s.availableReplicas < s.updatedReplicas)
    return {
      line: `${wait}${s.availableReplicas} of ${s.updatedReplicas} updated replicas are available...`,
    };
  return { line: `deployment "${n}" successfully rolled out`, done: 0 };
}

/**
 * `kubectl rollout status deployment|statefulset/NAME` watched until t: the line of every update
 * (lines repeat as kubectl's do), ending at the first final one. Undefined: no such object.
 */
export function rolloutStatusAt(
  result: SimResult,
  ns: string,
  name: string,
  t: number,
  kind: 'Deployment' | 'StatefulSet' | 'DaemonSet' = 'Deployment',
): { lines: string[]; code: number } | undefined {
  const history: WorkloadObject[] = workloadHistory(result, kind, name, ns, t);
  if (history.length === 0) return undefined;
  const lines: string[] = [];
  // kubectl runs just after the last spec change before t: the watch starts there.
  const gen = history.at(-1)?.generation ?? 1;
  const from = history.findIndex((o) => o.generation === gen);
  for (const o of history.slice(Math.max(0, from))) {
    const { line, done } =
      o.kind === 'StatefulSet'
        ? statefulSetStatusLine(o)
        : o.kind === 'DaemonSet'
          ? daemonSetStatusLine(o)
          : rolloutStatusLine(o as DeploymentObject);
    lines.push(line);
    if (done !== undefined) return { lines, code: done };
  }
  return { lines, code: 0 };
}
