/**
 * Scenario actions at their times (DESIGN §3): apply a deferred object, delete, `kubectl exec`,
 * kill a container's process, set a pod condition (readiness gates), power the node off or on.
 */
import type { ScenarioAction, SourceObject } from '../../k8s/types.ts';

type KillAction = Extract<ScenarioAction, { kill: unknown }>;
import type { Signal as ProcSignal } from '../runtime/types.ts';
import type { ClusterApi } from './types.ts';
import { patchObject } from './patch.ts';
import { debugPod } from './debug.ts';

export function runAction(
  c: ClusterApi,
  a: ScenarioAction,
  deferred: ReadonlyMap<string, SourceObject>,
): void {
  if ('apply' in a) {
    const k = `${a.apply.kind}/${a.apply.namespace ?? c.profile.namespace}/${a.apply.name}`;
    const src = deferred.get(k);
    if (!src) return c.actionError(a, `no ${a.apply.kind} named ${a.apply.name} in the scenario`);
    // The source stays: applying it again after a delete creates the object again.
    c.apply(src, a);
  } else if ('delete' in a) {
    c.delete(a);
  } else if ('exec' in a) {
    const w = c.findPod(a.exec.pod, a.exec.namespace);
    if (!w) return c.actionError(a, `pods "${a.exec.pod}" not found`);
    const slot = a.exec.container
      ? w.slot(a.exec.container)
      : w.slots.find((s) => s.kind === 'regular');
    const inst = w.runningInstance(slot);
    const command =
      typeof a.exec.command === 'string' ? ['sh', '-c', a.exec.command] : a.exec.command;
    const rec = {
      type: 'exec',
      pod: w.name,
      namespace: w.namespace,
      container: slot?.name ?? a.exec.container ?? '',
      command,
    } as const;
    if (!slot || !inst) {
      c.recorder.add({
        ...rec,
        exitCode: 1,
        output: `error: unable to upgrade connection: container not found ("${rec.container}")`,
      });
      return;
    }
    inst.proc.exec(command, { field: { doc: a.doc, path: `${a.path}.exec.command` } }, (r) =>
      c.recorder.add({ ...rec, exitCode: r.exitCode, output: r.output }),
    );
  } else if ('patch' in a) {
    patchObject(c, a);
  } else if ('debug' in a) {
    debugPod(c, a);
  } else if ('staticPod' in a) {
    const s = a.staticPod;
    const src = deferred.get(`Pod/${s.namespace ?? c.profile.namespace}/${s.pod}`);
    c.staticPod(s, src, (severity, message) =>
      severity === 'error' ? c.actionError(a, message) : c.actionResult(message),
    );
  } else if ('kill' in a && a.kill.sandbox) {
    killSandbox(c, a);
  } else if ('kill' in a) {
    killContainerProcess(c, a);
  } else if ('node' in a && a.node.state === 'Rebooted') {
    rebootNode(c, a);
  } else if ('node' in a) {
    c.node.setState(a);
  } else if ('scale' in a) {
    c.workloads.scale(a);
  } else if ('rollout' in a) {
    c.workloads.rollout(a);
  } else if ('setCondition' in a) {
    const sc = a.setCondition;
    const w = c.findPod(sc.pod, sc.namespace);
    if (!w) return c.actionError(a, `pods "${sc.pod}" not found`);
    w.setExternalCondition({
      type: sc.type,
      status: sc.status,
      ...(sc.reason ? { reason: sc.reason } : {}),
      ...(sc.message ? { message: sc.message } : {}),
    });
  }
}

/** `kill: { pod, sandbox: true }`: the pause process dies; the kubelet re-creates the sandbox. */
function killSandbox(c: ClusterApi, a: KillAction): void {
  const w = c.findPod(a.kill.pod, a.kill.namespace);
  if (!w || !w.killSandbox()) return c.actionError(a, `no running sandbox in pod ${a.kill.pod}`);
  c.recorder.add({
    type: 'signal',
    pod: w.name,
    namespace: w.namespace,
    container: 'POD',
    signal: 'SIGKILL',
    cause: {
      message: 'scenario action: the pause process of the pod sandbox',
      field: { doc: a.doc, path: a.path },
    },
  });
}

/** The `actions` label (DESIGN §4): verb and `Kind/name` (`namespace/name` outside default). */
export function actionLabel(a: ScenarioAction, defaultNs: string): string {
  const ref = (kind: string, name: string, ns?: string) =>
    `${kind}/${ns && ns !== defaultNs ? `${ns}/` : ''}${name}`;
  if ('apply' in a) return `apply ${ref(a.apply.kind, a.apply.name, a.apply.namespace)}`;
  if ('delete' in a) return `delete ${ref(a.delete.kind, a.delete.name, a.delete.namespace)}`;
  if ('patch' in a) return `patch ${ref(a.patch.kind, a.patch.name, a.patch.namespace)}`;
  if ('exec' in a) return `exec ${ref('Pod', a.exec.pod, a.exec.namespace)}`;
  if ('kill' in a) return `kill ${ref('Pod', a.kill.pod, a.kill.namespace)}`;
  if ('node' in a) return `node ${ref('Node', a.node.name)} ${a.node.state}`;
  if ('debug' in a) return `debug ${ref('Pod', a.debug.pod, a.debug.namespace)}`;
  if ('staticPod' in a)
    return `staticPod ${ref('Pod', a.staticPod.pod, a.staticPod.namespace)} ${a.staticPod.present ? 'on' : 'off'} ${a.staticPod.node}`;
  if ('scale' in a) return `scale ${ref(a.scale.kind, a.scale.name, a.scale.namespace)}`;
  if ('rollout' in a)
    return `rollout ${a.rollout.do} ${ref(a.rollout.kind, a.rollout.name, a.rollout.namespace)}`;
  return `setCondition ${ref('Pod', a.setCondition.pod, a.setCondition.namespace)}`;
}

/** `kill: { pod, container, signal | exitCode }`: the container's process gets the signal. */
function killContainerProcess(c: ClusterApi, a: KillAction): void {
  const w = c.findPod(a.kill.pod, a.kill.namespace);
  const slot = w?.slot(a.kill.container);
  const inst = w?.runningInstance(slot);
  if (!w || !slot || !inst)
    return c.actionError(a, `no running container ${a.kill.container} in pod ${a.kill.pod}`);
  const proc = inst.proc;
  if (a.kill.exitCode !== undefined) {
    // The app exits with that code (ContainerProcess.exit); the kubelet only sees the exit via PLEG.
    if (proc.exit) proc.exit(a.kill.exitCode);
    else {
      c.actionError(a, 'this runtime cannot force an exit code; sending SIGKILL instead');
      proc.signal('SIGKILL');
    }
  } else proc.signal((a.kill.signal ?? 'SIGKILL') as ProcSignal);
  c.recorder.add({
    type: 'signal',
    pod: w.name,
    namespace: w.namespace,
    container: slot.name,
    signal:
      a.kill.signal ?? (a.kill.exitCode !== undefined ? `exit ${a.kill.exitCode}` : 'SIGKILL'),
    cause: { message: 'scenario action', field: { doc: a.doc, path: a.path } },
  });
}

/**
 * `node: { name, state: Rebooted }`: the machine restarts at once. Every pod bound to it loses its
 * containers and its sandbox; the kubelet, back at once, re-creates them (SandboxChanged). The
 * boot time, the node's own events and its heartbeats are not modelled.
 */
function rebootNode(c: ClusterApi, a: Extract<ScenarioAction, { node: unknown }>): void {
  const name = a.node.name;
  if (!c.hasNode(name)) return c.actionError(a, `nodes "${name}" not found`);
  for (const w of c.pods.values()) if (c.nodeOf(w) === name) w.nodeRebooted();
}
