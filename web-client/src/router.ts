// Routes of the site. Every page has its own URL (slugs are stable, language
// and kiosk timings ride along as query parameters), so any page can be shared.

export type Route =
  | { page: 'home' }
  | { page: 'brand'; slug: string }
  | { page: 'roleModel'; slug: string }
  | { page: 'regions' }
  | { page: 'region'; code: string }
  | { page: 'brands' }
  | { page: 'venues' }
  | { page: 'venue'; slug: string }
  | { page: 'alliances' }
  | { page: 'alliance'; slug: string }
  | { page: 'enterprise'; slug: string }
  | { page: 'coverage'; slug: string }
  | { page: 'search' }
  | { page: 'events' }
  | { page: 'admin' }
  | { page: 'preview'; secret: string }
  | { page: 'notFound' };

const slugRe = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const withSlug: Record<string, Route['page']> = {
  brands: 'brand',
  'role-models': 'roleModel',
  venues: 'venue',
  alliances: 'alliance',
  enterprises: 'enterprise',
  coverage: 'coverage',
};

/** matchRoute maps a path (without the /kiosk prefix) to a page. */
export function matchRoute(path: string): Route {
  const parts = path.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
  if (parts.length === 0) return { page: 'home' };
  if (parts.length === 1) {
    switch (parts[0]) {
      case 'regions':
        return { page: 'regions' };
      case 'brands':
        return { page: 'brands' };
      case 'venues':
        return { page: 'venues' };
      case 'alliances':
        return { page: 'alliances' };
      case 'search':
        return { page: 'search' };
      case 'events':
        return { page: 'events' };
      case 'admin':
        return { page: 'admin' };
    }
  }
  if (parts.length === 2) {
    if (parts[0] === 'regions' && /^\d{6}$/.test(parts[1])) return { page: 'region', code: parts[1] };
    if (parts[0] === 'preview' && /^[A-Za-z0-9_-]{16,128}$/.test(parts[1])) return { page: 'preview', secret: parts[1] };
    const page = withSlug[parts[0]];
    if (page && slugRe.test(parts[1])) return { page, slug: parts[1] } as Route;
  }
  return { page: 'notFound' };
}

/** Location split into kiosk mode and the page path. */
export interface Place {
  kiosk: boolean;
  path: string;
}

/** splitKiosk tells whether a path is in the kiosk (/kiosk/... or ?kiosk=1) and strips the prefix. */
export function splitKiosk(pathname: string, search: URLSearchParams): Place {
  if (pathname === '/kiosk' || pathname.startsWith('/kiosk/')) {
    return { kiosk: true, path: pathname.slice('/kiosk'.length) || '/' };
  }
  return { kiosk: search.get('kiosk') === '1', path: pathname };
}

/** Parameters that every link keeps: the language and the kiosk's timings. */
export const sticky = ['lang', 'idle', 'attract', 'slide', 'ping', 'kioskId'] as const;

/** link builds an internal URL that keeps the kiosk prefix and the sticky parameters. */
export function link(path: string, current: URLSearchParams, kiosk: boolean, extra?: Record<string, string>): string {
  const q = new URLSearchParams();
  for (const k of sticky) {
    const v = current.get(k);
    if (v !== null && v !== '') q.set(k, v);
  }
  if (extra) for (const [k, v] of Object.entries(extra)) q.set(k, v);
  const qs = q.toString();
  const p = kiosk ? `/kiosk${path === '/' ? '' : path}` : path;
  return qs ? `${p}?${qs}` : p;
}

/** withLang gives the current URL in another language. */
export function withLang(href: string, lang: 'zh' | 'en'): string {
  const url = new URL(href, 'http://x');
  if (lang === 'en') url.searchParams.set('lang', 'en');
  else url.searchParams.delete('lang');
  const qs = url.searchParams.toString();
  return url.pathname + (qs ? `?${qs}` : '');
}
