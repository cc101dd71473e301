/** The timeline model: rows of intervals (segments) and point marks, built once per result. */
import type { Cause } from '../../sim/trace/types.ts';

export type Tone =
  | 'pending'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'unknown'
  | 'true'
  | 'false'
  | 'waiting'
  | 'waiting-bad'
  | 'ready'
  | 'unready'
  | 'terminated-ok'
  | 'terminated-bad'
  | 'ep-ready'
  | 'ep-serving'
  | 'ep-terminating'
  | 'ep-notready';

export type MarkKind =
  | 'probe-ok'
  | 'probe-fail'
  | 'restart'
  | 'hook'
  | 'sigterm'
  | 'sigkill'
  | 'exit'
  | 'exec'
  | 'delete';

export interface Segment {
  start: number;
  end: number;
  label: string;
  tone: Tone;
  /** Segments merge only when label, tone and key match (key: the container instance). */
  key?: number;
  message?: string;
  cause?: Cause;
}

/** A point mark. Kept lean (many thousands per run): text and cause come from `trace[rec]`. */
export interface Mark {
  t: number;
  kind: MarkKind;
  /** Vertical lane inside the row (probe kinds: 0 startup, 1 readiness, 2 liveness). */
  lane: number;
  label: string;
  /** Index of the record in `result.trace`. */
  rec: number;
}

export type RowKind = 'phase' | 'condition' | 'container' | 'probes' | 'endpoint' | 'traffic';

export interface Row {
  id: string;
  kind: RowKind;
  label: string;
  /** Sub-label shown dimmed (container kind, probe lanes). */
  note?: string;
  segments: Segment[];
  /** Probe rows: the probe kinds drawn, one lane each, top to bottom. */
  lanes?: string[];
  /** Bands drawn over the segments (the pod's Terminating period on the phase row). */
  overlays?: Segment[];
  /** Sorted by time. */
  marks: Mark[];
}

export interface Group {
  id: string;
  kind: 'pod' | 'service';
  title: string;
  rows: Row[];
}

export interface TimelineModel {
  until: number;
  groups: Group[];
  /** Sorted unique times where something visible changes: targets for step prev/next. */
  stepTimes: number[];
}
