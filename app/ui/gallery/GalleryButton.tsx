import { useEffect, useState } from 'react';
import type { Example } from '../../scenario/exampleMeta.ts';
import { EXAMPLES } from '../../scenario/examples.ts';
import { defaultYaml } from '../share/readInitialState.ts';
import { GalleryDialog } from './GalleryDialog.tsx';
import { isOwnWork } from './gallery.ts';
import './gallery.css';

export interface GalleryButtonProps {
  currentYaml: string;
  /** Replace the editor's text (with an example, or with the previous text on undo). */
  onOpen(yaml: string, example?: Example): void;
}

/** How long the "Undo" offer stays after opening an example over the user's own work. */
const UNDO_MS = 20_000;

export function GalleryButton({ currentYaml, onOpen }: GalleryButtonProps) {
  const [open, setOpen] = useState(false);
  const [undo, setUndo] = useState<{ yaml: string; title: string } | undefined>();
  useEffect(() => {
    if (!undo) return;
    const id = window.setTimeout(() => setUndo(undefined), UNDO_MS);
    return () => window.clearTimeout(id);
  }, [undo]);

  const pick = (example: Example) => {
    setOpen(false);
    if (isOwnWork(currentYaml, EXAMPLES, defaultYaml())) {
      setUndo({ yaml: currentYaml, title: example.title });
    } else {
      setUndo(undefined);
    }
    onOpen(example.yaml, example);
  };

  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Examples
      </button>
      {undo ? (
        <span className="gallery-undo" role="status">
          Opened “{undo.title}”.{' '}
          <button
            type="button"
            onClick={() => {
              onOpen(undo.yaml);
              setUndo(undefined);
            }}
          >
            Undo: back to my scenario
          </button>
        </span>
      ) : null}
      {open ? (
        <GalleryDialog examples={EXAMPLES} onPick={pick} onClose={() => setOpen(false)} />
      ) : null}
    </>
  );
}
