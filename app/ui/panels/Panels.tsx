/** The tabbed panels at the cursor time. */
import { lazy, Suspense, useDeferredValue, useMemo, useState } from 'react';
import type { Diagnostic } from '../../k8s/types.ts';
import { podAt, podNames } from '../../sim/trace/index.ts';
import { placeholderText } from '../simStatusText.ts';
import type { SimulationState } from '../worker/useSimulation.ts';
import { DescribePanel } from './DescribePanel.tsx';
import { EndpointsPanel } from './EndpointsPanel.tsx';
import { LogsPanel } from './LogsPanel.tsx';
import { PodsPanel } from './PodsPanel.tsx';
import { ProblemsPanel } from './ProblemsPanel.tsx';
import { useTraceIndex } from './useTraceIndex.ts';

const StatechartPanel = lazy(() => import('../statechart/StatechartPanel.tsx'));
const ActPanel = lazy(() => import('../actions/ActPanel.tsx'));

const TABS = [
  { id: 'pods', label: 'get pods' },
  { id: 'describe', label: 'describe' },
  { id: 'yaml', label: 'status YAML' },
  { id: 'endpoints', label: 'endpointslices' },
  { id: 'logs', label: 'logs' },
  { id: 'statechart', label: 'statechart' },
  { id: 'act', label: 'act' },
  { id: 'problems', label: 'problems' },
] as const;
export type TabId = (typeof TABS)[number]['id'];

export interface PanelsProps {
  sim: SimulationState;
  cursor: number;
  diagnostics: readonly Diagnostic[];
  onReveal(d: Diagnostic): void;
  yaml: string;
  onYaml(text: string): void;
  tab: TabId;
  onTab(tab: TabId): void;
}

export function Panels(p: PanelsProps) {
  const { tab, onTab } = p;
  const t = useDeferredValue(p.cursor);
  // Deferred: a new run paints the timeline first; the kubectl views follow in a later render.
  // A large run's index is built in slices (useTraceIndex); result and idx always belong together.
  const indexed = useTraceIndex(useDeferredValue(p.sim.valid?.result));
  const result = indexed?.result;
  const idx = indexed?.idx;
  const pods = useMemo(() => (idx ? podNames(idx) : []), [idx]);
  const [podChoice, setPod] = useState('');
  const [containerChoice, setContainer] = useState('');
  const pod = pods.includes(podChoice) ? podChoice : pods[0];
  const track = idx && pod ? podAt(idx, pod, t) : undefined;
  const containers = useMemo(() => (track ? [...track.containers.keys()] : []), [track]);
  const container = containers.includes(containerChoice) ? containerChoice : containers[0];
  const count = p.diagnostics.length;

  let body: React.ReactNode = <p className="empty">{placeholderText(p.sim.latest)}</p>;
  if (tab === 'problems')
    body = <ProblemsPanel diagnostics={p.diagnostics} onReveal={p.onReveal} />;
  else if (idx && result) {
    const pick = { pods, pod, onPod: setPod };
    if (tab === 'pods') body = <PodsPanel idx={idx} t={t} />;
    else if (tab === 'describe' || tab === 'yaml')
      body = <DescribePanel idx={idx} t={t} {...pick} mode={tab} />;
    else if (tab === 'endpoints') body = <EndpointsPanel idx={idx} t={t} />;
    else if (tab === 'logs')
      body = (
        <LogsPanel
          idx={idx}
          t={t}
          {...pick}
          containers={containers}
          container={container}
          onContainer={setContainer}
        />
      );
    else if (tab === 'statechart')
      body = (
        <StatechartPanel result={result} t={t} pods={pods} pod={pod} containers={containers} />
      );
    else if (tab === 'act')
      body = (
        <ActPanel
          t={p.cursor}
          yaml={p.yaml}
          onYaml={p.onYaml}
          pod={pod}
          containers={containers}
          trace={result.trace}
        />
      );
  }

  return (
    <div className="panels">
      <div role="tablist" aria-label="Panels" className="tabs">
        {TABS.map((x) => (
          <button
            key={x.id}
            role="tab"
            type="button"
            id={`tab-${x.id}`}
            aria-selected={tab === x.id}
            aria-controls={`panel-${x.id}`}
            className={tab === x.id ? 'on' : ''}
            onClick={() => onTab(x.id)}
          >
            {x.label}
            {x.id === 'problems' && count ? <span className="count">{count}</span> : null}
          </button>
        ))}
        {tab === 'act' && pods.length > 1 ? (
          <select
            className="tab-pod"
            aria-label="Act on pod"
            value={pod}
            onChange={(e) => setPod(e.target.value)}
          >
            {pods.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        ) : null}
      </div>
      <div
        role="tabpanel"
        id={`panel-${tab}`}
        aria-labelledby={`tab-${tab}`}
        className="panel-body"
      >
        <Suspense fallback={<p className="empty">Loading…</p>}>{body}</Suspense>
      </div>
    </div>
  );
}
