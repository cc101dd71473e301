/**
 * `kubectl logs POD [-c C] [--previous]` at time t. The current instance is the one numbered
 * restartCount (a container waiting in CrashLoopBackOff still shows its last run), the previous one
 * restartCount − 1.
 */
import { valueAt } from './series.ts';
import { podAt, type TraceIndex } from './traceIndex.ts';
import { splitObjectKey } from './objectKey.ts';

export type LogsResult = { ok: true; text: string } | { ok: false; error: string };

/** The pod is named by its key (`web`, `team-a/web`); messages name it as kubectl does. */
export function readLogs(
  idx: TraceIndex,
  key: string,
  container: string,
  t: number,
  opts?: { previous?: boolean },
): LogsResult {
  const pod = splitObjectKey(key).name;
  const track = podAt(idx, key, t);
  if (!track) return { ok: false, error: `Error from server (NotFound): pods "${pod}" not found` };
  const c = track.containers.get(container);
  const known = [
    ...(valueAt(track.spec, t)?.spec?.initContainers ?? []),
    ...(valueAt(track.spec, t)?.spec?.containers ?? []),
    ...(valueAt(track.spec, t)?.spec?.ephemeralContainers ?? []),
  ].some((x) => x.name === container);
  if (!known) {
    return {
      ok: false,
      error: `error: container ${container} is not valid for pod ${pod}`,
    };
  }
  const status = c ? valueAt(c.status, t) : undefined;
  const instance = (status?.restartCount ?? 0) - (opts?.previous ? 1 : 0);
  const hasRun =
    status !== undefined &&
    (!('waiting' in status.state) || status.lastState !== undefined || status.restartCount > 0);
  if (opts?.previous && (instance < 0 || !hasRun)) {
    return {
      ok: false,
      error: `Error from server (BadRequest): previous terminated container "${container}" in pod "${pod}" not found`,
    };
  }
  if (!hasRun) {
    const reason =
      status && 'waiting' in status.state ? status.state.waiting.reason : 'ContainerCreating';
    return {
      ok: false,
      error: `Error from server (BadRequest): container "${container}" in pod "${pod}" is waiting to start: ${reason}`,
    };
  }
  const lines = (track.logs.get(container) ?? []).filter(
    (l) => l.t <= t && l.instance === instance,
  );
  return { ok: true, text: lines.map((l) => `${l.line}\n`).join('') };
}

/** The log text; throws an Error with kubectl's message when kubectl would fail. */
export function getLogs(
  idx: TraceIndex,
  pod: string,
  container: string,
  t: number,
  opts?: { previous?: boolean },
): string {
  const r = readLogs(idx, pod, container, t, opts);
  if (!r.ok) throw new Error(r.error);
  return r.text;
}
