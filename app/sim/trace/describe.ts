/**
 * `kubectl describe pod NAME` at time t: a port of kubectl describe.go `describePod` (R11.7),
 * printed through the same tabwriter settings (0, 8, 2, ' ').
 */
import { admitPod } from './admission.ts';
import { DescribeWriter, writeAnnotations, writeLabels, writeTolerations } from './describeText.ts';
import { describeContainers } from './describeContainers.ts';
import { describeVolumes } from './describeVolumes.ts';
import { getEvents, writeEvents } from './events.ts';
import { podSnapshot, type PodSnapshot } from './podState.ts';
import { podQOSClass } from './qos.ts';
import { DESCRIBE_TABWRITER, tabwrite } from './tabwriter.ts';
import type { TraceIndex } from './traceIndex.ts';
import { splitObjectKey } from './objectKey.ts';
import { apiSeconds, humanDuration, rfc1123z } from './time.ts';

function describeBody(snap: PodSnapshot, t: number): string {
  const w = new DescribeWriter();
  const pod = admitPod(snap.pod);
  const spec = pod.spec;
  const meta = pod.metadata;
  w.write(0, `Name:\t${snap.name}\n`);
  w.write(0, `Namespace:\t${snap.namespace}\n`);
  // The Priority admission plugin always sets spec.priority (0 without a class).
  w.write(0, `Priority:\t${spec?.priority ?? 0}\n`);
  if (spec?.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec?.runtimeClassName) w.write(0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  w.write(0, `Service Account:\t${spec?.serviceAccountName ?? ''}\n`);
  w.write(0, snap.nodeName ? `Node:\t${snap.nodeName}/${snap.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (snap.startTime !== undefined) w.write(0, `Start Time:\t${rfc1123z(snap.startTime)}\n`);
  writeLabels(w, 'Labels', meta?.labels);
  writeAnnotations(w, 'Annotations', meta?.annotations);
  if (
    snap.deletionTimestamp !== undefined &&
    snap.phase !== 'Failed' &&
    snap.phase !== 'Succeeded'
  ) {
    // kubectl prints translateTimestampSince(deletionTimestamp): while the deadline is still
    // ahead this is a negative duration, which HumanDuration renders as `<invalid>`.
    w.write(
      0,
      `Status:\tTerminating (lasts ${humanDuration(t - apiSeconds(snap.deletionTimestamp))})\n`,
    );
    w.write(0, `Termination Grace Period:\t${snap.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(0, `Status:\t${snap.phase}\n`);
  }
  if (snap.reason) w.write(0, `Reason:\t${snap.reason}\n`);
  if (snap.message) w.write(0, `Message:\t${snap.message}\n`);
  w.write(0, `IP:\t${snap.podIP ?? ''}\n`);
  if (snap.podIP) {
    w.write(0, 'IPs:\n');
    w.write(1, `IP:\t${snap.podIP}\n`);
  } else {
    w.write(0, 'IPs:\t<none>\n');
  }
  const controller = meta?.ownerReferences?.find((o) => o.controller === true);
  if (controller) w.write(0, `Controlled By:\t${controller.kind}/${controller.name}\n`);
  const podStatus = { podIP: snap.podIP, hostIP: snap.hostIP, nodeName: snap.nodeName };
  if ((spec?.initContainers ?? []).length > 0) {
    describeContainers(
      w,
      'Init Containers',
      spec?.initContainers ?? [],
      snap.initContainerStatuses,
      snap.pod,
      podStatus,
    );
  }
  describeContainers(
    w,
    'Containers',
    spec?.containers ?? [],
    snap.containerStatuses,
    snap.pod,
    podStatus,
  );
  if ((spec?.ephemeralContainers ?? []).length > 0) {
    describeContainers(
      w,
      'Ephemeral Containers',
      spec?.ephemeralContainers ?? [],
      snap.ephemeralContainerStatuses,
      pod,
      podStatus,
    );
  }
  const gates = spec?.readinessGates ?? [];
  if (gates.length > 0) {
    w.write(0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of gates) {
      const c = snap.conditions.find((x) => x.type === g.conditionType);
      w.write(1, `${g.conditionType} \t${c?.status ?? '<none>'} \n`);
    }
  }
  if (snap.conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of snap.conditions) w.write(1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, spec?.volumes ?? []);
  w.write(0, `QoS Class:\t${podQOSClass(pod)}\n`);
  writeLabels(w, 'Node-Selectors', spec?.nodeSelector);
  writeTolerations(w, 'Tolerations', spec?.tolerations ?? []);
  return w.toString();
}

/** kubectl describe pod at t, the pod named by its key; undefined when it does not exist at t. */
export function describePodAt(idx: TraceIndex, key: string, t: number): string | undefined {
  const snap = podSnapshot(idx, key, t);
  if (!snap) return undefined;
  const body = describeBody(snap, t);
  const events = getEvents(idx, t, `pod/${key}`).filter((e) => e.lastTimestamp >= snap.createdAt);
  const ew = new DescribeWriter();
  writeEvents(ew, events, t);
  if (events.length === 0) return tabwrite(body + ew.toString(), DESCRIBE_TABWRITER);
  return tabwrite(body, DESCRIBE_TABWRITER) + tabwrite(ew.toString(), DESCRIBE_TABWRITER);
}

/** Like describePodAt, with kubectl's error text when the pod does not exist at t. */
export function describePod(idx: TraceIndex, key: string, t: number): string {
  return (
    describePodAt(idx, key, t) ??
    `Error from server (NotFound): pods "${splitObjectKey(key).name}" not found\n`
  );
}
