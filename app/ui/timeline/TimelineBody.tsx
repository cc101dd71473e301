/** The static part of the timeline (rows, segments, marks) for one view and width. */
import { memo } from 'react';
import type { Layout } from './layout.ts';
import { probeLane, timeToX } from './layout.ts';
import { fitLabel } from './labels.ts';
import { markPaths } from './paths.ts';
import type { View } from './view.ts';

function TimelineBodyImpl({ layout, view, width }: { layout: Layout; view: View; width: number }) {
  return (
    <g>
      {layout.headers.map((h) => (
        <rect key={`h${h.group}`} className="tl-group-bg" x={0} y={h.y} width={width} height={24} />
      ))}
      {layout.rows.map((r) => {
        const segs = r.row.segments.filter((s) => s.end > view.t0 && s.start < view.t1);
        const restarts =
          r.row.kind === 'container'
            ? new Set(r.row.marks.filter((m) => m.kind === 'restart').map((m) => m.t))
            : undefined;
        const isProbes = r.row.kind === 'probes';
        return (
          <g key={r.row.id} transform={`translate(0 ${r.y})`} className={`tl-row tl-${r.row.kind}`}>
            <line className="tl-row-line" x1={0} x2={width} y1={r.h - 0.5} y2={r.h - 0.5} />
            {segs.map((s) => {
              const x0 = Math.max(0, timeToX(s.start, view, width));
              const x1 = Math.min(width, timeToX(s.end, view, width));
              const w = Math.max(0.5, x1 - x0);
              // Leave room for a restart count drawn where this instance starts.
              const pad = restarts?.has(s.start) && x0 > 0 ? 22 : 4;
              const text = fitLabel(s.label, w - pad - 4);
              return (
                <g key={s.start}>
                  <rect
                    className={`seg tone-${s.tone}`}
                    x={x0}
                    y={3}
                    width={w}
                    height={r.h - 6}
                    rx={2}
                  />
                  {text ? (
                    <text className="seg-label" x={x0 + pad} y={r.h / 2 + 4}>
                      {text}
                    </text>
                  ) : null}
                </g>
              );
            })}
            {r.row.overlays?.map((s) => {
              const x0 = Math.max(0, timeToX(s.start, view, width));
              const x1 = Math.min(width, timeToX(s.end, view, width));
              if (x1 <= x0) return null;
              return (
                <g key={`o${s.start}`} className="tl-overlay">
                  <rect x={x0} y={r.h - 6} width={x1 - x0} height={4} />
                  {x1 - x0 > 80 ? (
                    <text
                      className="seg-label overlay-label"
                      x={x1 - 4}
                      y={r.h / 2 + 4}
                      textAnchor="end"
                    >
                      Terminating
                    </text>
                  ) : null}
                </g>
              );
            })}
            {isProbes ? (
              <>
                {(r.row.lanes ?? []).map((name, i) => (
                  <rect
                    key={name}
                    className="lane-bg"
                    x={0}
                    y={probeLane(i).dy}
                    width={width}
                    height={5}
                  />
                ))}
              </>
            ) : null}
            {markPaths(r, view, width).map((p) => (
              <path key={p.kind} className={`mark mark-${p.kind}`} d={p.d} />
            ))}
            {r.row.marks
              .filter((m) => m.kind === 'restart' && m.t >= view.t0 && m.t <= view.t1)
              .map((m) => (
                <text
                  key={`r${m.t}`}
                  className="mark-label"
                  x={timeToX(m.t, view, width) + 3}
                  y={10}
                >
                  {m.label}
                </text>
              ))}
          </g>
        );
      })}
    </g>
  );
}

export const TimelineBody = memo(TimelineBodyImpl);
