import { useEffect, useMemo, useRef, useState } from 'react';
import type { Example } from '../../scenario/exampleMeta.ts';
import { filterExamples, groupExamples } from './gallery.ts';

export interface GalleryDialogProps {
  examples: readonly Example[];
  onPick(example: Example): void;
  onClose(): void;
}

export function GalleryDialog({ examples, onPick, onClose }: GalleryDialogProps) {
  const [query, setQuery] = useState('');
  const shown = useMemo(() => filterExamples(examples, query), [examples, query]);
  const groups = useMemo(() => groupExamples(shown), [shown]);
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => search.current?.focus(), []);
  return (
    <div
      className="overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby="gallery-title"
      onClick={onClose}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div className="overlay-box gallery-dialog" onClick={(e) => e.stopPropagation()}>
        <div className="gallery-head">
          <h2 id="gallery-title">Examples</h2>
          <input
            ref={search}
            type="search"
            aria-label="Filter examples"
            placeholder="Filter: liveness, init, sidecar…"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
        <div className="gallery-groups">
          {groups.map(({ group, examples: list }) => (
            <section key={group} aria-label={group}>
              <h3 className="gallery-group">{group}</h3>
              <ul className="gallery-list">
                {list.map((e) => (
                  <li key={e.slug} data-testid="gallery-item" data-slug={e.slug}>
                    <button
                      type="button"
                      className="gallery-open"
                      aria-label={`Open example: ${e.title}`}
                      onClick={() => onPick(e)}
                    >
                      <strong>{e.title}</strong>
                      <span>{e.watch}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
          {shown.length === 0 ? <p className="gallery-empty">No example matches.</p> : null}
        </div>
      </div>
    </div>
  );
}
