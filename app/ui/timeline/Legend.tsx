/** What the colours and marks of the timeline mean. */
const SWATCHES: { tone: string; label: string }[] = [
  { tone: 'ready', label: 'running · ready · True' },
  { tone: 'unready', label: 'running, not ready' },
  { tone: 'waiting', label: 'waiting · Pending' },
  { tone: 'waiting-bad', label: 'back-off · error · False' },
  { tone: 'ep-terminating', label: 'terminating' },
];

const MARKS: { kind: string; d: string; label: string }[] = [
  { kind: 'probe-ok', d: 'M5 2v10', label: 'probe ok' },
  { kind: 'probe-fail', d: 'M5 2v10', label: 'probe failed' },
  { kind: 'sigterm', d: 'M1 2h8l-4 6z', label: 'SIGTERM / delete' },
  { kind: 'sigkill', d: 'M1 2h8l-4 6z', label: 'SIGKILL' },
  { kind: 'hook', d: 'M5 3.5l3.5 3.5l-3.5 3.5l-3.5 -3.5z', label: 'hook' },
  { kind: 'exec', d: 'M5 3.5l3.5 3.5l-3.5 3.5l-3.5 -3.5z', label: 'exec' },
  { kind: 'restart', d: 'M5 1v12', label: 'restart ↻n' },
];

export function Legend() {
  return (
    <ul className="legend" aria-label="Timeline legend">
      {SWATCHES.map((s) => (
        <li key={s.tone}>
          <svg width="14" height="10" aria-hidden="true">
            <rect className={`seg tone-${s.tone}`} width="14" height="10" rx="2" />
          </svg>
          {s.label}
        </li>
      ))}
      {MARKS.map((m) => (
        <li key={m.kind}>
          <svg width="10" height="14" aria-hidden="true">
            <path className={`mark mark-${m.kind}`} d={m.d} />
          </svg>
          {m.label}
        </li>
      ))}
    </ul>
  );
}
