/** Play/pause, speed, step to previous/next event, jump to a time, zoom. */
import { useState, type FormEvent } from 'react';
import { formatDuration, parseTimeInput } from '../lib/time.ts';
import { Icon } from './Icon.tsx';

export const SPEEDS = [1, 10, 60] as const;

export interface TimeControlsProps {
  cursor: number;
  until: number;
  playing: boolean;
  speed: number;
  onPlay(): void;
  onSpeed(s: number): void;
  onStep(dir: 1 | -1): void;
  onJump(t: number): void;
  onZoom(kind: 'in' | 'out' | 'fit'): void;
}

export function TimeControls(p: TimeControlsProps) {
  const [draft, setDraft] = useState('');
  const [bad, setBad] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const t = parseTimeInput(draft);
    if (t === undefined) {
      setBad(true);
      return;
    }
    setBad(false);
    setDraft('');
    p.onJump(Math.min(t, p.until));
  };
  return (
    <div className="time-controls" role="toolbar" aria-label="Time controls">
      <button
        type="button"
        onClick={() => p.onStep(-1)}
        aria-label="Previous event"
        title="Previous event (←)"
      >
        <Icon name="prev" />
      </button>
      <button
        type="button"
        onClick={p.onPlay}
        aria-label={p.playing ? 'Pause' : 'Play'}
        title={p.playing ? 'Pause (Space)' : 'Play (Space)'}
        aria-pressed={p.playing}
      >
        {p.playing ? <Icon name="pause" /> : <Icon name="play" />}
      </button>
      <button
        type="button"
        onClick={() => p.onStep(1)}
        aria-label="Next event"
        title="Next event (→)"
      >
        <Icon name="next" />
      </button>
      <div className="speed" role="group" aria-label="Playback speed">
        {SPEEDS.map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={p.speed === s}
            className={p.speed === s ? 'on' : ''}
            onClick={() => p.onSpeed(s)}
          >
            {s}×
          </button>
        ))}
      </div>
      <span className="time-now" data-testid="cursor-time" aria-live="off">
        t = {formatDuration(p.cursor)} <span className="dim">/ {formatDuration(p.until)}</span>
      </span>
      <form onSubmit={submit} className="jump">
        <input
          aria-label="Jump to time"
          aria-invalid={bad}
          aria-describedby={bad ? 'jump-error' : undefined}
          placeholder="jump: 45s, 1:30"
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value);
            setBad(false);
          }}
          size={14}
        />
        {bad ? (
          <span id="jump-error" className="jump-error" role="alert">
            Type a time like 45s, 2m, 1m30s or 1:30
          </span>
        ) : null}
      </form>
      <div className="zoom" role="group" aria-label="Zoom">
        <button
          type="button"
          onClick={() => p.onZoom('in')}
          aria-label="Zoom in"
          title="Zoom in (Ctrl+wheel)"
        >
          +
        </button>
        <button
          type="button"
          onClick={() => p.onZoom('out')}
          aria-label="Zoom out"
          title="Zoom out"
        >
          −
        </button>
        <button
          type="button"
          onClick={() => p.onZoom('fit')}
          aria-label="Fit whole run"
          title="Fit whole run"
        >
          Fit
        </button>
      </div>
    </div>
  );
}
