/**
 * The `debug` scenario action: `kubectl debug -it POD --image=IMAGE [--target=C] [-c NAME] [--
 * COMMAND]` (kubectl pkg/cmd/debug/debug.go debugByEphemeralContainer → generateDebugContainer):
 * an ephemeral container appended through the pods/ephemeralcontainers subresource, named
 * `debugger-xxxxx` unless named (computeDebugContainerName), with stdin and a tty (-it). The API
 * server validates it (app/k8s/ephemeral.ts); the kubelet starts it at its next sync, once.
 */
import type { EphemeralContainer, ScenarioAction } from '../../k8s/types.ts';
import { addEphemeralContainer } from '../../k8s/ephemeral.ts';
import { generatedSuffix } from '../trace/admission.ts';
import { isStaticPod } from '../kubelet/staticPods.ts';
import type { ClusterApi } from './types.ts';

type DebugAction = Extract<ScenarioAction, { debug: unknown }>;

export function debugPod(c: ClusterApi, a: DebugAction): void {
  const d = a.debug;
  const w = c.findPod(d.pod, d.namespace);
  if (!w || w.lifecycle === 'deleted') return c.actionError(a, `pods "${d.pod}" not found`);
  // validation.go ValidatePodEphemeralContainersUpdate: a mirror pod takes none (M4.7).
  if (isStaticPod(w.pod))
    return c.actionError(
      a,
      `The Pod "${w.name}" is invalid: []: Forbidden: static pods do not support ephemeral containers`,
    );
  const taken = new Set(
    [...(w.pod.spec.ephemeralContainers ?? []), ...w.pod.spec.containers].map((x) => x.name),
  );
  let name = d.name;
  for (let n = 0; name === undefined || (d.name === undefined && taken.has(name)); n++)
    name = `debugger-${generatedSuffix(`${w.uid}/debug/${a.at}/${n}`)}`;
  const ec: EphemeralContainer = {
    name,
    image: d.image,
    stdin: true,
    tty: true,
    terminationMessagePolicy: 'File',
    ...(d.target ? { targetContainerName: d.target } : {}),
    ...(d.command === undefined
      ? {}
      : { command: typeof d.command === 'string' ? ['sh', '-c', d.command] : d.command }),
    // kubectl 1.36 defaults to the `general` profile, which adds SYS_PTRACE (profiles.go).
    ...(minor(c.profile.version) >= 36
      ? { securityContext: { capabilities: { add: ['SYS_PTRACE'] } } }
      : {}),
  };
  const r = addEphemeralContainer(w.pod, ec);
  if (!r.ok) return c.actionError(a, r.message);
  w.updatePod(r.pod);
  c.recorder.add({
    type: 'object.applied',
    source: { kind: 'Pod', name: w.name, namespace: w.namespace, doc: w.doc, object: r.pod },
  });
  c.actionResult(
    `${d.target ? `Targeting container "${d.target}". If you don't see processes from this container it may be because the container runtime doesn't support this feature.\n` : ''}${d.name ? '' : `Defaulting debug container name to ${name}.\n`}`.trimEnd(),
  );
}

function minor(version: string): number {
  return Number(version.split('.')[1] ?? 0);
}
