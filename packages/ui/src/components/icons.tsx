/**
 * Small inline SVG icons (decorative, hidden from assistive tech). SVG rather than emoji so they
 * render the same on every OS, font set and theme (they draw with `currentColor`).
 */
const common = {
  width: 16,
  height: 16,
  viewBox: '0 0 16 16',
  'aria-hidden': true,
  focusable: false,
} as const;

export function FolderIcon() {
  return (
    <svg {...common} className="pd-icon pd-icon-folder">
      <path
        d="M1.5 3.5h4.2l1.5 1.5h7.3v8.5h-13z"
        fill="currentColor"
        fillOpacity="0.25"
        stroke="currentColor"
        strokeWidth="1"
      />
    </svg>
  );
}

export function TrashIcon() {
  return (
    <svg {...common} className="pd-icon">
      <path
        d="M2.5 4h11 M6 4V2.5h4V4 M4 4l.8 10h6.4L12 4"
        fill="none"
        stroke="currentColor"
        strokeWidth="1"
      />
    </svg>
  );
}

/** Two bars; replaces ⏸ (U+23F8), which common UI fonts lack and render as an empty box. */
export function PauseIcon() {
  return (
    <svg {...common} className="pd-icon">
      <path d="M4.5 3h2.5v10h-2.5z M9 3h2.5v10h-2.5z" fill="currentColor" />
    </svg>
  );
}
