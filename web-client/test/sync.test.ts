import { describe, expect, it } from 'vitest';
import { crawl, isItemPage, pageKey, planSync, Sync, type Manifest, type PageScan, type SyncDeps } from '../src/sync';
import { KioskChangesDocument, KioskHeadDocument, KioskIndexDocument } from '../src/gql/graphql';

describe('pageKey', () => {
  it('keeps kiosk pages by path and query, without /kiosk and the sticky parameters', () => {
    expect(pageKey('/kiosk?idle=600&ping=0.5')).toBe('/');
    expect(pageKey('/kiosk/brands?sync=2&after=abc&lang=en')).toBe('/brands?after=abc');
    expect(pageKey('/kiosk/brands/hongan-dasao?coverage=all&idle=9')).toBe('/brands/hongan-dasao?coverage=all');
  });
  it('refuses what the copy does not keep: other origins, the site outside the kiosk, search', () => {
    expect(pageKey('https://elsewhere.example/kiosk/brands')).toBeNull();
    expect(pageKey('/brands/hongan-dasao')).toBeNull();
    expect(pageKey('/kiosk/search?q=tea')).toBeNull();
  });
  it('tells item pages from lists', () => {
    expect(isItemPage('/brands/hongan-dasao')).toBe(true);
    expect(isItemPage('/coverage/a-report')).toBe(true);
    expect(isItemPage('/brands?after=abc')).toBe(false);
    expect(isItemPage('/regions/421100')).toBe(false);
  });
});

const manifest = (): Manifest => ({
  version: 1,
  lang: 'zh',
  cursor: 'c1',
  at: '2026-12-01T00:00:00.000Z',
  items: { B1: '/brands/tea', B2: '/brands/rice', V1: '/venues/hall' },
  pages: {
    '/': { links: ['/brands/tea'], pictures: ['/media/a-320.png'] },
    '/brands': { links: ['/brands/tea', '/brands/rice'], pictures: [] },
    '/brands/tea': { links: ['/venues/hall'], pictures: ['/media/t-640.jpg'] },
    '/brands/rice': { links: [], pictures: ['/media/r-640.jpg'] },
    '/venues/hall': { links: ['/brands/tea'], pictures: [] },
    '/alliances/other': { links: [], pictures: [] },
  },
});

describe('planSync', () => {
  it('does nothing without changes', () => {
    const m = manifest();
    expect(planSync(m, [])).toEqual({ refresh: [], items: m.items });
  });

  it('a tombstone drops the item and renders again its page, the pages linking to it and the lists', () => {
    const p = planSync(manifest(), [{ kind: 'TOMBSTONE', type: 'Brand', id: 'B1', node: null }]);
    expect(p.items).toEqual({ B2: '/brands/rice', V1: '/venues/hall' });
    expect(p.refresh).toEqual(['/', '/brands', '/brands/tea', '/venues/hall']);
  });

  it('an upsert of a new item adds it and renders its page and the lists', () => {
    const p = planSync(manifest(), [{ kind: 'UPSERT', type: 'Brand', id: 'B3', node: { id: 'B3', slug: 'oil' } }]);
    expect(p.items.B3).toBe('/brands/oil');
    expect(p.refresh).toEqual(['/', '/brands', '/brands/oil']);
  });

  it('applies changes in feed order: an item published again after a tombstone is held', () => {
    const p = planSync(manifest(), [
      { kind: 'TOMBSTONE', type: 'Brand', id: 'B2' },
      { kind: 'UPSERT', type: 'Brand', id: 'B2', node: { slug: 'rice' } },
    ]);
    expect(p.items.B2).toBe('/brands/rice');
    const q = planSync(manifest(), [
      { kind: 'UPSERT', type: 'Brand', id: 'B2', node: { slug: 'rice' } },
      { kind: 'TOMBSTONE', type: 'Brand', id: 'B2' },
    ]);
    expect(q.items.B2).toBeUndefined();
  });

  it('a type the kiosk has no page for still renders the lists again', () => {
    const p = planSync(manifest(), [{ kind: 'UPSERT', type: 'Event', id: 'E1', node: null }]);
    expect(p.refresh).toEqual(['/', '/brands']);
    expect(p.items).toEqual(manifest().items);
  });
});

describe('crawl', () => {
  it('follows links to pages not held yet, and reports pages that are gone', async () => {
    const site: Record<string, string[]> = { '/': ['/a', '/b'], '/a': ['/b', '/c'], '/b': [], '/c': ['/'] };
    const seen: string[] = [];
    const render = async (k: string): Promise<PageScan> => {
      seen.push(k);
      return k === '/b' ? { found: false, links: [], pictures: [] } : { found: true, links: site[k], pictures: [] };
    };
    const { found, gone } = await crawl(['/'], render, {});
    expect(Object.keys(found).sort()).toEqual(['/', '/a', '/c']);
    expect(gone).toEqual(['/b']);
    expect(seen.sort()).toEqual(['/', '/a', '/b', '/c']);
  });

  it('tries a failed page again (a rate limit), and fails when it keeps failing', async () => {
    let failures = 2;
    const flaky = async (k: string): Promise<PageScan> => {
      if (failures-- > 0) throw new Error('429');
      return { found: true, links: [], pictures: [k] };
    };
    const waits: number[] = [];
    const pause = async (ms: number) => void waits.push(ms);
    expect(Object.keys((await crawl(['/'], flaky, {}, { pause })).found)).toEqual(['/']);
    expect(waits).toEqual([1000, 2000]);
    failures = 10;
    await expect(crawl(['/'], flaky, {}, { pause, retries: 3 })).rejects.toThrow('429');
  });
});

/** fakeDeps is a server with a changes feed and a kiosk with a saved manifest, in memory. */
function fakeDeps(feed: { changes: { kind: 'UPSERT' | 'TOMBSTONE'; type: string; id: string; node: { id: string; slug?: string } | null; cursor: string }[] }, opts: { fail?: string } = {}) {
  let saved: Manifest | null = manifest();
  const rendered: string[] = [];
  const changed: string[][] = [];
  let pictureSet: string[] = [];
  const live: Record<string, PageScan> = {
    '/': { found: true, links: ['/brands/tea'], pictures: ['/media/a-320.png'] },
    '/brands': { found: true, links: ['/brands/tea'], pictures: [] },
    '/brands/tea': { found: true, links: ['/venues/hall'], pictures: ['/media/t-640.jpg'] },
    '/brands/rice': { found: false, links: [], pictures: [] },
    '/venues/hall': { found: true, links: ['/brands/tea'], pictures: [] },
  };
  const deps: SyncDeps = {
    lang: 'zh',
    query: async (doc, vars) => {
      if (doc === KioskChangesDocument) {
        if (opts.fail === 'changes') throw new Error('offline');
        const since = (vars as { since: string | null }).since;
        const i = feed.changes.findIndex((c) => c.cursor === since);
        const page = feed.changes.slice(i + 1, i + 2);
        return { changes: { cursor: page.at(-1)?.cursor ?? since, hasMore: i + 2 < feed.changes.length, changes: page } } as never;
      }
      if (doc === KioskHeadDocument) return { changesHead: 'c9' } as never;
      if (doc === KioskIndexDocument) {
        const conn = (nodes: { id: string; slug: string }[]) => ({ pageInfo: { hasNextPage: false, endCursor: null }, edges: nodes.map((node) => ({ node })) });
        return { brands: conn([{ id: 'B1', slug: 'tea' }]), roleModels: conn([]), enterprises: conn([]), alliances: conn([]), venues: conn([{ id: 'V1', slug: 'hall' }]), mediaCoverages: conn([]) } as never;
      }
      throw new Error('unexpected query');
    },
    render: async (key) => {
      rendered.push(key);
      if (opts.fail === key) throw new Error('offline');
      return live[key] ?? { found: false, links: [], pictures: [] };
    },
    pictures: async (urls) => {
      pictureSet = urls;
      return { stored: urls.length, failed: 0, bytes: urls.length * 1000 };
    },
    load: () => (saved ? structuredClone(saved) : null),
    save: (m) => void (saved = structuredClone(m)),
    changed: (keys) => void changed.push(keys),
    now: () => new Date('2026-12-06T12:00:00Z'),
    pause: async () => undefined,
  };
  return { deps, rendered, changed, get saved() { return saved; }, set saved(m: Manifest | null) { saved = m; }, get pictures() { return pictureSet; } };
}

const unpublishRice = {
  changes: [
    { kind: 'UPSERT' as const, type: 'Brand', id: 'B1', node: { id: 'B1', slug: 'tea' }, cursor: 'c1' },
    { kind: 'TOMBSTONE' as const, type: 'Brand', id: 'B2', node: null, cursor: 'c2' },
    { kind: 'UPSERT' as const, type: 'Venue', id: 'V1', node: { id: 'V1', slug: 'hall' }, cursor: 'c3' },
  ],
};

describe('Sync', () => {
  it('reads the feed after its cursor to the end, drops a withdrawn item and its page, and keeps the new cursor', async () => {
    const f = fakeDeps(unpublishRice);
    const refreshed = await new Sync(f.deps).syncOnce();
    expect(refreshed).toEqual(['/', '/brands', '/brands/rice', '/brands/tea', '/venues/hall']);
    expect(f.saved?.cursor).toBe('c3');
    expect(f.saved?.items).toEqual({ B1: '/brands/tea', V1: '/venues/hall' });
    expect(Object.keys(f.saved!.pages).sort()).toEqual(['/', '/alliances/other', '/brands', '/brands/tea', '/venues/hall']);
    expect(f.saved?.pages['/brands'].links).toEqual(['/brands/tea']);
    expect(f.pictures).toEqual(['/media/a-320.png', '/media/t-640.jpg']);
    expect(f.saved?.at).toBe('2026-12-06T12:00:00.000Z');
    // Redrawn if on screen: the list that lost a brand and the brand's page; the others show the same links and pictures.
    expect(f.changed).toEqual([['/brands', '/brands/rice']]);
  });

  it('with nothing new it keeps its cursor and renders nothing', async () => {
    const f = fakeDeps({ changes: [{ kind: 'UPSERT', type: 'Brand', id: 'B1', node: { id: 'B1', slug: 'tea' }, cursor: 'c1' }] });
    expect(await new Sync(f.deps).syncOnce()).toEqual([]);
    expect(f.saved?.cursor).toBe('c1');
    expect(f.rendered).toEqual([]);
    expect(f.changed).toEqual([]);
  });

  for (const fail of ['changes', '/brands/tea']) {
    it(`a failed request (${fail}) changes nothing: manifest and cursor stay, the next sync starts from there`, async () => {
      const f = fakeDeps(unpublishRice, { fail });
      const before = structuredClone(f.saved);
      await expect(new Sync(f.deps).syncOnce()).rejects.toThrow('offline');
      expect(f.saved).toEqual(before);
      expect(f.changed).toEqual([]);
    });
  }

  it('without a copy (or with one of another language) it makes a snapshot from changesHead', async () => {
    const f = fakeDeps(unpublishRice);
    f.saved = null;
    await new Sync(f.deps).syncOnce();
    const made = f.saved as Manifest | null;
    expect(made?.cursor).toBe('c9');
    expect(made?.items).toEqual({ B1: '/brands/tea', V1: '/venues/hall' });
    // The menus and every item's page, and what they link to.
    expect(f.rendered).toEqual(expect.arrayContaining(['/', '/brands', '/regions', '/venues', '/alliances', '/events', '/brands/tea', '/venues/hall']));
    expect(Object.keys(made!.pages).sort()).toEqual(['/', '/brands', '/brands/tea', '/venues/hall']);
    const en = fakeDeps(unpublishRice);
    en.deps.lang = 'en';
    await new Sync(en.deps).syncOnce();
    expect(en.saved?.lang).toBe('en');
    expect(en.saved?.cursor).toBe('c9');
  });
});
