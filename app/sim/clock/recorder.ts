/**
 * The trace sink: stamps records with the clock's current time (seconds) and appends them.
 * Lives beside the clock because every record's `t` is the clock's `now()`.
 *
 * Compaction (DESIGN §6: ≤ 1 000 records per busy pod-hour). A hot-path probe attempt that repeats
 * the previous attempt of the same probe one period later, and an access-log line that repeats the
 * previous one of its container one period later with only its time changed, extend that record
 * into a run (`probe.run`, `log.run`) instead of adding one; trace/expand.ts gives every attempt
 * and line back. An extension is a record that is not in the array, so it must land at the same
 * place among its pod's records when expanded: expand.ts puts a member due at T after every record
 * at T (probe ticks run in the clock's late lane, after everything else due then) and orders the
 * members due at the same T by (longer period first, then older run) — the order of the probe
 * tickers (one armed longer ago fires first). The recorder only extends in that order; and when a
 * record of the pod arrives at T after members counted at T (`settle`), those members become
 * records of their own first. Either way the pod's records expand in the order they happened.
 * Records of different pods at the same instant may come back in another order: no projection
 * relates them.
 */
import type { LogRunRecord, ProbeRunRecord, ProbeType, TraceRecord } from '../trace/types.ts';
import type { Scheduler } from './types.ts';
import { clfTime } from './wallTime.ts';

type Stamped<R> = R extends TraceRecord ? Omit<R, 't'> : never;
export type TraceInput = Stamped<TraceRecord>;

type ProbeResult = 'success' | 'failure' | 'warning';
type LogRecord = Extract<TraceRecord, { type: 'log' }>;
type ProbeRecord = Extract<TraceRecord, { type: 'probe' }>;

/** A record that may still grow into a run (its position, time of its last member, period). */
interface OpenRun {
  key: string;
  pos: number;
  lastMs: number;
  /** 0 until the second member fixes it. */
  everyMs: number;
  n: number;
  /** For a log line: the text around its time stamp. */
  stamp?: [string, string];
  /** For a probe: the result every member has. */
  result?: ProbeResult;
}

/** The pod a hot-path record is for, and its key among the marks. */
interface PodAt {
  pod: string;
  namespace: string;
  key: string;
}

/** The extensions made for a pod at `ms` so far, in the order they were made. */
interface PodMark {
  ms: number;
  exts: OpenRun[];
}

/** The pod a record belongs to, as `NAMESPACE\0NAME` (the key of its marks). */
function podOf(r: TraceInput): string | undefined {
  if ('pod' in r && 'namespace' in r) return `${r.namespace}\0${r.pod}`;
  if (r.type === 'event' && r.object.startsWith('pod/'))
    return `${r.namespace}\0${r.object.slice(4)}`;
  if (r.type === 'machine') return `${r.namespace}\0${r.actor.split('/')[1] ?? ''}`;
  return undefined;
}

/** The text of `line` around the time stamp of `ms`, if it prints one. */
function stampOf(line: string, ms: number): [string, string] | undefined {
  const s = clfTime(ms);
  const i = line.indexOf(s);
  return i < 0 ? undefined : [line.slice(0, i), line.slice(i + s.length)];
}

/** `line === stamp[0] + time + stamp[1]`, without building the string (the hot path). */
function stamped(line: string, stamp: [string, string], time: string): boolean {
  const [a, b] = stamp;
  return (
    line.length === a.length + time.length + b.length &&
    line.startsWith(a) &&
    line.startsWith(time, a.length) &&
    line.endsWith(b)
  );
}

/**
 * Expansion order of members due at the same instant (longer period first, then older run): does
 * `a`'s come before that of run `b` with period `everyMs`?
 */
const sortsBefore = (a: OpenRun, everyMs: number, b: OpenRun) =>
  a.everyMs !== everyMs ? a.everyMs > everyMs : a.pos < b.pos;

export class Recorder {
  readonly records: TraceRecord[] = [];
  private readonly probes = new Map<string, OpenRun>();
  private readonly logs = new Map<string, OpenRun[]>();
  private readonly marks = new Map<string, PodMark>();

  constructor(
    private readonly clock: Scheduler,
    /** Off: one record per attempt and line, as before compaction (tests compare the two). */
    private readonly compact = true,
  ) {}

  /** Current simulated time in seconds. */
  nowS(): number {
    return this.clock.now() / 1000;
  }

  add(record: TraceInput): void {
    const pod = podOf(record);
    if (pod !== undefined) {
      this.settle(pod);
      if (record.type === 'probe')
        this.probes.delete(`${pod}\0${record.container}\0${record.probe}`);
    }
    this.records.push({ t: this.nowS(), ...record } as TraceRecord);
  }

  /** Hot path too: servers log every probe request (nginx access log). */
  log(
    pod: string,
    namespace: string,
    container: string,
    instance: number,
    stream: 'stdout' | 'stderr',
    line: string,
  ) {
    this.logSink(pod, namespace, container, instance)(stream, line);
  }

  /** `log` for one container instance, its keys built once (a server logs every request). */
  logSink(pod: string, namespace: string, container: string, instance: number) {
    const at = { pod, namespace, key: `${namespace}\0${pod}` };
    const out = `${at.key}\0${container}\0${instance}\0stdout`;
    const err = `${at.key}\0${container}\0${instance}\0stderr`;
    return (stream: 'stdout' | 'stderr', line: string) =>
      this.logKeyed(stream === 'stdout' ? out : err, at, container, instance, stream, line);
  }

  /** The hot path (one record per probe attempt): no spread, no optional fields. */
  probe(
    pod: string,
    namespace: string,
    container: string,
    probe: ProbeType,
    result: ProbeResult,
  ): void {
    this.probeSink(pod, namespace, container, probe)(result);
  }

  /** `probe` for one probe worker, its key built once. */
  probeSink(pod: string, namespace: string, container: string, probe: ProbeType) {
    const at = { pod, namespace, key: `${namespace}\0${pod}` };
    const key = `${at.key}\0${container}\0${probe}`;
    return (result: ProbeResult) => this.probeKeyed(key, at, container, probe, result);
  }

  private logKeyed(
    key: string,
    at: PodAt,
    container: string,
    instance: number,
    stream: 'stdout' | 'stderr',
    line: string,
  ): void {
    const now = this.clock.now();
    let open = this.compact ? this.logs.get(key) : undefined;
    if (open) {
      const time = clfTime(now);
      // Identical lines (two probes of one container): the member expansion puts first goes first.
      let best: OpenRun | undefined;
      let bestEvery = 0;
      for (const run of open) {
        const every = run.everyMs || now - run.lastMs;
        if (every <= 0 || now !== run.lastMs + every) continue;
        if (!stamped(line, run.stamp!, time)) continue;
        if (!this.allowed(at.key, run, every)) continue;
        if (!best || every > bestEvery || (every === bestEvery && run.pos < best.pos)) {
          best = run;
          bestEvery = every;
        }
      }
      if (best) {
        this.extend(at.key, best, now);
        return;
      }
      open = open.filter((r) => r.everyMs === 0 || r.lastMs + r.everyMs >= now);
      this.logs.set(key, open);
    }
    const rec: LogRecord = {
      t: now / 1000,
      type: 'log',
      pod: at.pod,
      namespace: at.namespace,
      container,
      instance,
      stream,
      line,
    };
    if (!this.compact) {
      this.records.push(rec);
      return;
    }
    this.settle(at.key);
    this.openLog(key, this.push(rec), now, line);
  }

  private probeKeyed(
    key: string,
    at: PodAt,
    container: string,
    probe: ProbeType,
    result: ProbeResult,
  ): void {
    const now = this.clock.now();
    const open = this.compact ? this.probes.get(key) : undefined;
    if (open && open.result === result) {
      const every = open.everyMs || now - open.lastMs;
      if (every > 0 && now === open.lastMs + every && this.allowed(at.key, open, every)) {
        this.extend(at.key, open, now);
        return;
      }
    }
    const rec: ProbeRecord = {
      t: now / 1000,
      type: 'probe',
      pod: at.pod,
      namespace: at.namespace,
      container,
      probe,
      result,
    };
    if (!this.compact) {
      this.records.push(rec);
      return;
    }
    this.settle(at.key);
    this.openProbe(key, this.push(rec), now, result);
  }

  private push(r: TraceRecord): number {
    this.records.push(r);
    return this.records.length - 1;
  }

  private openProbe(key: string, pos: number, now: number, result: ProbeResult): void {
    this.probes.set(key, { key, pos, lastMs: now, everyMs: 0, n: 1, result });
  }

  private openLog(key: string, pos: number, now: number, line: string): void {
    // Only a line that prints the time of its second can continue as a run.
    const stamp = stampOf(line, now);
    if (!stamp) return;
    const run: OpenRun = { key, pos, lastMs: now, everyMs: 0, n: 1, stamp };
    const open = this.logs.get(key);
    if (!open) this.logs.set(key, [run]);
    else {
      open.push(run);
      if (open.length > 8) open.shift();
    }
  }

  /** Would expansion put a member of `run` due now after the pod's extensions made so far? */
  private allowed(pod: string, run: OpenRun, everyMs: number): boolean {
    const m = this.marks.get(pod);
    if (!m || m.ms !== this.clock.now() || m.exts.length === 0) return true;
    const last = m.exts[m.exts.length - 1]!;
    return last !== run && sortsBefore(last, everyMs, run);
  }

  private extend(pod: string, run: OpenRun, now: number): void {
    run.everyMs ||= now - run.lastMs;
    run.lastMs = now;
    run.n++;
    const first = this.records[run.pos]!;
    if (run.n > 2) (first as ProbeRunRecord | LogRunRecord).n = run.n;
    else if (first.type === 'probe') {
      const { t, pod: p, namespace, container, probe, result } = first;
      const every = run.everyMs / 1000;
      this.records[run.pos] = {
        t,
        type: 'probe.run',
        pod: p,
        namespace,
        container,
        probe,
        result: result as ProbeResult,
        every,
        n: 2,
      };
    } else if (first.type === 'log')
      this.records[run.pos] = {
        ...first,
        type: 'log.run',
        stamp: run.stamp!,
        every: run.everyMs / 1000,
        n: 2,
      };
    let m = this.marks.get(pod);
    if (!m) this.marks.set(pod, (m = { ms: now, exts: [] }));
    if (m.ms !== now) {
      m.ms = now;
      m.exts = [];
    }
    m.exts.push(run);
  }

  /**
   * A record of `pod` is about to be added. Expansion puts members due now after every record at
   * this instant, so the members already counted now become records of their own first (in the
   * order they came), each the start of a new run.
   */
  private settle(pod: string): void {
    const m = this.marks.get(pod);
    const now = this.clock.now();
    if (!m || m.ms !== now || m.exts.length === 0) return;
    const exts = m.exts;
    m.exts = [];
    for (const run of exts) {
      const first = this.records[run.pos] as ProbeRunRecord | LogRunRecord;
      run.n--;
      run.lastMs -= run.everyMs;
      first.n = run.n;
      if (first.type === 'probe.run') {
        const { pod: p, namespace, container, probe, result } = first;
        const pos = this.push({
          t: now / 1000,
          type: 'probe',
          pod: p,
          namespace,
          container,
          probe,
          result,
        });
        this.openProbe(run.key, pos, now, result);
      } else {
        const { pod: p, namespace, container, instance, stream } = first;
        const line = first.stamp[0] + clfTime(now) + first.stamp[1];
        const pos = this.push({
          t: now / 1000,
          type: 'log',
          pod: p,
          namespace,
          container,
          instance,
          stream,
          line,
        });
        const open = this.logs.get(run.key);
        if (open)
          this.logs.set(
            run.key,
            open.filter((r) => r !== run),
          );
        this.openLog(run.key, pos, now, line);
      }
    }
  }
}
