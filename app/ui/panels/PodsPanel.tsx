import { memo, useState } from 'react';
import {
  formatPodsTable,
  formatWatchTable,
  getPodRows,
  type TraceIndex,
} from '../../sim/trace/index.ts';
import { formatDuration } from '../lib/time.ts';
import { Kubectl } from './Kubectl.tsx';

/** `kubectl get pods` at t, or the `-w` history up to t. */
export const PodsPanel = memo(function PodsPanel({ idx, t }: { idx: TraceIndex; t: number }) {
  const [watch, setWatch] = useState(false);
  const rows = getPodRows(idx, t);
  return (
    <>
      <div className="panel-bar">
        <label>
          <input type="checkbox" checked={watch} onChange={(e) => setWatch(e.target.checked)} /> -w
          (history up to t)
        </label>
        <span className="dim">at t = {formatDuration(t)}</span>
      </div>
      {watch ? (
        <Kubectl
          command="kubectl get pods -w"
          output={formatWatchTable(idx, { upTo: t, formatT: formatDuration, t: 'column' })}
          testId="kubectl-output"
        />
      ) : (
        <Kubectl
          command="kubectl get pods"
          output={
            rows.length ? formatPodsTable(rows) : 'No resources found in default namespace.\n'
          }
          testId="kubectl-output"
        />
      )}
    </>
  );
});
