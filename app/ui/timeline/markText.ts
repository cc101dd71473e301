/** Tooltip text of timeline marks, computed from their trace records on hover. */
import type { Cause, TraceRecord } from '../../sim/trace/types.ts';
import type { Mark } from './types.ts';

/** The tooltip text of a mark, from its trace record (computed on hover, not per mark). */
export function markMessage(r: TraceRecord | undefined, m: Mark): string {
  if (!r) return m.label;
  switch (r.type) {
    case 'probe': {
      let msg = `${r.probe} probe ${r.result}`;
      if (r.published) msg += ` → published ${r.published}`;
      if (r.output) msg += `: ${r.output.trim()}`;
      return msg;
    }
    case 'container.status':
      return `restart #${r.status.restartCount}`;
    case 'hook': {
      const what = r.phase === 'start' ? 'started' : (r.result ?? 'ended');
      return `${r.hook} hook ${what}${r.output ? `: ${r.output.trim()}` : ''}`;
    }
    case 'signal':
      return `${r.signal} sent to ${r.container}`;
    case 'process.exit':
      return `process exited with code ${r.exitCode} (${r.reason})`;
    case 'exec':
      return `exec ${r.command.join(' ')} → exit ${r.exitCode}${r.output ? `: ${r.output.trim()}` : ''}`;
    case 'pod.deleting':
      return `deletion requested (grace period ${r.gracePeriodSeconds}s)`;
    default:
      return m.label;
  }
}

/**
 * How many attempts in a row of this probe (same pod, container and kind) had this record's
 * result, counting back from it; a new container instance starts a new count. `error` results
 * are discarded by the kubelet and neither count nor break the run.
 */
export function probeStreak(trace: readonly TraceRecord[], rec: number): number {
  const r = trace[rec];
  if (!r || r.type !== 'probe' || r.result === 'error') return 0;
  let n = 0;
  for (let i = rec; i >= 0; i--) {
    const x = trace[i];
    if (
      !x ||
      !('pod' in x) ||
      x.pod !== r.pod ||
      x.namespace !== r.namespace ||
      !('container' in x) ||
      x.container !== r.container
    )
      continue;
    // An exit ends the instance: earlier attempts probed the previous one.
    if (x.type === 'process.exit') break;
    if (x.type !== 'probe' || x.probe !== r.probe || x.result === 'error') continue;
    if (x.result !== r.result) break;
    n++;
  }
  return n;
}

/** The cause of a mark's record, if it has one. */
export function markCause(r: TraceRecord | undefined): Cause | undefined {
  return r && 'cause' in r ? r.cause : undefined;
}
