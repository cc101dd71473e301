import { memo, useState } from 'react';
import {
  formatPodsTable,
  formatWatchTable,
  getPodRows,
  usesNamespaces,
  type TraceIndex,
} from '../../sim/trace/index.ts';
import { formatDuration } from '../lib/time.ts';
import { Kubectl } from './Kubectl.tsx';

/**
 * `kubectl get pods` at t, or the `-w` history up to t; of every namespace, shown as `-A` shows
 * them when a pod is outside `default`.
 */
export const PodsPanel = memo(function PodsPanel({ idx, t }: { idx: TraceIndex; t: number }) {
  const [watch, setWatch] = useState(false);
  const rows = getPodRows(idx, t);
  const all = usesNamespaces(idx);
  const flag = all ? ' -A' : '';
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
          command={`kubectl get pods -w${flag}`}
          output={formatWatchTable(idx, {
            upTo: t,
            formatT: formatDuration,
            t: 'column',
            namespaceColumn: all,
          })}
          testId="kubectl-output"
        />
      ) : (
        <Kubectl
          command={`kubectl get pods${flag}`}
          output={formatPodsTable(rows, { allNamespaces: all })}
          testId="kubectl-output"
        />
      )}
    </>
  );
});
