/** Small stroke icons for the time controls (no icon font, no emoji). */
const PATHS = {
  prev: 'M4 3v10M13 3l-7 5 7 5z',
  next: 'M12 3v10M3 3l7 5-7 5z',
  play: 'M4 2.5l9 5.5-9 5.5z',
  pause: 'M4.5 3v10M11.5 3v10',
} as const;

export function Icon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" className="icon">
      <path
        d={PATHS[name]}
        fill={name === 'pause' ? 'none' : 'currentColor'}
        stroke="currentColor"
        strokeWidth={name === 'pause' ? 2.5 : 1.5}
        strokeLinejoin="round"
      />
    </svg>
  );
}
