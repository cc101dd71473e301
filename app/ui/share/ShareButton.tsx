import { useState } from 'react';
import { ShareDialog } from './ShareDialog.tsx';
import './share.css';

export interface ShareButtonProps {
  yaml: string;
  /** The cursor, in simulated seconds: whoever opens the link lands on the same moment. */
  t?: number;
  view?: string;
  onOpenFile?: (text: string) => void;
}

export function ShareButton(props: ShareButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Share
      </button>
      {open ? <ShareDialog {...props} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
