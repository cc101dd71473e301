/** Pod (and optionally container) selectors shared by the panels. */
export interface PodPickerProps {
  pods: readonly string[];
  pod: string | undefined;
  onPod(p: string): void;
  containers?: readonly string[];
  container?: string | undefined;
  onContainer?(c: string): void;
}

export function PodPicker(p: PodPickerProps) {
  return (
    <>
      <label>
        pod{' '}
        <select value={p.pod ?? ''} onChange={(e) => p.onPod(e.target.value)} aria-label="Pod">
          {p.pods.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      {p.containers && p.onContainer ? (
        <label>
          container{' '}
          <select
            value={p.container ?? ''}
            onChange={(e) => p.onContainer?.(e.target.value)}
            aria-label="Container"
          >
            {p.containers.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </>
  );
}
