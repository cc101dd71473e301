/**
 * The timeline: one group per pod and per Service, a time axis with zoom and pan, a cursor, a
 * tooltip explaining the record under the pointer, and click-to-jump.
 */
import {
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type PointerEvent as RPointerEvent,
} from 'react';
import { formatClock } from '../lib/time.ts';
import { describeHit, type HitInfo } from './describeHit.ts';
import { firstMark, isNavKey, moveMark, type MarkPos } from './keyNav.ts';
import { hitTest, layoutTimeline, probeLane, timeToX, xToTime, type Layout } from './layout.ts';
import type { TraceRecord } from '../../sim/trace/types.ts';
import type { TimelineModel } from './model.ts';
import { Legend } from './Legend.tsx';
import { TimelineBody } from './TimelineBody.tsx';
import { useElementWidth } from './useElementWidth.ts';
import { panView, ticks, zoomView, type View } from './view.ts';

const AXIS_H = 22;

export interface TimelineProps {
  model: TimelineModel;
  /** The trace the model was built from (tooltips read mark details from it). */
  trace: readonly TraceRecord[];
  cursor: number;
  view: View;
  onView(v: View): void;
  onCursor(t: number): void;
  /** A mark or segment was clicked: move there and show its cause in the editor. */
  onPick(info: HitInfo): void;
  stale: boolean;
  /** Esc on the timeline (no explanation open): the page moves the focus back (to the editor). */
  onLeave?(): void;
}

/** The focusable timeline plot (Esc in the editor comes here). */
export const TIMELINE_PLOT_ID = 'timeline-plot';

export function Timeline({
  model,
  trace,
  cursor,
  view,
  onView,
  onCursor,
  onPick,
  stale,
  onLeave,
}: TimelineProps) {
  const layout = useMemo(() => layoutTimeline(model), [model]);
  const plotRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(plotRef);
  // A tooltip describes one layout: when a new result arrives under a still pointer it goes.
  const [tipState, setTipState] = useState<
    { layout: Layout; cx: number; cy: number; info: HitInfo } | undefined
  >();
  const tip = tipState?.layout === layout ? tipState : undefined;
  const setTip = (t: { cx: number; cy: number; info: HitInfo } | undefined) =>
    setTipState(t && { ...t, layout });
  // The keyboard position belongs to one layout: after an edit it starts again from the cursor.
  const [focusState, setFocusState] = useState<{ layout: Layout; pos: MarkPos } | undefined>();
  const focus = focusState?.layout === layout ? focusState.pos : undefined;
  const setFocus = (pos: MarkPos) => setFocusState({ layout, pos });
  const drag = useRef<{ mode: 'scrub' | 'pan'; x: number; view: View } | undefined>(undefined);
  const viewRef = useRef(view);
  useEffect(() => {
    viewRef.current = view;
  });

  // Ctrl/Cmd+wheel zooms around the pointer; Shift+wheel or horizontal wheel pans.
  useEffect(() => {
    const el = plotRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      const v = viewRef.current;
      const rect = el.getBoundingClientRect();
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        const anchor = xToTime(e.clientX - rect.left, v, rect.width);
        onView(zoomView(v, Math.exp(e.deltaY * 0.002), anchor, model.until));
      } else if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
        e.preventDefault();
        const d = e.shiftKey ? e.deltaY : e.deltaX;
        onView(panView(v, (d / rect.width) * (v.t1 - v.t0), model.until));
      }
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [onView, model.until]);

  const local = (e: RPointerEvent) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };

  const onPointerDown = (e: RPointerEvent<SVGSVGElement>) => {
    const { x, y } = local(e);
    e.currentTarget.setPointerCapture(e.pointerId);
    if (y < AXIS_H || e.button === 1 || e.altKey) {
      drag.current = { mode: 'pan', x, view };
      return;
    }
    const hit = hitTest(layout, view, width, x, y - AXIS_H);
    const info = hit ? describeHit(hit, xToTime(x, view, width), trace) : undefined;
    if (hit && hit.kind !== 'row' && info) {
      onPick(info);
      if (hit.kind === 'mark') return;
    }
    drag.current = { mode: 'scrub', x, view };
    onCursor(clampT(xToTime(x, view, width), model.until));
  };

  const onPointerMove = (e: RPointerEvent<SVGSVGElement>) => {
    const { x, y } = local(e);
    const d = drag.current;
    if (d?.mode === 'pan') {
      onView(panView(d.view, -((x - d.x) / width) * (d.view.t1 - d.view.t0), model.until));
      return;
    }
    if (d?.mode === 'scrub') {
      onCursor(clampT(xToTime(x, view, width), model.until));
      return;
    }
    const hit = y >= AXIS_H ? hitTest(layout, view, width, x, y - AXIS_H) : undefined;
    const info = hit ? describeHit(hit, xToTime(x, view, width), trace) : undefined;
    setTip(info ? { cx: e.clientX, cy: e.clientY, info } : undefined);
  };

  const endDrag = () => {
    drag.current = undefined;
  };

  const focused = focus ? markOf(layout, focus) : undefined;

  const focusedInfo = focused
    ? describeHit({ kind: 'mark', row: focused.row, mark: focused.mark }, focused.mark.t, trace)
    : undefined;
  const focusedText = focusedInfo
    ? `${focusedInfo.title} ${focusedInfo.time}${focusedInfo.message ? `: ${focusedInfo.message}` : ''}`
    : '';

  const explain = (pos: MarkPos) => {
    const m = markOf(layout, pos);
    const el = plotRef.current;
    if (!m || !el) return;
    const info = describeHit({ kind: 'mark', row: m.row, mark: m.mark }, m.mark.t, trace);
    if (!info) return;
    onPick(info);
    const rect = el.getBoundingClientRect();
    setTip({ cx: rect.left + timeToX(m.mark.t, view, width), cy: rect.top + AXIS_H + m.cy, info });
  };

  const onKeyDown = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (isNavKey(e.key)) {
      e.preventDefault();
      e.stopPropagation();
      const next = focus ? moveMark(layout, focus, e.key) : firstMark(layout, cursor);
      if (!next) return;
      setFocus(next);
      setTip(undefined);
      const m = markOf(layout, next);
      if (m) {
        onCursor(m.mark.t);
        if (m.mark.t < view.t0 || m.mark.t > view.t1)
          onView(panView(view, m.mark.t - (view.t0 + view.t1) / 2, model.until));
      }
    } else if (e.key === 'Enter' && focus) {
      e.preventDefault();
      e.stopPropagation();
      explain(focus);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      if (tip) setTip(undefined);
      else onLeave?.();
    }
  };

  const cursorX = timeToX(cursor, view, width);
  const tickTimes = ticks(view, width);
  const height = layout.height + AXIS_H;

  return (
    <div className={`timeline${stale ? ' is-stale' : ''}`} data-testid="timeline">
      <div className="tl-scroll">
        <div className="tl-labels" aria-hidden="true" style={{ height }}>
          <div style={{ height: AXIS_H }} />
          {layout.headers.map((h) => (
            <div
              key={`h${h.group}`}
              className={`tl-label tl-label-group tl-${h.kind}`}
              style={{ top: h.y + AXIS_H }}
            >
              {h.title}
            </div>
          ))}
          {layout.rows.map((r) => (
            <div
              key={r.row.id}
              className={`tl-label tl-label-${r.row.kind}`}
              style={{ top: r.y + AXIS_H, height: r.h }}
              title={r.row.note ? `${r.row.label} (${r.row.note})` : r.row.label}
            >
              {r.row.kind === 'probes' ? (
                <span className="lane-names">{(r.row.lanes ?? []).join(' · ')} probes</span>
              ) : (
                r.row.label
              )}
              {r.row.note && r.row.kind !== 'probes' ? (
                <span className="tl-note"> {r.row.note}</span>
              ) : null}
            </div>
          ))}
        </div>
        <div
          className="tl-plot"
          ref={plotRef}
          id={TIMELINE_PLOT_ID}
          tabIndex={0}
          role="group"
          aria-roledescription="timeline"
          aria-label="Timeline marks: arrow keys move between marks, Enter explains one, Esc goes back to the editor"
          aria-describedby="timeline-focus-text"
          onKeyDown={onKeyDown}
          onBlur={() => setTip(undefined)}
        >
          <span id="timeline-focus-text" className="visually-hidden" aria-live="polite">
            {focusedText}
          </span>
          <svg
            width={width}
            height={height}
            role="img"
            aria-label={`Timeline of ${model.groups.length} objects over ${formatClock(model.until)}`}
            data-testid="timeline-svg"
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={endDrag}
            onPointerCancel={endDrag}
            onPointerLeave={() => setTip(undefined)}
          >
            <g className="tl-axis">
              <rect className="tl-axis-bg" x={0} y={0} width={width} height={AXIS_H} />
              {tickTimes.map((t) => {
                const x = timeToX(t, view, width);
                return (
                  <g key={t}>
                    <line className="tl-grid" x1={x} x2={x} y1={AXIS_H - 5} y2={height} />
                    <text
                      className="tl-tick"
                      x={x > width - 40 ? x - 3 : x + 3}
                      y={14}
                      textAnchor={x > width - 40 ? 'end' : 'start'}
                    >
                      {formatClock(t)}
                    </text>
                  </g>
                );
              })}
            </g>
            <g transform={`translate(0 ${AXIS_H})`}>
              <TimelineBody layout={layout} view={view} width={width} />
            </g>
            {focused ? (
              <circle
                className="tl-focus"
                data-testid="timeline-focus"
                cx={timeToX(focused.mark.t, view, width)}
                cy={AXIS_H + focused.cy}
                r={6}
              />
            ) : null}
            {cursorX >= 0 && cursorX <= width ? (
              <g className="tl-cursor" data-testid="timeline-cursor">
                <line x1={cursorX} x2={cursorX} y1={0} y2={height} />
                <path d={`M${cursorX - 5} 0h10l-5 7z`} />
              </g>
            ) : null}
          </svg>
          {tip ? (
            <div
              className="tl-tip"
              role="tooltip"
              style={{
                left: Math.min(tip.cx + 12, window.innerWidth - 290),
                top: tip.cy + 280 > window.innerHeight ? tip.cy - 12 : tip.cy + 16,
                transform: tip.cy + 280 > window.innerHeight ? 'translateY(-100%)' : undefined,
              }}
            >
              <div className="tl-tip-title">{tip.info.title}</div>
              <div className="tl-tip-time">{tip.info.time}</div>
              {tip.info.message ? <div>{tip.info.message}</div> : null}
              {tip.info.why ? (
                <div className="tl-tip-why">
                  <b>why:</b> {tip.info.why}
                </div>
              ) : null}
            </div>
          ) : null}
        </div>
      </div>
      <Legend />
    </div>
  );
}

/** The mark at a keyboard position, with its vertical centre in the row. */
function markOf(layout: Layout, pos: MarkPos) {
  const row = layout.rows[pos.row];
  const mark = row?.row.marks[pos.mark];
  if (!row || !mark) return undefined;
  const lane = row.row.kind === 'probes' ? probeLane(mark.lane) : undefined;
  const cy = row.y + (lane ? lane.dy + lane.h / 2 : row.h / 2);
  return { row, mark, cy };
}

function clampT(t: number, until: number): number {
  return Math.min(Math.max(0, Math.round(t * 10) / 10), until);
}
