/** The tabbed panels at the cursor time. */
import { useState } from 'react';
import type { Diagnostic } from '../../k8s/types.ts';
import type { SimulationState } from '../worker/useSimulation.ts';
import { ProblemsPanel } from './ProblemsPanel.tsx';

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
type TabId = (typeof TABS)[number]['id'];

export interface PanelsProps {
  sim: SimulationState;
  cursor: number;
  diagnostics: readonly Diagnostic[];
  onReveal(d: Diagnostic): void;
  yaml: string;
  onYaml(text: string): void;
}

export function Panels(p: PanelsProps) {
  const [tab, setTab] = useState<TabId>('pods');
  const count = p.diagnostics.length;
  return (
    <div className="panels">
      <div role="tablist" aria-label="Panels" className="tabs">
        {TABS.map((t) => (
          <button
            key={t.id}
            role="tab"
            type="button"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            className={tab === t.id ? 'on' : ''}
            onClick={() => setTab(t.id)}
          >
            {t.label}
            {t.id === 'problems' && count ? <span className="count">{count}</span> : null}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`panel-${tab}`}
        aria-labelledby={`tab-${tab}`}
        className="panel-body"
      >
        {tab === 'problems' ? (
          <ProblemsPanel diagnostics={p.diagnostics} onReveal={p.onReveal} />
        ) : (
          <p className="empty">…</p>
        )}
      </div>
    </div>
  );
}
