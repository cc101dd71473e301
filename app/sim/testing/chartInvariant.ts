/**
 * The one-source-of-truth invariant (issue 9, DESIGN §2.2), checked on a trace: after every instant,
 * each container chart's active state is the container status kubectl shows (waiting with its reason
 * class, running with ready/started, terminated), and each pod chart's phase region is the pod's
 * phase; a pod removed from the API has its chart in `worker.removed`. Pods without a kubelet (not
 * yet scheduled, or rejected by the kubelet's admission) have no chart and only their API phase.
 */
import { chartStateOf } from '../charts/containerMachine.ts';
import type { ContainerStatus, TraceRecord } from '../trace/types.ts';

export function chartMismatches(trace: readonly TraceRecord[], limit = 5): string[] {
  const machine = new Map<string, string>();
  const status = new Map<string, ContainerStatus>();
  const phase = new Map<string, string>();
  const removed = new Set<string>();
  const out: string[] = [];
  const check = (t: number) => {
    for (const [key, st] of status) {
      const chart = machine.get(key) ?? '';
      const want = chartStateOf(st);
      const ok =
        chart === want ||
        chart.startsWith(`${want}.`) ||
        chart.split(',').every((leaf) => leaf.startsWith(`${want}.`));
      if (!ok) out.push(`t=${t} ${key}: chart ${chart} but status is ${want}`);
      else if (want === 'running') {
        const ready = chart.includes('running.readiness.ready');
        const started = chart.includes('running.startup.started');
        if (ready !== st.ready) out.push(`t=${t} ${key}: chart ready=${ready}, status ${st.ready}`);
        if (started !== (st.started === true))
          out.push(`t=${t} ${key}: chart started=${started}, status ${st.started}`);
      }
    }
    for (const [pod, p] of phase) {
      // A pod no kubelet runs (not scheduled, no such node, rejected at admission) has no chart.
      if (!machine.has(`pod/${pod}`)) continue;
      const chart = machine.get(`pod/${pod}`) ?? '';
      if (!chart.split(',').includes(`phase.${p.toLowerCase()}`))
        out.push(`t=${t} pod/${pod}: chart ${chart} but phase is ${p}`);
      if (removed.has(pod) !== chart.includes('worker.removed'))
        out.push(`t=${t} pod/${pod}: chart ${chart}, removed from the API: ${removed.has(pod)}`);
    }
  };
  let lastT: number | undefined;
  for (const r of trace) {
    if (lastT !== undefined && r.t !== lastT) check(lastT);
    lastT = r.t;
    if (out.length >= limit) break;
    if (r.type === 'machine') machine.set(r.actor, r.state);
    else if (r.type === 'container.status') status.set(`pod/${r.pod}/${r.container}`, r.status);
    else if (r.type === 'pod.phase') {
      phase.set(r.pod, r.phase);
      removed.delete(r.pod);
    } else if (r.type === 'pod.deleted') removed.add(r.pod);
    else if (r.type === 'object.applied' && r.source.kind === 'Pod') {
      // A pod applied again after its deletion is a new object with a new chart.
      const name = r.source.name;
      removed.delete(name);
      phase.delete(name);
      for (const k of [...status.keys()]) if (k.startsWith(`pod/${name}/`)) status.delete(k);
    }
  }
  if (lastT !== undefined && out.length < limit) check(lastT);
  return out.slice(0, limit);
}
