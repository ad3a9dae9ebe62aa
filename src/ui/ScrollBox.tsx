import type { ReactNode } from 'react';

/**
 * A box that scrolls sideways when its table is wider than the screen. It takes the keyboard
 * focus (a keyboard user scrolls it with the arrow keys) and names itself for screen readers.
 */
export function ScrollBox({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      className={`scroll-x${className ? ` ${className}` : ''}`}
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      {children}
    </div>
  );
}
