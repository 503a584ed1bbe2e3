import { useEffect, useState } from 'preact/hooks';

// Hash routes: the server serves one page at /console/, and filters live in the hash so a view can be bookmarked.
// Nothing secret is ever put in the hash.
export interface Route {
  path: string[];
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const [p = '', q = ''] = hash.replace(/^#\/?/, '').split('?');
  return { path: p.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(q) };
}

export function href(path: string, query?: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v) q.set(k, v);
  const s = q.toString();
  return `#/${path}${s ? `?${s}` : ''}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}

// The detail page's way back returns to the audit log as the officer left it (filters and all).
let lastLog = '#/log';
export function rememberLog(hash: string): void {
  lastLog = hash;
}
export function lastLogHref(): string {
  return lastLog;
}
