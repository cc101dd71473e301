import { useEffect, useMemo, useRef, useState } from 'react';
import { buildShareLinks, scenarioFileName } from './shareLinks.ts';
import { copyText, downloadText, pickTextFile } from './browser.ts';

export interface ShareDialogProps {
  yaml: string;
  t?: number;
  view?: string;
  onClose(): void;
  /** "Open file": replaces the scenario with a file's text. */
  onOpenFile?: (text: string) => void;
}

export function ShareDialog({ yaml, t, view, onClose, onOpenFile }: ShareDialogProps) {
  const links = useMemo(() => {
    const payload: { yaml: string; t?: number; view?: string } = { yaml };
    if (t !== undefined && t > 0) payload.t = Math.round(t * 1000) / 1000;
    if (view !== undefined) payload.view = view;
    return buildShareLinks(window.location.href, payload);
  }, [yaml, t, view]);
  const [status, setStatus] = useState('');
  const urlRef = useRef<HTMLInputElement>(null);
  useEffect(() => urlRef.current?.select(), []);

  const copy = async (text: string, what: string) => {
    const ok = await copyText(text);
    setStatus(
      ok
        ? `${what} copied to the clipboard.`
        : `Select the ${what.toLowerCase()} and press Ctrl+C.`,
    );
    if (!ok) urlRef.current?.select();
  };
  /** The text an opened file replaced: offered back (opening never silently destroys work). */
  const [undoYaml, setUndoYaml] = useState<string | undefined>();
  const openFile = async () => {
    const file = await pickTextFile('.yaml,.yml,text/yaml,text/plain');
    if (file && onOpenFile) {
      setUndoYaml(yaml);
      onOpenFile(file.text);
      setStatus(`Opened ${file.name}.`);
    }
  };

  return (
    <div
      className="overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby="share-title"
      onClick={onClose}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div className="overlay-box share-dialog" onClick={(e) => e.stopPropagation()}>
        <h2 id="share-title">Share this scenario</h2>
        {links.warning ? <p className="share-warning">{links.warning}</p> : null}
        <div className="share-row">
          <input
            ref={urlRef}
            readOnly
            aria-label="Share link"
            data-testid="share-url"
            value={links.url}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" onClick={() => void copy(links.url, 'Link')}>
            Copy link
          </button>
        </div>
        <p className="share-privacy">
          The scenario lives only in this link; nothing is uploaded. (
          {links.length.toLocaleString('en-US')} characters)
        </p>
        <label htmlFor="share-embed">Embed in a page</label>
        <textarea id="share-embed" readOnly rows={3} value={links.embedSnippet} />
        <div className="share-actions">
          <span className="share-row">
            <button type="button" onClick={() => void copy(links.embedSnippet, 'Embed code')}>
              Copy embed code
            </button>
            <button
              type="button"
              onClick={() => downloadText(scenarioFileName(yaml), yaml, 'text/yaml')}
            >
              Download scenario (.yaml)
            </button>
            {onOpenFile ? (
              <button type="button" onClick={() => void openFile()}>
                Open file…
              </button>
            ) : null}
          </span>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
        <p className="share-status" role="status" aria-live="polite">
          {status}
          {undoYaml !== undefined && onOpenFile ? (
            <>
              {' '}
              <button
                type="button"
                onClick={() => {
                  onOpenFile(undoYaml);
                  setUndoYaml(undefined);
                  setStatus('Your previous scenario is back.');
                }}
              >
                Undo: back to my scenario
              </button>
            </>
          ) : null}
        </p>
      </div>
    </div>
  );
}
