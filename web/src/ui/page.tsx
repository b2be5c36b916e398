import { useEffect, useRef, type ReactNode } from 'react';
import { wasNavigatedInApp } from '../routing/router';

/**
 * A screen: its title in the tab (WCAG 2.4.2) and its one heading. After a navigation inside the
 * app the heading takes the focus, so a screen reader starts reading the new page at its top.
 */
export function Page({ title, lede, children }: { title: string; lede?: ReactNode; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Contact Management Service`;
    if (wasNavigatedInApp()) heading.current?.focus();
  }, [title]);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {lede && <p className="lede">{lede}</p>}
      {children}
    </>
  );
}
