/** The `traffic` object of `podsim run --json` (DESIGN §4): per Service, one entry per second with requests. */
import { dict } from './dict.ts';
import { objectKey } from './objectKey.ts';
import type { TrafficFailure, TrafficSecond } from './types.ts';

export interface PodsimTrafficSecond {
  t: number;
  sent: number;
  ok: number;
  failed: number;
  errors: TrafficSecond['errors'];
  /** Who failed them and when (present when some failed). */
  failures?: TrafficFailure[];
}

/** Traffic seconds by Service key (objectKey), each list in time order. */
export function trafficByService(seconds: readonly TrafficSecond[]): Map<string, TrafficSecond[]> {
  const out = new Map<string, TrafficSecond[]>();
  for (const s of seconds) {
    const k = objectKey(s.namespace, s.service);
    const list = out.get(k);
    if (list) list.push(s);
    else out.set(k, [s]);
  }
  return out;
}

export function trafficJson(
  seconds: readonly TrafficSecond[] | undefined,
): Record<string, PodsimTrafficSecond[]> | undefined {
  if (!seconds) return undefined;
  const out = dict<PodsimTrafficSecond[]>();
  for (const [k, list] of trafficByService(seconds))
    out[k] = list.map((s) => ({
      t: s.t,
      sent: s.sent,
      ok: s.ok,
      failed: s.failed,
      errors: s.errors,
      ...(s.failures.length > 0 ? { failures: s.failures } : {}),
    }));
  return out;
}
