// The kiosk's copy of the published content, so that it shows every page it
// can show (not only those someone opened) when the network is down for days,
// and converges when it returns. A chunk of its own, loaded in kiosk mode only.
//
// The copy is made of the answers the kiosk's own pages ask for: the sync
// renders every kiosk page off screen, through the same page code a visitor
// gets, and the service worker keeps each GraphQL answer under the URL the
// page asks it by (src/sw.ts, network first). Offline, a page finds its
// answers there, so what it shows never differs from what it would show
// online. The pictures those pages show (kiosk-size renditions) go to a
// cache of the service worker's own that is not trimmed.
//
// The protocol (docs/client-developers.md, "Syncing a copy"):
// 1. Snapshot: read changesHead first, then the ID and slug of every item
//    (to find an item's page when a TOMBSTONE names it by ID alone), then
//    render every page reachable from the kiosk's menus and items (links
//    followed, filters not), save the pictures, and keep the manifest (pages,
//    their links and pictures, items, cursor) in localStorage.
// 2. Every sync interval: read changes(since: cursor) to the end; plan which
//    pages changed (the changed items' pages, every page linking to them, and
//    every list); render those pages again (fresh answers replace the saved
//    ones; a withdrawn item's page now answers "not found"); then store the
//    new manifest and cursor. A failure anywhere leaves the manifest and the
//    cursor as they were, and the next interval tries again from there.

import type { AnyVariables, TypedDocumentNode } from '@urql/core';
import { sticky } from './router';
import type { ChangeKind } from './gql/graphql';

/** The kiosk path (without /kiosk) of each content type of the changes feed. */
export const itemBase: Record<string, string> = {
  Brand: '/brands',
  RoleModel: '/role-models',
  Enterprise: '/enterprises',
  Alliance: '/alliances',
  Venue: '/venues',
  MediaCoverage: '/coverage',
};

const itemPathRe = /^\/(brands|role-models|enterprises|alliances|venues|coverage)\/[^/?]+/;

/** Pages of the kiosk's menus: the snapshot starts there (and from every item's page). */
export const menuPages = ['/', '/brands', '/regions', '/venues', '/alliances', '/events'];

/** What the sync keeps of one page. */
export interface PageEntry {
  /** pages (keys) it links to */
  links: string[];
  /** pictures it shows (same-origin /media/ paths) */
  pictures: string[];
}

/** Manifest is the kiosk's record of its copy, saved after each complete snapshot or sync. */
export interface Manifest {
  version: 1;
  lang: 'zh' | 'en';
  /** where the next sync reads the changes feed from */
  cursor: string | null;
  /** page key (path and query, without /kiosk and the sticky parameters) → what it links to and shows */
  pages: Record<string, PageEntry>;
  /** global ID → page key of an item the kiosk holds */
  items: Record<string, string>;
  /** when the copy last caught up with the server (ISO time) */
  at: string;
}

/** One change of the feed, as the sync needs it. */
export interface SyncChange {
  kind: ChangeKind | 'UPSERT' | 'TOMBSTONE';
  type: string;
  id: string;
  node?: { id?: string; slug?: string } | null;
}

/** pageKey turns a link into a page key, or null when it is not a kiosk page the copy keeps. */
export function pageKey(href: string, origin = 'http://kiosk.invalid'): string | null {
  let u: URL;
  try {
    u = new URL(href, origin + '/kiosk');
  } catch {
    return null;
  }
  if (u.origin !== origin) return null;
  if (u.pathname !== '/kiosk' && !u.pathname.startsWith('/kiosk/')) return null;
  const path = u.pathname.slice('/kiosk'.length) || '/';
  if (/^\/(search|admin|preview)(\/|$)/.test(path)) return null;
  const q = [...u.searchParams].filter(([k]) => !(sticky as readonly string[]).includes(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const qs = new URLSearchParams(q).toString();
  return qs ? `${path}?${qs}` : path;
}

/** isItemPage tells whether a page key is one item's page (not a list). */
export function isItemPage(key: string): boolean {
  return itemPathRe.test(key);
}

/** itemPage is the page key of an item, or null for a type the kiosk does not show. */
export function itemPage(type: string, slug: string | undefined): string | null {
  const base = itemBase[type];
  return base && slug ? `${base}/${encodeURIComponent(slug)}` : null;
}

/** Plan is what applying some changes needs: the pages to render again and the items held after. */
export interface Plan {
  refresh: string[];
  items: Record<string, string>;
}

/**
 * planSync works out, from the changes in feed order, which pages to render
 * again: each changed item's page (an UPSERT's under its current slug, a
 * TOMBSTONE's under the slug held), the pages of the copy that link to them
 * or to one of their pages (an item page with ?coverage=all...), and every
 * list (home, lists, regions: a newly published item appears there). No
 * change: nothing to do.
 */
export function planSync(m: Pick<Manifest, 'pages' | 'items'>, changes: SyncChange[]): Plan {
  const items = { ...m.items };
  if (!changes.length) return { refresh: [], items };
  const changed = new Set<string>();
  for (const c of changes) {
    const held = items[c.id];
    if (held) changed.add(held);
    if (c.kind === 'TOMBSTONE') {
      delete items[c.id];
      continue;
    }
    const key = itemPage(c.type, c.node?.slug);
    if (key) {
      items[c.id] = key;
      changed.add(key);
    }
  }
  const base = (k: string) => k.split('?')[0];
  const changedBase = new Set([...changed].map(base));
  const refresh = new Set(changed);
  for (const [key, e] of Object.entries(m.pages)) {
    if (!isItemPage(key) || changedBase.has(base(key)) || e.links.some((l) => changedBase.has(base(l)))) refresh.add(key);
  }
  return { refresh: [...refresh].sort(), items };
}

/** What rendering one page off screen found. */
export interface PageScan extends PageEntry {
  /** false when the page says "not found" (a withdrawn item, a page of a list that got shorter) */
  found: boolean;
}

/**
 * crawl renders the pages of start, then every page they link to that pages
 * does not hold yet (up to limit pages), a few at a time. It returns the
 * pages found; the first failed render fails it all.
 */
export async function crawl(
  start: Iterable<string>,
  render: (key: string) => Promise<PageScan>,
  pages: Record<string, PageEntry>,
  opts: { limit?: number; parallel?: number; retries?: number; pause?: (ms: number) => Promise<void> } = {},
): Promise<{ found: Record<string, PageEntry>; gone: string[] }> {
  const limit = opts.limit ?? 5000;
  const retries = opts.retries ?? 3;
  const pause = opts.pause ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  // A snapshot sends a few hundred requests: the server's rate limit (429)
  // may refuse some, so a failed page waits (1, 2, 4 s) and tries again
  // before the whole crawl fails.
  const renderRetrying = async (key: string): Promise<PageScan> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await render(key);
      } catch (err) {
        if (attempt >= retries) throw err;
        await pause(1000 * 2 ** attempt);
      }
    }
  };
  const queue = [...new Set(start)];
  const seen = new Set(queue);
  const found: Record<string, PageEntry> = {};
  const gone: string[] = [];
  const worker = async () => {
    for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
      const s = await renderRetrying(key);
      if (!s.found) {
        gone.push(key);
        continue;
      }
      found[key] = { links: s.links, pictures: s.pictures };
      for (const l of s.links) {
        if (seen.has(l) || l in pages || seen.size >= limit) continue;
        seen.add(l);
        queue.push(l);
      }
    }
  };
  // Workers stop when the queue is empty: one that finds new links while the
  // others have stopped carries on alone, so run rounds until it is empty.
  while (queue.length) await Promise.all(Array.from({ length: opts.parallel ?? 3 }, worker));
  return { found, gone };
}

/** What the sync needs from the page around it (injected, so tests need no browser). */
export interface SyncDeps {
  lang: 'zh' | 'en';
  /** a fresh GraphQL answer (never the copy) */
  query<D, V extends AnyVariables>(doc: TypedDocumentNode<D, V>, vars: V): Promise<D>;
  /** render one kiosk page off screen with fresh answers (which the service worker saves) */
  render(key: string): Promise<PageScan>;
  /** keep exactly these pictures; resolves with what is stored */
  pictures(urls: string[]): Promise<{ stored: number; failed: number; bytes: number }>;
  load(): Manifest | null;
  save(m: Manifest): void;
  /** the copy changed: these pages link to other pages or show other pictures now, are new, or are gone */
  changed(keys: string[]): void;
  now?: () => Date;
  /** waits before a failed page is tried again (tests: at once) */
  pause?: (ms: number) => Promise<void>;
}

function allPictures(pages: Record<string, PageEntry>): string[] {
  return [...new Set(Object.values(pages).flatMap((p) => p.pictures))].sort();
}

/** Sync keeps the kiosk's copy: a snapshot when there is none, then the changes. */
export class Sync {
  private busy = false;
  constructor(private readonly d: SyncDeps) {}

  /** snapshot makes a new copy from scratch and saves it. */
  async snapshot(): Promise<Manifest> {
    const { KioskHeadDocument, KioskIndexDocument } = await import('./gql/graphql');
    // The cursor first: a change made while the copy loads is then read by
    // the first sync (applying an UPSERT twice is harmless).
    const { changesHead } = await this.d.query(KioskHeadDocument, {});
    const items: Record<string, string> = {};
    type Conn = { pageInfo: { hasNextPage: boolean; endCursor?: string | null }; edges?: ({ node?: { id: string; slug: string } | null } | null)[] | null };
    const fields = { brands: 'Brand', roleModels: 'RoleModel', enterprises: 'Enterprise', alliances: 'Alliance', venues: 'Venue', mediaCoverages: 'MediaCoverage' } as const;
    const vars: Record<string, string | null> = { brands: null, roleModels: null, enterprises: null, alliances: null, venues: null, coverage: null };
    const done = new Set<string>();
    for (let round = 0; done.size < 6 && round < 100; round++) {
      const page = (await this.d.query(KioskIndexDocument, vars)) as unknown as Record<keyof typeof fields, Conn>;
      for (const [field, type] of Object.entries(fields) as [keyof typeof fields, string][]) {
        if (done.has(field)) continue;
        const conn = page[field];
        for (const e of conn.edges ?? []) if (e?.node) items[e.node.id] = itemPage(type, e.node.slug)!;
        const v = field === 'mediaCoverages' ? 'coverage' : field;
        if (conn.pageInfo.hasNextPage && conn.pageInfo.endCursor) vars[v] = conn.pageInfo.endCursor;
        else done.add(field);
      }
    }
    const { found } = await crawl([...menuPages, ...Object.values(items)], this.d.render, {}, { pause: this.d.pause });
    const m: Manifest = { version: 1, lang: this.d.lang, cursor: changesHead ?? null, pages: found, items, at: this.now() };
    await this.d.pictures(allPictures(found));
    this.d.save(m);
    return m;
  }

  /**
   * syncOnce brings the copy up to date: a snapshot when there is none (or
   * one of another language), else the changes since its cursor. It returns
   * the pages rendered again; it throws, changing nothing, when a request fails.
   */
  async syncOnce(): Promise<string[]> {
    if (this.busy) return [];
    this.busy = true;
    try {
      const m = this.d.load();
      if (!m || m.version !== 1 || m.lang !== this.d.lang) {
        const fresh = await this.snapshot();
        const keys = Object.keys(fresh.pages);
        this.d.changed(keys);
        return keys;
      }
      const { KioskChangesDocument } = await import('./gql/graphql');
      const changes: SyncChange[] = [];
      let cursor = m.cursor;
      for (let i = 0; i < 1000; i++) {
        const { changes: page } = await this.d.query(KioskChangesDocument, { since: cursor });
        changes.push(...page.changes);
        cursor = page.cursor ?? cursor;
        if (!page.hasMore) break;
      }
      const plan = planSync(m, changes);
      const pages = { ...m.pages };
      // Pages that now link to other pages, show other pictures, or are gone:
      // the one on screen is redrawn (a page whose text alone changed shows it
      // at the next visit, so a visitor reading it is not sent back to its first page).
      const moved: string[] = [];
      if (plan.refresh.length) {
        const { found, gone } = await crawl(plan.refresh, this.d.render, pages, { pause: this.d.pause });
        for (const k of gone) delete pages[k];
        for (const [k, e] of Object.entries(found)) if (JSON.stringify(e) !== JSON.stringify(pages[k])) moved.push(k);
        moved.push(...gone);
        Object.assign(pages, found);
        await this.d.pictures(allPictures(pages));
      }
      this.d.save({ ...m, cursor, pages, items: plan.items, at: this.now() });
      if (moved.length) this.d.changed(moved.sort());
      return plan.refresh;
    } finally {
      this.busy = false;
    }
  }

  private now(): string {
    return (this.d.now?.() ?? new Date()).toISOString();
  }
}

/** The key under which a kiosk keeps its manifest, per language. */
export const manifestKey = (lang: string) => `brandshow-kiosk-copy-${lang}`;

export interface KioskSyncOptions {
  lang: 'zh' | 'en';
  /** seconds between syncs */
  interval: number;
  /** the page of a route, as the site renders it */
  pageAt(path: string, params: URLSearchParams): Promise<{ title: string; body: Node }>;
  /** the title of the "not found" page, in the kiosk's language */
  notFoundTitle: string;
  /** the copy changed: these pages are new */
  changed(keys: string[]): void;
}

/**
 * startSync runs the kiosk's sync in the browser: at once, then every
 * interval seconds. <html data-kiosk-sync> says where it stands ("loading",
 * "ready", "failed") and data-kiosk-syncs how many syncs succeeded, for the
 * operator's eye and the end-to-end tests.
 */
export function startSync(o: KioskSyncOptions): Sync {
  const root = document.documentElement;
  let syncs = 0;
  const sync = new Sync({
    lang: o.lang,
    query: async (doc, vars) => {
      const { makeClient, run } = await import('./api');
      return run(doc, vars, { fresh: true, c: makeClient('/graphql', { cache: 'no-cache' }) });
    },
    render: (key) => renderOffscreen(o, key),
    pictures: keepPictures,
    load: () => {
      try {
        return JSON.parse(localStorage.getItem(manifestKey(o.lang)) ?? 'null') as Manifest | null;
      } catch {
        return null;
      }
    },
    save: (m) => localStorage.setItem(manifestKey(o.lang), JSON.stringify(m)),
    changed: o.changed,
  });
  let running = false;
  const tick = async () => {
    // A snapshot can take longer than an interval: one sync at a time.
    if (running) return;
    running = true;
    if (!root.dataset.kioskSync) root.dataset.kioskSync = 'loading';
    const { buildOffscreen } = await import('./dom');
    const { makeClient, resetClient, useClient } = await import('./api');
    // Fresh answers for the pages rendered off screen: a client of their own
    // (its document cache lives for this sync only) that revalidates the
    // browser's HTTP cache, so a withdrawn item's page answers "not found" at once.
    useClient(makeClient('/graphql', { cache: 'no-cache' }));
    buildOffscreen(document.implementation.createHTMLDocument(''));
    try {
      await sync.syncOnce();
      syncs++;
      root.dataset.kioskSync = 'ready';
      root.dataset.kioskSyncs = String(syncs);
    } catch (err) {
      // Offline, or the server failed: the copy stays as it was; try again next time.
      if (root.dataset.kioskSync !== 'ready') root.dataset.kioskSync = 'failed';
      console.warn('kiosk sync:', err);
    } finally {
      buildOffscreen(null);
      resetClient();
      running = false;
    }
  };
  void tick();
  setInterval(() => void tick(), o.interval * 1000);
  return sync;
}

async function renderOffscreen(o: KioskSyncOptions, key: string): Promise<PageScan> {
  const { ApiError, run } = await import('./api');
  const { AboutDocument } = await import('./gql/graphql');
  const u = new URL(key, 'http://kiosk.invalid');
  const params = new URLSearchParams(u.search);
  if (o.lang === 'en') params.set('lang', 'en');
  let page: { title: string; body: Node };
  try {
    // The site's notice, which every page shows, and the page itself.
    [, page] = await Promise.all([run(AboutDocument, { lang: o.lang === 'en' ? 'EN' : 'ZH' }), o.pageAt(u.pathname, params)]);
  } catch (err) {
    // The API said no (not the network): a page that no longer is.
    if (err instanceof ApiError && !err.offline) return { found: false, links: [], pictures: [] };
    throw err;
  }
  if (page.title === o.notFoundTitle) return { found: false, links: [], pictures: [] };
  const el = page.body as Element;
  const links = new Set<string>();
  for (const a of el.querySelectorAll?.('a[href]') ?? []) {
    const k = pageKey(a.getAttribute('href')!);
    if (k) links.add(k);
  }
  const pictures = new Set<string>();
  for (const img of el.querySelectorAll?.('img[src]') ?? []) {
    const src = img.getAttribute('src')!;
    if (src.startsWith('/media/')) pictures.add(src);
  }
  return { found: true, links: [...links].sort(), pictures: [...pictures].sort() };
}

/** keepPictures asks the service worker to keep exactly these pictures (the copy's), and waits for it. */
async function keepPictures(urls: string[]): Promise<{ stored: number; failed: number; bytes: number }> {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return { stored: 0, failed: 0, bytes: 0 };
  const reg = await navigator.serviceWorker.ready;
  if (!reg.active) return { stored: 0, failed: urls.length, bytes: 0 };
  const ch = new MessageChannel();
  const answer = new Promise<{ stored: number; failed: number; bytes: number }>((resolve) => {
    ch.port1.onmessage = (e) => resolve(e.data as { stored: number; failed: number; bytes: number });
  });
  reg.active.postMessage({ type: 'kiosk-pictures', urls }, [ch.port2]);
  return answer;
}
