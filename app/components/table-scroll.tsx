import { useEffect, useRef, useState, type ReactNode } from "react";

export const tableScrollHint = "Scroll sideways to see the whole table";

/**
 * A table's own sideways-scrolling box, so that a table wider than a phone pans inside itself
 * and the page never does. The box is a named, focusable region: keyboard users scroll it with
 * the arrow keys, screen readers announce it. The hint shows on narrow screens for tables marked
 * `wide` without JavaScript; with JavaScript it shows exactly when the table overflows.
 */
export function TableScroll({
  label,
  labelledBy,
  wide = false,
  children,
}: {
  /** The region's name: a label, or the id of the table's caption. */
  label?: string;
  labelledBy?: string;
  wide?: boolean;
  children: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  // null until measured in the browser, so the server's render and the first one agree.
  const [overflows, setOverflows] = useState<boolean | null>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const check = () => setOverflows(el.scrollWidth > el.clientWidth + 1);
    check();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(check);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const state = overflows === null ? (wide ? " table-scroll--wide" : "") : overflows ? " table-scroll--overflows" : " table-scroll--fits";
  return (
    <div className={`table-scroll${state}`}>
      <p className="table-scroll__hint">{tableScrollHint}</p>
      {/* Focusable, so that keyboard users can scroll it with the arrow keys (WCAG 2.1.1). */}
      <div className="table-wrap" ref={box} role="region" aria-label={label} aria-labelledby={labelledBy} tabIndex={0}>
        {children}
      </div>
    </div>
  );
}
