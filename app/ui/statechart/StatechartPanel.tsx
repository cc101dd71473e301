/** Draws the engine's pod or container statechart with the state active at t highlighted. */
import { useState } from 'react';
import { containerMachine } from '../../sim/charts/containerMachine.ts';
import { podMachine } from '../../sim/charts/podMachine.ts';
import type { SimResult } from '../../sim/trace/types.ts';
import {
  activeTransitions,
  isActive,
  layoutChart,
  type ChartBox,
  type StateConfigLike,
} from './chartLayout.ts';
import { machineStates, stateAt } from './machineStates.ts';

const POD_CONFIG = podMachine.config as StateConfigLike;
const CONTAINER_CONFIG = containerMachine.config as StateConfigLike;
const POD_CHART = layoutChart('pod', POD_CONFIG);
const CONTAINER_CHART = layoutChart('container', CONTAINER_CONFIG);

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
  const isPod = actors.get(actor)?.pod ?? actor === `pod/${p.pod ?? ''}`;
  const chart = isPod ? POD_CHART : CONTAINER_CHART;
  const state = stateAt(actors.get(actor), p.t);
  const next = state ? activeTransitions(isPod ? POD_CONFIG : CONTAINER_CONFIG, state) : [];
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
      <div className="sc-wrap">
        {next.length ? (
          <table className="sc-next" aria-label="Events the active states react to">
            <caption>What can happen next</caption>
            <tbody>
              {next.map((n, i) => (
                <tr key={i}>
                  <td className="dim">{n.from || 'machine'}</td>
                  <td>
                    <code>{n.event}</code>
                  </td>
                  <td>→ {n.target}</td>
                  <td className="dim">{n.guard ? `if ${n.guard}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <svg
          className="statechart"
          width={chart.w + 12}
          height={chart.h + 12}
          role="img"
          aria-label={`Statechart of ${actor}${state ? `, active state ${state}` : ''}`}
        >
          <Box b={chart} state={state ?? ''} dx={6} dy={6} />
        </svg>
      </div>
    </>
  );
}
