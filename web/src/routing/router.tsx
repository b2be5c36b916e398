import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/**
 * Client-side navigation on the History API: the few screens need addresses, a back button and
 * links that open in a new tab, not a routing framework.
 */
const NAVIGATED = 'cms:navigated';

export interface Location {
  pathname: string;
  search: URLSearchParams;
}

let current: { href: string; location: Location } | undefined;

function snapshot(): Location {
  const href = window.location.pathname + window.location.search;
  if (current?.href !== href) {
    current = {
      href,
      location: { pathname: window.location.pathname, search: new URLSearchParams(window.location.search) },
    };
  }
  return current.location;
}

let navigatedInApp = false;

/** Whether the page on screen was reached by navigating inside the app (its heading then takes the focus), not by loading it. */
export function wasNavigatedInApp(): boolean {
  return navigatedInApp;
}

function subscribe(listener: () => void): () => void {
  const back = () => {
    navigatedInApp = true;
    listener();
  };
  window.addEventListener('popstate', back);
  window.addEventListener(NAVIGATED, listener);
  return () => {
    window.removeEventListener('popstate', back);
    window.removeEventListener(NAVIGATED, listener);
  };
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  navigatedInApp = true;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  window.dispatchEvent(new Event(NAVIGATED));
}

export function useLocation(): Location {
  return useSyncExternalStore(subscribe, snapshot);
}

/** A link that navigates inside the app, and still opens in a new tab or window when asked to. */
export function Link({ to, onClick, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={follow} {...rest} />;
}
