/** Checks an example promise against the `podsim --json` projection of a run. */
import { DEFAULT_NAMESPACE, eventKey, type PodsimJson } from '../sim/trace/index.ts';
import type { ExamplePromise, Subject } from './promises.ts';

export type Series = { t: number; value: string }[];
export type CheckResult = { ok: true } | { ok: false; message: string };

const list = (pods: readonly string[]) => (pods.length === 0 ? 'none' : [...pods].sort().join(','));

/** The subject's value over time, one point per change (as podsim lists them). */
export function getSeries(json: PodsimJson, subject: Subject): Series | string {
  if (subject.kind === 'service') {
    const points = json.endpoints[subject.service] ?? [];
    return points.map((p) => ({ t: p.t, value: list(p[subject.field]) }));
  }
  const pod = json.pods[subject.pod];
  if (!pod)
    return `pod ${subject.pod} is not in the run (pods: ${Object.keys(json.pods).join(', ') || 'none'})`;
  switch (subject.kind) {
    case 'pod': {
      const field = subject.field;
      if (field === 'phase') return pod.phase.map((p) => ({ t: p.t, value: p.value }));
      if (field === 'node') {
        if (!pod.node)
          return 'the run has no node series: give the scenario Node documents or spec.nodes';
        const created = pod.rows[0]?.t ?? 0;
        const first = pod.node[0];
        // Before the pod is bound there is no node: `none` from its creation.
        const unbound = !first || first.t > created ? [{ t: created, value: 'none' }] : [];
        return [...unbound, ...pod.node.map((p) => ({ t: p.t, value: p.value }))];
      }
      return pod.rows.map((r) => ({ t: r.t, value: String(r[field]) }));
    }
    case 'condition': {
      const points = pod.conditions[subject.condition] ?? [];
      return points.map((p) => ({ t: p.t, value: p.status }));
    }
    case 'container': {
      const c = pod.containers[subject.container];
      if (!c) return `container ${subject.pod}/${subject.container} is not in the run`;
      switch (subject.field) {
        case 'state':
          return c.state.map((p) => ({ t: p.t, value: p.state }));
        case 'reason':
          return c.state.map((p) => ({ t: p.t, value: p.reason ?? 'none' }));
        case 'exitCode':
          return c.state.map((p) => ({
            t: p.t,
            value: p.exitCode === undefined ? 'none' : String(p.exitCode),
          }));
        case 'ready':
          return c.ready.map((p) => ({ t: p.t, value: String(p.value) }));
        case 'started':
          return c.started.map((p) => ({ t: p.t, value: String(p.value) }));
        case 'restarts':
          return c.restartCount.map((p) => ({ t: p.t, value: String(p.value) }));
      }
    }
  }
}

/** Value at time t: the last point at or before t (`<none>` before the first point). */
export function valueAt(series: Series, t: number, initial = '<none>'): string {
  let value = initial;
  for (const p of series) {
    if (p.t <= t + 1e-9) value = p.value;
    else break;
  }
  return value;
}

const fmt = (t: number) => `${Math.round(t * 1000) / 1000}s`;
const show = (series: Series) =>
  series.length === 0 ? '(no values)' : series.map((p) => `${p.value}@${fmt(p.t)}`).join(' ');

export function checkPromise(json: PodsimJson, promise: ExamplePromise): CheckResult {
  const fail = (why: string): CheckResult => ({ ok: false, message: `${promise.text}: ${why}` });
  if (promise.kind === 'event' || promise.kind === 'no-event') {
    // The promise names the object by key (pod/team-a/web); the JSON's object is kubectl's pod/web.
    const hits = json.events.filter(
      (e) =>
        eventKey({ object: e.object, namespace: e.namespace ?? DEFAULT_NAMESPACE }) ===
          promise.object && e.reason === promise.reason,
    );
    if (promise.kind === 'no-event') {
      return hits.length === 0
        ? { ok: true }
        : fail(`a ${promise.reason} event came at ${fmt(hits[0]!.t)}`);
    }
    const first = hits[0];
    if (!first) return fail(`no ${promise.reason} event for ${promise.object}`);
    if (first.t < promise.from - 1e-9 || first.t > promise.to + 1e-9) {
      return fail(`the first ${promise.reason} event came at ${fmt(first.t)}`);
    }
    return { ok: true };
  }
  if (promise.kind === 'traffic') {
    const list = json.traffic?.[promise.service];
    if (!list) return fail(`no traffic to Service ${promise.service}`);
    const { field, from, to } = promise;
    const n = list.filter((s) => s.t >= from && s.t < to).reduce((a, s) => a + s[field], 0);
    return n === promise.value ? { ok: true } : fail(`${field} is ${n}`);
  }
  const series = getSeries(json, promise.subject);
  if (typeof series === 'string') return fail(series);
  /** A Service with no endpoint record yet has no endpoints. */
  const initial = promise.subject.kind === 'service' ? 'none' : '<none>';
  switch (promise.kind) {
    case 'at': {
      const v = valueAt(series, promise.at, initial);
      return v === promise.value ? { ok: true } : fail(`it is ${v} (series: ${show(series)})`);
    }
    case 'becomes': {
      const first = series.find((p) => p.value === promise.value);
      if (!first) return fail(`it never becomes ${promise.value} (series: ${show(series)})`);
      if (first.t < promise.from - 1e-9 || first.t > promise.to + 1e-9) {
        return fail(
          `it first becomes ${promise.value} at ${fmt(first.t)} (series: ${show(series)})`,
        );
      }
      return { ok: true };
    }
    case 'stays': {
      const start = valueAt(series, promise.from, initial);
      if (start !== promise.value)
        return fail(`at ${fmt(promise.from)} it is ${start} (series: ${show(series)})`);
      const change = series.find(
        (p) => p.t > promise.from + 1e-9 && p.t <= promise.to + 1e-9 && p.value !== promise.value,
      );
      return change
        ? fail(`it changes to ${change.value} at ${fmt(change.t)} (series: ${show(series)})`)
        : { ok: true };
    }
  }
}
