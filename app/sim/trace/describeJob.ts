/**
 * `kubectl describe job NAME` (kubectl pkg/describe/describe.go JobDescriber / describeJob) and the
 * `Pod Template:` section every workload describer prints (DescribePodTemplate).
 */
import type { DefaultedTemplate } from '../../k8s/workloads.ts';
import { describeContainers } from './describeContainers.ts';
import { DescribeWriter, writeAnnotations, writeLabels, writeTolerations } from './describeText.ts';
import { describeVolumes } from './describeVolumes.ts';
import { humanDuration, rfc1123z } from './time.ts';
import type { TraceIndex } from './traceIndex.ts';
import type { JobObject } from './types.ts';
import { formatSelector, jobsAt, withEvents } from './workloadViews.ts';

/** DescribePodTemplate: its sections indented by two spaces (`space` in describe.go). */
export function writePodTemplate(w: DescribeWriter, t: DefaultedTemplate): void {
  const space = '  ';
  const spec = t.spec;
  w.write(0, 'Pod Template:\n');
  writeLabels(w, `${space}Labels`, t.metadata.labels);
  if (Object.keys(t.metadata.annotations ?? {}).length > 0)
    writeAnnotations(w, `${space}Annotations`, t.metadata.annotations);
  if (spec.serviceAccountName) w.write(1, `Service Account:\t${spec.serviceAccountName}\n`);
  const init = spec.initContainers ?? [];
  if (init.length > 0) describeContainers(w, 'Init Containers', init, [], undefined, {}, space);
  describeContainers(w, 'Containers', spec.containers, [], undefined, {}, space);
  describeVolumes(w, spec.volumes ?? [], space);
  if (spec.priorityClassName) w.write(1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  writeLabels(w, `${space}Node-Selectors`, spec.nodeSelector);
  writeTolerations(w, `${space}Tolerations`, spec.tolerations ?? []);
}

/** capIndexesListOrNone: the completed indexes, cut after the first comma past 50 characters. */
function capIndexes(indexes: string | undefined, softLimit = 50): string {
  if (!indexes) return '<none>';
  const cut = indexes.indexOf(',', softLimit);
  return cut < 0 ? indexes : `${indexes.slice(0, cut + 1)}...`;
}

function describeBody(j: JobObject): string {
  const w = new DescribeWriter();
  const { spec, status } = j;
  w.write(0, `Name:\t${j.name}\n`);
  w.write(0, `Namespace:\t${j.namespace}\n`);
  w.write(0, `Selector:\t${formatSelector(spec.selector)}\n`);
  writeLabels(w, 'Labels', j.labels);
  writeAnnotations(w, 'Annotations', j.annotations);
  w.write(0, `Parallelism:\t${spec.parallelism}\n`);
  w.write(0, `Completions:\t${spec.completions ?? '<unset>'}\n`);
  w.write(0, `Completion Mode:\t${spec.completionMode}\n`);
  // Podlab runs every Job as not suspended (jobs.ts SUSPEND_NOT_SIMULATED).
  w.write(0, 'Suspend:\tfalse\n');
  w.write(0, `Backoff Limit:\t${spec.backoffLimit}\n`);
  if (status.startTime !== undefined) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  if (status.completionTime !== undefined)
    w.write(0, `Completed At:\t${rfc1123z(status.completionTime)}\n`);
  if (status.startTime !== undefined && status.completionTime !== undefined)
    w.write(0, `Duration:\t${humanDuration(status.completionTime - status.startTime)}\n`);
  if (spec.activeDeadlineSeconds !== undefined)
    w.write(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  // status.ready is always set (JobReadyPods, GA in 1.29).
  w.write(
    0,
    `Pods Statuses:\t${status.active} Active (${status.ready} Ready) / ${status.succeeded} Succeeded / ${status.failed} Failed\n`,
  );
  if (spec.completionMode === 'Indexed')
    w.write(0, `Completed Indexes:\t${capIndexes(status.completedIndexes)}\n`);
  writePodTemplate(w, spec.template);
  return w.toString();
}

/** `kubectl describe job NAME` at t; undefined when it does not exist then. */
export function describeJobAt(
  idx: TraceIndex,
  ns: string,
  name: string,
  t: number,
): string | undefined {
  const j = jobsAt(idx.result, t, ns).find((x) => x.name === name);
  if (!j) return undefined;
  return withEvents(idx, t, 'job', ns, name, describeBody(j));
}
