/** The playground page: editor left, timeline centre/right, panels below it. */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Diagnostic } from '../k8s/types.ts';
import type { EditorHandle } from './editor/editorHandle.ts';
import { EditorPane } from './editor/EditorPane.tsx';
import { HelpOverlay } from './controls/HelpOverlay.tsx';
import { useShortcuts } from './controls/useShortcuts.ts';
import { TimeControls } from './controls/TimeControls.tsx';
import { VersionSelect } from './controls/VersionSelect.tsx';
import { usePlayback } from './controls/usePlayback.ts';
import { useTestHook } from './lib/useTestHook.ts';
import { useTheme } from './lib/useTheme.ts';
import { Panels, type TabId } from './panels/Panels.tsx';
import { SimStatus } from './SimStatus.tsx';
import { errorCount, placeholderText } from './simStatusText.ts';
import type { HitInfo } from './timeline/describeHit.ts';
import { stepFrom } from './timeline/model.ts';
import { Timeline, TIMELINE_PLOT_ID } from './timeline/Timeline.tsx';
import { clampView, followView, zoomView, type View } from './timeline/view.ts';
import { fieldKey } from './worker/protocol.ts';
import { useSimulation } from './worker/useSimulation.ts';
import {
  ExportMenu,
  GalleryButton,
  InitialNotice,
  StorageWarning,
  forgetPrevious,
  pageStorage,
  playgroundLink,
  ShareButton,
  readEmbedOptions,
  readInitialState,
  useAutosave,
  useHashNavigation,
  useUrlSync,
  useWork,
} from './share/index.ts';
import './styles.css';

const EMPTY_DIAGS: Diagnostic[] = [];

/** Esc in the editor: the timeline takes the focus (or the next focusable pane while it is absent). */
function focusTimeline(): void {
  document.getElementById(TIMELINE_PLOT_ID)?.focus();
}

const TAB_IDS: readonly string[] = [
  'pods',
  'describe',
  'yaml',
  'endpoints',
  'logs',
  'statechart',
  'act',
  'problems',
] satisfies TabId[];

function isTabId(v: string | undefined): v is TabId {
  return v !== undefined && TAB_IDS.includes(v);
}

export function App() {
  const [initial] = useState(() => readInitialState(window.location, pageStorage));
  const [embed] = useState(() => readEmbedOptions(window.location.search));
  const work = useWork(initial);
  const { yaml, setYaml, open } = work;
  const [cursor, setCursor] = useState(initial.t ?? embed.t ?? 0);
  const [view, setView] = useState<View | undefined>();
  const [playing, setPlaying] = useState(embed.autoplay ?? false);
  const [speed, setSpeed] = useState(10);
  const [help, setHelp] = useState(false);
  const [tab, setTab] = useState<TabId>(isTabId(initial.view) ? initial.view : 'pods');
  const { theme, toggle } = useTheme(embed.theme === 'auto' ? undefined : embed.theme);

  const { flush: flushAutosave, typed } = useAutosave(
    yaml,
    work.edited,
    !embed.embed || work.edited,
  );
  const onEditorChange = useCallback(
    (text: string) => {
      typed(text);
      setYaml(text);
    },
    [typed, setYaml],
  );
  useHashNavigation((state) => {
    const kept = open(state.yaml);
    setCursor(state.t ?? 0);
    setView(undefined);
    if (isTabId(state.view)) setTab(state.view);
    return kept;
  });
  /** A different scenario in the editor starts at t = 0, unzoomed and paused. */
  const fromStart = useCallback(() => {
    setCursor(0);
    setView(undefined);
    setPlaying(false);
  }, []);
  const openScenario = useCallback(
    (text: string) => {
      open(text);
      fromStart();
    },
    [open, fromStart],
  );
  const { restore } = work;
  const restorePrevious = useCallback(
    (text: string) => {
      const kept = restore(text);
      fromStart();
      return kept;
    },
    [restore, fromStart],
  );
  const sim = useSimulation(yaml);
  const editor = useRef<EditorHandle | null>(null);
  const [editorReady, setEditorReady] = useState(false);

  const valid = sim.valid;
  const until = valid?.result?.until ?? 600;
  const model = valid?.timeline;
  // A shorter run keeps the chosen time but shows its end; a longer one brings the time back.
  const at = Math.min(cursor, until);
  useUrlSync(yaml, at, tab === 'pods' ? undefined : tab, flushAutosave);
  const shownView = useMemo(
    () => (view ? clampView(view, until) : { t0: 0, t1: until }),
    [view, until],
  );

  const moveCursor = useCallback(
    (t: number) => {
      const c = Math.min(Math.max(0, t), until);
      setCursor(c);
      setView((v) => (v ? followView(clampView(v, until), c, until) : v));
    },
    [until],
  );

  usePlayback({
    playing,
    speed,
    cursor: at,
    until,
    onCursor: moveCursor,
    onEnd: () => setPlaying(false),
  });

  const step = useCallback(
    (dir: 1 | -1) => {
      const times = model?.stepTimes ?? [];
      const t = stepFrom(times, at, dir);
      if (t !== undefined) moveCursor(t);
      else moveCursor(dir === 1 ? until : 0);
    },
    [model, at, moveCursor, until],
  );

  const onPick = useCallback(
    (info: HitInfo) => {
      moveCursor(info.t);
      const f = info.cause?.field;
      const range = f ? valid?.locations[fieldKey(f)] : undefined;
      if (range) editor.current?.highlight(range);
    },
    [moveCursor, valid],
  );

  const onZoom = useCallback(
    (kind: 'in' | 'out' | 'fit') => {
      if (kind === 'fit') return setView(undefined);
      const v = shownView;
      const anchor = at >= v.t0 && at <= v.t1 ? at : (v.t0 + v.t1) / 2;
      setView(zoomView(v, kind === 'in' ? 0.5 : 2, anchor, until));
    },
    [shownView, at, until],
  );

  useShortcuts({
    play: () => setPlaying((p) => !p),
    prev: () => step(-1),
    next: () => step(1),
    rerun: sim.rerun,
    help: () => setHelp(true),
    close: () => setHelp(false),
  });
  useTestHook({
    yaml,
    cursor: at,
    editor,
    editorReady,
    setYaml,
    setCursor: moveCursor,
    hash: valid?.hash,
    partial: valid?.partialOf !== undefined,
  });

  const focusEditor = useCallback(() => editor.current?.focus(), []);
  const onReveal = useCallback((d: Diagnostic) => editor.current?.revealLine(d.line, d.column), []);
  const onEditorReady = useCallback((h: EditorHandle) => {
    editor.current = h;
    setEditorReady(true);
  }, []);
  const diagnostics = sim.latest?.diagnostics ?? EMPTY_DIAGS;

  const editorPane = useMemo(
    () => (
      <EditorPane
        value={yaml}
        onChange={onEditorChange}
        theme={theme}
        diagnostics={diagnostics}
        onReady={onEditorReady}
        onRun={sim.rerun}
        onEscape={focusTimeline}
        readOnly={embed.readonly ?? false}
      />
    ),
    [yaml, onEditorChange, theme, diagnostics, onEditorReady, sim.rerun, embed.readonly],
  );

  return (
    <div
      className={`app${embed.embed ? ' is-embed' : ''}`}
      data-editor-ready={editorReady ? 'true' : 'false'}
    >
      <header className="app-header">
        <h1>Podlab</h1>
        <span className="tagline">Kubernetes Pod lifecycle playground</span>
        <div className="header-actions">
          {!embed.readonly && <VersionSelect yaml={yaml} onYaml={setYaml} />}
          {embed.embed ? (
            <a href={playgroundLink(window.location.href)} target="_blank" rel="noopener">
              Open in playground ↗
            </a>
          ) : (
            <>
              <GalleryButton currentYaml={yaml} onOpen={openScenario} />
              <ShareButton
                yaml={yaml}
                t={at}
                {...(tab === 'pods' ? {} : { view: tab })}
                onOpenFile={openScenario}
              />
              <ExportMenu
                yaml={yaml}
                {...(valid?.result ? { result: valid.result } : {})}
                stale={sim.stale}
                errors={errorCount(sim.latest)}
                getTimelineSvg={() =>
                  document.querySelector<SVGSVGElement>('svg[data-testid="timeline-svg"]')
                }
              />
            </>
          )}
          <button
            type="button"
            onClick={toggle}
            aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}
          >
            {theme === 'dark' ? '☀' : '☾'}
          </button>
          <button type="button" onClick={() => setHelp(true)} aria-label="Keyboard shortcuts">
            ?
          </button>
        </div>
      </header>
      <div className="notice-row">
        <StorageWarning />
        <InitialNotice
          {...(initial.error ? { error: initial.error } : {})}
          {...(initial.previous && !embed.embed ? { previous: initial.previous } : {})}
          why={initial.replacedNow ? (initial.source === 'example' ? 'example' : 'link') : 'kept'}
          onRestore={restorePrevious}
          onDiscard={() => forgetPrevious(pageStorage)}
        />
      </div>
      <section className="editor-col" aria-label="Scenario editor">
        {editorPane}
      </section>
      <section className="main-col" aria-label="Simulation">
        <div className="toolbar">
          <TimeControls
            cursor={at}
            until={until}
            playing={playing}
            speed={speed}
            onPlay={() => setPlaying((p) => !p)}
            onSpeed={setSpeed}
            onStep={step}
            onJump={moveCursor}
            onZoom={onZoom}
          />
          <SimStatus sim={sim} cursor={at} />
        </div>
        <div className="timeline-wrap">
          {model && valid?.result ? (
            <Timeline
              model={model}
              trace={valid.result.trace}
              cursor={at}
              view={shownView}
              onView={setView}
              onCursor={moveCursor}
              onPick={onPick}
              stale={sim.stale}
              onLeave={focusEditor}
            />
          ) : (
            <p className="empty">{placeholderText(sim.latest)}</p>
          )}
        </div>
        <Panels
          sim={sim}
          cursor={at}
          diagnostics={diagnostics}
          onReveal={onReveal}
          yaml={yaml}
          onYaml={setYaml}
          tab={tab}
          onTab={setTab}
        />
      </section>
      {help ? <HelpOverlay onClose={() => setHelp(false)} /> : null}
    </div>
  );
}
