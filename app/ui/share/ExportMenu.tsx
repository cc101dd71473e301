import { useRef, useState } from 'react';
import type { SimResult } from '../../sim/trace/types.ts';
import { toPodsimJson } from '../../sim/trace/index.ts';
import { downloadBlob, downloadText } from './browser.ts';
import { scenarioFileName } from './shareLinks.ts';
import { serializeSvg, svgToPng } from './svgExport.ts';
import { traceExportItem } from './traceExport.ts';
import { onMenuKeyDown, useMenuDismiss } from './useMenuKeys.ts';
import './share.css';

export interface ExportMenuProps {
  yaml: string;
  /** The last valid simulation result (undefined while none is valid). */
  result?: SimResult;
  /** The newest run failed: `result` is an older run's. */
  stale?: boolean;
  /** Errors in the newest run's diagnostics. */
  errors?: number;
  /** The timeline's <svg> element, or null when it is not shown. */
  getTimelineSvg(): SVGSVGElement | null;
}

export function ExportMenu({ yaml, result, stale, errors, getTimelineSvg }: ExportMenuProps) {
  const menu = useRef<HTMLDetailsElement>(null);
  const [error, setError] = useState('');
  useMenuDismiss(menu);
  const base = scenarioFileName(yaml).replace(/\.yaml$/, '');
  const trace = traceExportItem({
    hasResult: result !== undefined,
    stale: stale ?? false,
    errors: errors ?? 0,
  });

  const run = (fn: () => void | Promise<void>) => async () => {
    setError('');
    try {
      await fn();
      if (menu.current) menu.current.open = false;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const svg = () => {
    const el = getTimelineSvg();
    if (!el) throw new Error('There is no timeline to export yet.');
    return serializeSvg(el);
  };

  return (
    <details
      className="export-menu"
      ref={menu}
      onKeyDown={(e) => onMenuKeyDown(e, menu.current)}
      onToggle={(e) => {
        if (e.currentTarget.open)
          e.currentTarget
            .querySelector<HTMLButtonElement>('[role="menuitem"]:not(:disabled)')
            ?.focus();
      }}
    >
      <summary role="button" aria-haspopup="menu">
        Export
      </summary>
      <div className="export-items" role="menu" aria-label="Export">
        <button
          type="button"
          role="menuitem"
          disabled={trace.disabled}
          onClick={run(() => {
            if (!result) return;
            const json = `${JSON.stringify(toPodsimJson(result), null, 2)}\n`;
            downloadText(`${base}${trace.suffix}.trace.json`, json, 'application/json');
          })}
        >
          {trace.label}
        </button>
        <button
          type="button"
          role="menuitem"
          onClick={run(() => downloadText(`${base}.timeline.svg`, svg().text, 'image/svg+xml'))}
        >
          Timeline as SVG
        </button>
        <button
          type="button"
          role="menuitem"
          onClick={run(async () => {
            const s = svg();
            downloadBlob(`${base}.timeline.png`, await svgToPng(s.text, s.width, s.height));
          })}
        >
          Timeline as PNG
        </button>
        <button
          type="button"
          role="menuitem"
          onClick={run(async () => {
            // Loaded on demand: it brings the YAML parser and schema into the page.
            const { toKubectlScript } = await import('../../scenario/kubectlScript.ts');
            downloadText(`${base}.replay.sh`, toKubectlScript(yaml), 'text/x-shellscript');
          })}
        >
          kubectl script to replay on a cluster (.sh)
        </button>
        {error ? (
          <p role="alert" className="share-warning">
            {error}
          </p>
        ) : null}
      </div>
    </details>
  );
}
