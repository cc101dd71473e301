import { useStorageFailure } from './pageStorage.ts';
import './share.css';

const WHY = {
  full: 'This browser’s storage for Podlab is full',
  blocked: 'This browser does not let Podlab save anything (storage is blocked)',
} as const;

/** The bar that says typed work is not being saved (see fallbackStorage.ts). */
export function StorageWarning() {
  const failure = useStorageFailure();
  if (!failure) return null;
  return (
    <div className="notice notice-error" role="alert" data-testid="storage-warning">
      <p>
        {WHY[failure]}: your edits are kept only in this tab and will not survive a reload. Use
        Share → Download scenario (.yaml) to keep them.
      </p>
    </div>
  );
}
