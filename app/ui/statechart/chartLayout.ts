/**
 * Lays out a statechart definition (an XState machine config: plain data) as nested boxes:
 * compound states place their children in a row (wrapping), parallel states stack their regions.
 */
export interface StateConfigLike {
  type?: string;
  initial?: unknown;
  states?: Record<string, StateConfigLike>;
  on?: Record<string, unknown>;
}

export interface TransitionInfo {
  /** The state that declares it (dotted path, '' for the machine). */
  from: string;
  event: string;
  target: string;
  guard?: string;
}

function describeTarget(t: unknown): { target: string; guard?: string }[] {
  if (typeof t === 'string') return [{ target: t }];
  if (Array.isArray(t)) return t.flatMap(describeTarget);
  if (t && typeof t === 'object') {
    const o = t as { target?: unknown; guard?: unknown };
    const target = Array.isArray(o.target) ? o.target.join(', ') : String(o.target ?? '(self)');
    const out: { target: string; guard?: string } = { target };
    if (typeof o.guard === 'string') out.guard = o.guard;
    return [out];
  }
  return [];
}

/** The transitions enabled in the active configuration: those of active states and their ancestors. */
export function activeTransitions(
  cfg: StateConfigLike,
  state: string | undefined,
  path = '',
): TransitionInfo[] {
  if (path !== '' && !isActive(path, state)) return [];
  const out: TransitionInfo[] = [];
  for (const [event, t] of Object.entries(cfg.on ?? {}))
    for (const d of describeTarget(t)) out.push({ from: path, event, ...d });
  for (const [k, c] of Object.entries(cfg.states ?? {}))
    out.push(...activeTransitions(c, state, path ? `${path}.${k}` : k));
  return out;
}

export interface ChartBox {
  path: string;
  key: string;
  x: number;
  y: number;
  w: number;
  h: number;
  kind: 'atomic' | 'compound' | 'parallel' | 'final';
  initial: boolean;
  children: ChartBox[];
}

const PAD = 8;
const TITLE = 18;
const GAP = 8;
const LEAF_H = 26;
const CHAR = 6.8;

function measure(
  key: string,
  path: string,
  cfg: StateConfigLike,
  initial: boolean,
  maxW: number,
): ChartBox {
  const entries = Object.entries(cfg.states ?? {});
  const labelW = key.length * CHAR + 20;
  if (entries.length === 0) {
    return {
      path,
      key,
      x: 0,
      y: 0,
      w: Math.max(64, labelW),
      h: LEAF_H,
      kind: cfg.type === 'final' ? 'final' : 'atomic',
      initial,
      children: [],
    };
  }
  const parallel = cfg.type === 'parallel';
  const inner = maxW - 2 * PAD;
  const children = entries.map(([k, c]) =>
    measure(k, path ? `${path}.${k}` : k, c, !parallel && cfg.initial === k, inner),
  );
  let w = 0;
  let h = 0;
  if (parallel) {
    let y = TITLE;
    for (const c of children) {
      c.x = PAD;
      c.y = y;
      y += c.h + GAP;
      w = Math.max(w, c.w);
    }
    for (const c of children) c.w = w;
    h = y - GAP + PAD;
    w += 2 * PAD;
  } else {
    let x = PAD;
    let y = TITLE;
    let rowH = 0;
    for (const c of children) {
      if (x > PAD && x + c.w > inner + PAD) {
        x = PAD;
        y += rowH + GAP;
        rowH = 0;
      }
      c.x = x;
      c.y = y;
      x += c.w + GAP;
      rowH = Math.max(rowH, c.h);
      w = Math.max(w, x - GAP + PAD);
    }
    h = y + rowH + PAD;
  }
  return {
    path,
    key,
    x: 0,
    y: 0,
    w: Math.max(w, labelW),
    h,
    kind: parallel ? 'parallel' : 'compound',
    initial,
    children,
  };
}

export function layoutChart(id: string, cfg: StateConfigLike, maxW = 900): ChartBox {
  return measure(id, '', cfg, false, maxW);
}

/** Whether the box at `path` is active given the active state string (`a.b` or `a.b,a.c`). */
export function isActive(path: string, state: string | undefined): boolean {
  if (!state) return false;
  if (path === '') return true;
  return state.split(',').some((leaf) => leaf === path || leaf.startsWith(`${path}.`));
}
