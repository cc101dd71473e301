/** Draws the engine's pod or container statechart with the state active at t highlighted. */
import { useState } from 'react';
import { containerMachine } from '../../sim/machines/containerMachine.ts';
import { podMachine } from '../../sim/machines/podMachine.ts';
import type { SimResult } from '../../sim/trace/types.ts';
import { isActive, layoutChart, type ChartBox, type StateConfigLike } from './chartLayout.ts';
import { machineStates, stateAt } from './machineStates.ts';

const POD_CHART = layoutChart('pod', podMachine.config as StateConfigLike);
const CONTAINER_CHART = layoutChart('container', containerMachine.config as StateConfigLike);

function Box({
  b,
  state,
  dx,
  dy,
}: {
  b: ChartBox;
  state: string | undefined;
  dx: number;
  dy: number;
}) {
  const x = dx + b.x;
  const y = dy + b.y;
  const active = isActive(b.path, state);
  const leaf = b.children.length === 0;
  return (
    <g
      className={`sc-state sc-${b.kind}${active ? ' is-active' : ''}`}
      data-state={b.path}
      data-active={active}
    >
      <rect x={x} y={y} width={b.w} height={b.h} rx={leaf ? 6 : 8} />
      {b.initial ? (
        <circle className="sc-initial" cx={x - 3} cy={y + (leaf ? b.h / 2 : 9)} r={3} />
      ) : null}
      <text x={x + 8} y={leaf ? y + b.h / 2 + 4 : y + 13}>
        {b.key}
      </text>
      {b.children.map((c) => (
        <Box key={c.path} b={c} state={state} dx={x} dy={y} />
      ))}
    </g>
  );
}

export default function StatechartPanel(p: {
  result: SimResult;
  t: number;
  pods: readonly string[];
  pod: string | undefined;
  containers: readonly string[];
}) {
  const [target, setTarget] = useState('');
  const actors = machineStates(p.result);
  const options = p.pod
    ? [`pod/${p.pod}`, ...p.containers.map((c) => `pod/${p.pod}/${c}`)]
    : [...actors.keys()];
  const actor = options.includes(target) ? target : (options[0] ?? '');
  const isPod = actor.split('/').length === 2;
  const chart = isPod ? POD_CHART : CONTAINER_CHART;
  const state = stateAt(actors.get(actor), p.t);
  return (
    <>
      <div className="panel-bar">
        <label>
          statechart{' '}
          <select
            aria-label="Statechart of"
            value={actor}
            onChange={(e) => setTarget(e.target.value)}
          >
            {options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
        <span className="dim" data-testid="statechart-state">
          {state ? `active: ${state}` : 'no state recorded yet'}
        </span>
      </div>
      <svg
        className="statechart"
        width={chart.w + 12}
        height={chart.h + 12}
        role="img"
        aria-label={`Statechart of ${actor}${state ? `, active state ${state}` : ''}`}
      >
        <Box b={chart} state={state ?? ''} dx={6} dy={6} />
      </svg>
    </>
  );
}
