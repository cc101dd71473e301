/** `podsim logs POD [-c C] [--previous] FILE` */
import { podSnapshot, readLogs, type TraceIndex } from '../../sim/trace/index.ts';
import { podKeyIn, type CommandOutput } from './get.ts';

export function logsCommand(
  idx: TraceIndex,
  t: number,
  pod: string,
  container: string | undefined,
  previous: boolean,
  namespace = 'default',
): CommandOutput {
  const key = podKeyIn({ namespace }, pod);
  const snap = key === undefined ? undefined : podSnapshot(idx, key, t);
  if (key === undefined || !snap) {
    return {
      stdout: '',
      stderr: `Error from server (NotFound): pods "${pod}" not found\n`,
      code: 1,
    };
  }
  let stderr = '';
  let name = container;
  if (name === undefined) {
    // kubectl: the default-container annotation, else the first container, with a notice.
    const spec = snap.pod.spec;
    const annotated = snap.pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
    name = annotated ?? spec?.containers[0]?.name ?? '';
    // kubectl podcmd.AllContainerNames: containers, then ephemeral, then init containers.
    const all = [
      ...(spec?.containers ?? []).map((c) => c.name),
      ...(spec?.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`),
      ...(spec?.initContainers ?? []).map((c) => `${c.name} (init)`),
    ];
    if (annotated === undefined && all.length > 1) {
      stderr = `Defaulted container "${name}" out of: ${all.join(', ')}\n`;
    }
  }
  const r = readLogs(idx, key, name, t, { previous });
  if (!r.ok) return { stdout: '', stderr: `${stderr}${r.error}\n`, code: 1 };
  return { stdout: r.text, ...(stderr ? { stderr } : {}), code: 0 };
}
