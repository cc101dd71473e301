/**
 * The traffic summary `podsim run` prints after the watch rows: per Service, the totals, then each
 * failing stretch — consecutive seconds in which the same pod failed the same way — with its count.
 */
import { trafficByService } from './trafficJson.ts';
import type { TrafficError, TrafficSecond } from './types.ts';

interface Stretch {
  from: number;
  to: number;
  count: number;
  error: TrafficError;
  pod?: string;
}

export function formatTrafficSummary(seconds: readonly TrafficSecond[]): string {
  const out: string[] = [];
  for (const [k, list] of [...trafficByService(seconds)].sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  )) {
    const sum = (f: 'sent' | 'ok' | 'failed') => list.reduce((n, s) => n + s[f], 0);
    const errors = new Map<string, number>();
    for (const s of list)
      for (const [e, n] of Object.entries(s.errors)) errors.set(e, (errors.get(e) ?? 0) + (n ?? 0));
    const why = [...errors].map(([e, n]) => `${n} ${e}`).join(', ');
    out.push(
      `service/${k}: ${sum('sent')} requests, ${sum('ok')} ok, ${sum('failed')} failed${why ? ` (${why})` : ''}`,
    );
    for (const st of stretches(list))
      out.push(
        `  ${fmt(st.from)}${st.to > st.from + 1 ? `-${fmt(st.to)}` : ''}  ${st.count} ${st.error}  ${st.pod ? `pod/${st.pod}` : 'no endpoint'}`,
      );
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

const fmt = (t: number) => `${t}s`;

function stretches(list: readonly TrafficSecond[]): Stretch[] {
  const done: Stretch[] = [];
  const open = new Map<string, Stretch>();
  for (const s of list) {
    for (const f of s.failures) {
      const k = `${f.pod ?? ''}\u0000${f.error}`;
      const st = open.get(k);
      if (st && st.to === s.t) {
        st.to = s.t + 1;
        st.count += f.count;
      } else {
        if (st) done.push(st);
        const fresh: Stretch = { from: s.t, to: s.t + 1, count: f.count, error: f.error };
        if (f.pod) fresh.pod = f.pod;
        open.set(k, fresh);
      }
    }
  }
  done.push(...open.values());
  return done.sort((a, b) => a.from - b.from);
}
