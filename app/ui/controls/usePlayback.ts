/** Playback with requestAnimationFrame: advances the cursor by real time × speed. */
import { useEffect, useRef } from 'react';

export function usePlayback(opts: {
  playing: boolean;
  speed: number;
  cursor: number;
  until: number;
  onCursor(t: number): void;
  onEnd(): void;
}): void {
  const ref = useRef(opts);
  useEffect(() => {
    ref.current = opts;
  });
  useEffect(() => {
    if (!opts.playing) return;
    let raf = 0;
    let last = performance.now();
    let t = ref.current.cursor >= ref.current.until ? 0 : ref.current.cursor;
    const frame = (now: number) => {
      const o = ref.current;
      t = Math.min(o.until, t + ((now - last) / 1000) * o.speed);
      last = now;
      o.onCursor(t);
      if (t >= o.until) {
        o.onEnd();
        return;
      }
      raf = requestAnimationFrame(frame);
    };
    raf = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(raf);
  }, [opts.playing]);
}
