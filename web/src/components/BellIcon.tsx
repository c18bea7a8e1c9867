/**
 * A bell drawn as SVG, not an emoji: phones and headless browsers without an emoji font would show
 * an empty box. `muted` strikes it through (alerts off).
 */
export function BellIcon({ muted = false, size = 20 }: { muted?: boolean; size?: number }) {
  return (
    <svg
      className="bell-icon"
      viewBox="0 0 24 24"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15L6 16z" />
      <path d="M10 20.5a2 2 0 0 0 4 0" />
      {muted && <path d="M4 4l16 16" />}
    </svg>
  );
}
