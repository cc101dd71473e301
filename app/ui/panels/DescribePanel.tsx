import { memo } from 'react';
import { describePod, kubectlName, podYaml, type TraceIndex } from '../../sim/trace/index.ts';
import { Kubectl } from './Kubectl.tsx';
import { PodPicker } from './PodPicker.tsx';

/** `kubectl describe pod` (with Events) or `kubectl get pod -o yaml` at t. */
export const DescribePanel = memo(function DescribePanel(p: {
  idx: TraceIndex;
  t: number;
  pods: readonly string[];
  pod: string | undefined;
  onPod(p: string): void;
  mode: 'describe' | 'yaml';
}) {
  const name = p.pod;
  let out = 'No pods.\n';
  if (name) out = p.mode === 'describe' ? describePod(p.idx, name, p.t) : podYaml(p.idx, name, p.t);
  return (
    <>
      <div className="panel-bar">
        <PodPicker pods={p.pods} pod={name} onPod={p.onPod} />
      </div>
      <Kubectl
        command={
          p.mode === 'describe'
            ? `kubectl describe pod ${kubectlName(name ?? '')}`
            : `kubectl get pod ${kubectlName(name ?? '')} -o yaml`
        }
        output={out}
        testId={`${p.mode}-output`}
      />
    </>
  );
});
