/**
 * The Init Containers / Containers sections of `kubectl describe pod` (describe.go
 * `describeContainers`, `describeContainerBasicInfo`, `describeStatus`, `DescribeProbe`,
 * `describeContainerEnvVars`, `describeContainerVolumes`).
 */
import type { Container, Pod, Probe } from '../../k8s/types.ts';
import type { ContainerState, ContainerStatus } from './types.ts';
import { type DescribeWriter } from './describeText.ts';
import { effectiveRequests } from './qos.ts';
import { rfc1123z } from './time.ts';

const stringOrNone = (s: string): string => (s.length > 0 ? s : '<none>');

/** A deterministic stand-in for the image digest the runtime would report. */
export function imageID(image: string): string {
  const name = image.split('@')[0] ?? image;
  const noTag = name.replace(/:[^/:]+$/, '');
  const first = noTag.split('/')[0] ?? '';
  const repo = !noTag.includes('/')
    ? `docker.io/library/${noTag}`
    : first.includes('.') || first.includes(':') || first === 'localhost'
      ? noTag
      : `docker.io/${noTag}`;
  let hex = '';
  let h = 0x811c9dc5;
  for (let round = 0; hex.length < 64; round++) {
    for (const ch of `${image}#${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    hex += h.toString(16).padStart(8, '0');
  }
  return `${repo}@sha256:${hex.slice(0, 64)}`;
}

function portList(c: Container, host: boolean): string {
  return (c.ports ?? [])
    .map((p) => {
      const s = `${host ? (p.hostPort ?? 0) : p.containerPort}/${p.protocol ?? 'TCP'}`;
      return p.name ? `${s} (${p.name})` : s;
    })
    .join(', ');
}

function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** DescribeProbe (describe.go). */
export function describeProbe(p: Probe): string {
  const attrs =
    `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s ` +
    `period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const g = p.httpGet;
    const scheme = (g.scheme ?? 'HTTP').toLowerCase();
    const port = String(g.port);
    const host = port.length > 0 ? joinHostPort(g.host ?? '', port) : (g.host ?? '');
    const path = g.path ? encodeURI(g.path.startsWith('/') ? g.path : `/${g.path}`) : '';
    return `http-get ${scheme}://${host}${path} ${attrs}`;
  }
  if (p.tcpSocket)
    return `tcp-socket ${p.tcpSocket.host ?? ''}:${String(p.tcpSocket.port)} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeState(w: DescribeWriter, title: string, state: ContainerState): void {
  if ('running' in state) {
    w.write(2, `${title}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if ('waiting' in state) {
    w.write(2, `${title}:\tWaiting\n`);
    if (state.waiting.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`);
  } else {
    const term = state.terminated;
    w.write(2, `${title}:\tTerminated\n`);
    if (term.reason) w.write(3, `Reason:\t${term.reason}\n`);
    if (term.message) w.write(3, `Message:\t${term.message}\n`);
    w.write(3, `Exit Code:\t${term.exitCode}\n`);
    if (term.signal && term.signal > 0) w.write(3, `Signal:\t${term.signal}\n`);
    w.write(3, `Started:\t${rfc1123z(term.startedAt)}\n`);
    w.write(3, `Finished:\t${rfc1123z(term.finishedAt)}\n`);
  }
}

function writeResources(w: DescribeWriter, c: Container): void {
  const limits = (c.resources?.limits ?? {}) as Record<string, string | number>;
  const requests = effectiveRequests(c);
  const section = (title: string, list: Record<string, string | number>): void => {
    const names = Object.keys(list).sort();
    if (names.length > 0) w.write(2, `${title}:\n`);
    for (const n of names) w.write(3, `${n}:\t${String(list[n])}\n`);
  };
  section('Limits', limits);
  section('Requests', requests);
}

function fieldValue(
  pod: Pod,
  status: { podIP?: string; hostIP?: string; nodeName?: string },
  path: string,
): string {
  const label = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (label) {
    const map = label[1] === 'labels' ? pod.metadata?.labels : pod.metadata?.annotations;
    return map?.[label[2] ?? ''] ?? '';
  }
  switch (path) {
    case 'metadata.name':
      return pod.metadata?.name ?? '';
    case 'metadata.namespace':
      return pod.metadata?.namespace ?? 'default';
    case 'metadata.uid':
      return pod.metadata?.uid ?? '';
    case 'spec.nodeName':
      return status.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? 'default';
    case 'status.podIP':
      return status.podIP ?? '';
    case 'status.hostIP':
      return status.hostIP ?? '';
    default:
      return '';
  }
}

function writeEnv(
  w: DescribeWriter,
  c: Container,
  pod: Pod | undefined,
  status: { podIP?: string; hostIP?: string; nodeName?: string },
): void {
  if ((c.envFrom ?? []).length > 0) {
    w.write(2, 'Environment Variables from:\n');
    for (const e of c.envFrom ?? []) {
      const from = e.configMapRef ? 'ConfigMap' : e.secretRef ? 'Secret' : '';
      const name = e.configMapRef?.name ?? e.secretRef?.name ?? '';
      const optional = (e.configMapRef?.optional ?? e.secretRef?.optional) === true;
      const what = e.prefix ? `${from} with prefix '${e.prefix}'` : from;
      w.write(3, `${name}\t${what}\tOptional: ${optional}\n`);
    }
  }
  const env = c.env ?? [];
  w.write(2, env.length === 0 ? 'Environment:\t<none>\n' : 'Environment:\n');
  for (const e of env) {
    const vf = e.valueFrom;
    if (!vf) {
      (e.value ?? '')
        .split('\n')
        .forEach((s, i) => w.write(3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
    } else if (vf.fieldRef) {
      const v = pod ? fieldValue(pod, status, vf.fieldRef.fieldPath) : '';
      w.write(3, `${e.name}:\t${v} (${vf.fieldRef.apiVersion ?? 'v1'}:${vf.fieldRef.fieldPath})\n`);
    } else if (vf.resourceFieldRef) {
      w.write(3, `${e.name}:\t (${vf.resourceFieldRef.resource})\n`);
    } else if (vf.secretKeyRef) {
      const r = vf.secretKeyRef;
      w.write(
        3,
        `${e.name}:\t<set to the key '${r.key}' in secret '${r.name ?? ''}'>\tOptional: ${r.optional === true}\n`,
      );
    } else if (vf.configMapKeyRef) {
      const r = vf.configMapKeyRef;
      w.write(
        3,
        `${e.name}:\t<set to the key '${r.key}' of config map '${r.name ?? ''}'>\tOptional: ${r.optional === true}\n`,
      );
    }
  }
}

function writeMounts(w: DescribeWriter, c: Container): void {
  const mounts = [...(c.volumeMounts ?? [])].sort((a, b) =>
    a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0,
  );
  w.write(2, mounts.length === 0 ? 'Mounts:\t<none>\n' : 'Mounts:\n');
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw'];
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
    w.write(3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
}

/**
 * `pod` undefined: a pod template (DescribePodTemplate), with no resolver for the env's field
 * references; `space` is the template's indent, which only the label and the names take
 * (describeContainersLabel, describeContainerBasicInfo's nameIndent).
 */
export function describeContainers(
  w: DescribeWriter,
  label: string,
  containers: readonly Container[],
  statuses: readonly ContainerStatus[],
  pod: Pod | undefined,
  podStatus: { podIP?: string; hostIP?: string; nodeName?: string },
  space = '',
): void {
  w.write(0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  const byName = new Map(statuses.map((s) => [s.name, s]));
  for (const c of containers) {
    const st = byName.get(c.name);
    w.write(1, `${space ? ' ' : ''}${c.name}:\n`);
    if (st) w.write(2, `Container ID:\t${st.containerID ?? ''}\n`);
    w.write(2, `Image:\t${c.image ?? ''}\n`);
    if (st) w.write(2, `Image ID:\t${st.containerID ? imageID(c.image ?? '') : ''}\n`);
    const ports = portList(c, false);
    w.write(2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${stringOrNone(ports)}\n`);
    const hostPorts = portList(c, true);
    w.write(
      2,
      hostPorts.includes(',')
        ? `Host Ports:\t${hostPorts}\n`
        : `Host Port:\t${stringOrNone(hostPorts)}\n`,
    );
    for (const [title, list] of [
      ['Command', c.command],
      ['Args', c.args],
    ] as const) {
      if (!list || list.length === 0) continue;
      w.write(2, `${title}:\n`);
      for (const item of list) for (const s of item.split('\n')) w.write(3, `${s}\n`);
    }
    if (st) {
      describeState(w, 'State', st.state);
      if (st.lastState) describeState(w, 'Last State', st.lastState);
      w.write(2, `Ready:\t${st.ready ? 'True' : 'False'}\n`);
      w.write(2, `Restart Count:\t${st.restartCount}\n`);
    }
    writeResources(w, c);
    if (c.livenessProbe) w.write(2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
    writeEnv(w, c, pod, podStatus);
    writeMounts(w, c);
  }
}
