/**
 * A container's log: what PID 1 writes to stdout/stderr, cut into lines (one onLog call per line;
 * a partial line waits for its newline or for the process to exit). Bounded per instant so a
 * runaway loop cannot flood the trace.
 */
import type { Io } from './types.ts';

export const MAX_LOG_LINES_PER_INSTANT = 2_000;

type Stream = 'stdout' | 'stderr';

/** The last whole line written and its text without the newline (servers repeat their lines). */
const lastWhole = { text: '', line: '' };

export class LogSink {
  private buf = { stdout: '', stderr: '' };
  private count = 0;
  private at = -1;
  private capped = false;

  constructor(
    private readonly now: () => number,
    private readonly onLog: (stream: Stream, line: string) => void,
    private readonly warn: (message: string) => void,
  ) {}

  io(): Io {
    const write = (stream: Stream) => (s: string) => {
      // Fast path: one whole line (a server's access log line, an echo).
      const nl1 = s.indexOf('\n');
      if (nl1 === s.length - 1 && this.buf[stream] === '') {
        if (s !== lastWhole.text) {
          lastWhole.text = s;
          lastWhole.line = s.slice(0, nl1);
        }
        this.emit(stream, lastWhole.line);
        return undefined;
      }
      let buf = this.buf[stream] + s;
      let nl = buf.indexOf('\n');
      while (nl >= 0) {
        this.emit(stream, buf.slice(0, nl));
        buf = buf.slice(nl + 1);
        nl = buf.indexOf('\n');
      }
      this.buf[stream] = buf;
      return undefined;
    };
    return { stdin: null, out: write('stdout'), err: write('stderr') };
  }

  /** Emit partial lines (the process has exited). */
  flush(): void {
    for (const s of ['stdout', 'stderr'] as const) {
      if (this.buf[s] !== '') this.emit(s, this.buf[s]);
      this.buf[s] = '';
    }
  }

  private emit(stream: Stream, line: string): void {
    const now = this.now();
    if (now !== this.at) {
      this.at = now;
      this.count = 0;
    }
    if (++this.count > MAX_LOG_LINES_PER_INSTANT) {
      if (!this.capped) {
        this.capped = true;
        this.warn(
          `The container printed more than ${MAX_LOG_LINES_PER_INSTANT} log lines at one instant; Podlab drops the rest of that instant's lines.`,
        );
      }
      return;
    }
    this.onLog(stream, line);
  }
}
