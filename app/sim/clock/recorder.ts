/**
 * The trace sink: stamps records with the clock's current time (seconds) and appends them.
 * Lives beside the clock because every record's `t` is the clock's `now()`.
 */
import type { TraceRecord } from '../trace/types.ts';
import type { Scheduler } from './types.ts';

type Stamped<R> = R extends TraceRecord ? Omit<R, 't'> : never;
export type TraceInput = Stamped<TraceRecord>;

export class Recorder {
  readonly records: TraceRecord[] = [];
  constructor(private readonly clock: Scheduler) {}

  /** Current simulated time in seconds. */
  nowS(): number {
    return this.clock.now() / 1000;
  }

  add(record: TraceInput): void {
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
    this.records.push({
      t: this.clock.now() / 1000,
      type: 'log',
      pod,
      namespace,
      container,
      instance,
      stream,
      line,
    });
  }

  /** The hot path (one record per probe attempt): no spread, no optional fields. */
  probe(
    pod: string,
    namespace: string,
    container: string,
    probe: 'startup' | 'readiness' | 'liveness',
    result: 'success' | 'failure' | 'warning',
  ): void {
    this.records.push({
      t: this.clock.now() / 1000,
      type: 'probe',
      pod,
      namespace,
      container,
      probe,
      result,
    });
  }
}
