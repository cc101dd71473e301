/** The Export menu's "Trace as JSON" item: what it says depends on whether the YAML still runs. */
export interface TraceExportItem {
  label: string;
  disabled: boolean;
  /** Part of the downloaded file's name, before `.trace.json`. */
  suffix: string;
}

/**
 * `stale`: the newest run failed and the trace on screen is the last valid run's. The export then
 * says so in its label and in the file name instead of passing an old run off as the current YAML's.
 */
export function traceExportItem(o: {
  hasResult: boolean;
  stale: boolean;
  errors: number;
}): TraceExportItem {
  if (!o.hasResult) return { label: 'Trace as JSON (podsim --json)', disabled: true, suffix: '' };
  if (!o.stale) return { label: 'Trace as JSON (podsim --json)', disabled: false, suffix: '' };
  const why =
    o.errors > 0
      ? `the YAML now has ${o.errors} error${o.errors > 1 ? 's' : ''}`
      : 'the newest run failed';
  return {
    label: `Trace as JSON of the last valid run (${why})`,
    disabled: false,
    suffix: '.last-valid',
  };
}
