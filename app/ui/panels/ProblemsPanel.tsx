import type { Diagnostic } from '../../k8s/types.ts';

/** The diagnostics of the newest run; clicking one reveals its line in the editor. */
export function ProblemsPanel({
  diagnostics,
  onReveal,
}: {
  diagnostics: readonly Diagnostic[];
  onReveal(d: Diagnostic): void;
}) {
  if (diagnostics.length === 0) return <p className="empty">No problems.</p>;
  return (
    <ul className="problems" aria-label="Problems">
      {diagnostics.map((d, i) => (
        <li key={i}>
          <button type="button" className={`problem sev-${d.severity}`} onClick={() => onReveal(d)}>
            <span className="sev">{d.severity}</span>
            <span className="where">
              {d.line}:{d.column}
            </span>
            <span className="msg">{d.message}</span>
            {d.code ? <span className="code">{d.code}</span> : null}
          </button>
        </li>
      ))}
    </ul>
  );
}
