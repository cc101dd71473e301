/**
 * Lifecycle hook handlers (kubelet `lifecycle/handlers.go`, reference §10): exec (fails on exit ≠ 0,
 * no timeout), httpGet (fails only on a transport error; the status code is ignored), sleep (fails
 * only if interrupted), tcpSocket (deprecated, no effect).
 */
import type { DefaultedContainer, DefaultedLifecycleHandler } from '../../../k8s/types.ts';
import type { Ms } from '../../clock/types.ts';
import { Signal, waitAny, type Task } from '../task.ts';
import type { PodWorker } from '../types.ts';
import type { Instance, Slot } from '../types.ts';

export interface HookOutcome {
  result: 'success' | 'failure' | 'abandoned';
  output: string;
}

/** Run a hook; stop waiting after `limitMs` (preStop is cut off at the grace period). */
export function* runHook(
  w: PodWorker,
  slot: Slot,
  inst: Instance,
  hook: 'postStart' | 'preStop',
  h: DefaultedLifecycleHandler,
  limitMs?: Ms,
): Task<HookOutcome> {
  const field = { doc: w.doc, path: `${slot.base}.lifecycle.${hook}` };
  const base = { pod: w.name, namespace: w.namespace, container: slot.name, hook } as const;
  w.env.recorder.add({
    type: 'hook',
    ...base,
    phase: 'start',
    cause: { message: `${hook} hook of ${slot.name}`, field },
  });
  const o: HookOutcome = h.exec
    ? yield* execHook(w, inst, h.exec.command ?? [], `${field.path}.exec.command`, limitMs)
    : h.httpGet
      ? httpGetHook(w, slot, h.httpGet)
      : h.sleep
        ? yield* sleepHook(w, inst, h.sleep.seconds * 1000, limitMs)
        : { result: 'success', output: '' };
  w.env.recorder.add({
    type: 'hook',
    ...base,
    phase: 'end',
    result: o.result,
    ...(o.output ? { output: o.output } : {}),
  });
  return o;
}

function* execHook(
  w: PodWorker,
  inst: Instance,
  command: string[],
  path: string,
  limitMs: Ms | undefined,
): Task<HookOutcome> {
  let out: HookOutcome | undefined;
  const finished = new Signal();
  const handle = inst.proc.exec(command, { field: { doc: w.doc, path } }, (r) => {
    // handlers.go: RunInContainer's error (a non-zero exit, or an exec that could not start at
    // all: binary missing, container stopped — ExecResult.startError) is a hook failure.
    out = { result: r.exitCode === 0 && !r.startError ? 'success' : 'failure', output: r.output };
    finished.fire();
  });
  if (!out) yield waitAny(w.env.clock, [finished.register, inst.exited.register], limitMs);
  if (out) return out;
  handle.cancel();
  return limitMs === undefined
    ? { result: 'failure', output: 'container exited before the hook finished' }
    : { result: 'abandoned', output: '' };
}

function httpGetHook(
  w: PodWorker,
  slot: Slot,
  g: NonNullable<DefaultedLifecycleHandler['httpGet']>,
): HookOutcome {
  const p = resolveHookPort(g.port, slot.spec);
  if ('error' in p) return { result: 'failure', output: p.error };
  const host = g.host || w.podIP || '';
  const r = w.sandbox?.httpGet({ host, port: p.port, path: g.path });
  if (!r || !r.ok)
    return {
      result: 'failure',
      output: `Get "http://${host}:${p.port}${g.path}": ${r && !r.ok ? r.error : 'no sandbox'}`,
    };
  return { result: 'success', output: '' };
}

function* sleepHook(
  w: PodWorker,
  inst: Instance,
  ms: Ms,
  limitMs: Ms | undefined,
): Task<HookOutcome> {
  const clock = w.env.clock;
  const start = clock.now();
  yield waitAny(clock, [inst.exited.register], limitMs === undefined ? ms : Math.min(ms, limitMs));
  if (clock.now() - start >= ms) return { result: 'success', output: '' };
  if (inst.exited.fired)
    return { result: 'failure', output: 'container terminated before sleep hook finished' };
  return { result: 'abandoned', output: '' };
}

/**
 * A hook's port (`lifecycle/handlers.go` resolvePort): a number, a numeric string, or a named port;
 * otherwise `couldn't find port: …` (upstream prints the whole container struct after `in`).
 */
export function resolveHookPort(
  port: number | string | undefined,
  container: DefaultedContainer,
): { port: number } | { error: string } {
  if (typeof port === 'number') return { port };
  if (port === undefined) return { error: 'port is required' };
  if (/^\d+$/.test(port)) return { port: parseInt(port, 10) };
  const found = (container.ports ?? []).find((p) => p.name === port);
  if (!found) return { error: `couldn't find port: ${port} in ${container.name}` };
  return { port: found.containerPort };
}
