import { memo, useState } from 'react';
import { kubectlName, readLogs, type TraceIndex } from '../../sim/trace/index.ts';
import { Kubectl } from './Kubectl.tsx';
import { PodPicker } from './PodPicker.tsx';

/** `kubectl logs POD -c C [--previous]` at t. */
export const LogsPanel = memo(function LogsPanel(p: {
  idx: TraceIndex;
  t: number;
  pods: readonly string[];
  pod: string | undefined;
  onPod(p: string): void;
  containers: readonly string[];
  container: string | undefined;
  onContainer(c: string): void;
}) {
  const [previous, setPrevious] = useState(false);
  const { pod, container } = p;
  let out = '';
  if (pod && container) {
    const r = readLogs(p.idx, pod, container, p.t, { previous });
    out = r.ok ? r.text : `${r.error}\n`;
  }
  return (
    <>
      <div className="panel-bar">
        <PodPicker
          pods={p.pods}
          pod={pod}
          onPod={p.onPod}
          containers={p.containers}
          container={container}
          onContainer={p.onContainer}
        />
        <label>
          <input
            type="checkbox"
            checked={previous}
            onChange={(e) => setPrevious(e.target.checked)}
          />{' '}
          --previous
        </label>
      </div>
      <Kubectl
        command={`kubectl logs ${kubectlName(pod ?? '')} -c ${container ?? ''}${previous ? ' --previous' : ''}`}
        output={out}
        testId="logs-output"
      />
    </>
  );
});
