// Kiosk mode (/kiosk), for an exhibition screen (1920×1080 or 1080×1920):
// a start screen with the map of Hubei, the key figures and the featured
// brands; an attract loop of full-screen pictures, each with the brand's
// name and a QR code of its public page, when nobody touches the screen; a
// return to the start screen after an idle time; and an offline badge while
// the network is down (the service worker keeps showing saved answers).
// No kiosk page scrolls: long pages are paged (src/pager.ts).

import { h } from './dom';
import { resetClient, run } from './api';
import { IdleController, kioskParams } from './idle';
import { figures, homeData } from './pages/home';
import { brandCard, focus, placeholder } from './pages/common';
import { link } from './router';
import { langFrom, t } from './i18n';
import { makeCtx, type Ctx, type Page } from './ctx';
import { KioskPicturesDocument, type HomeQuery, type KioskPicturesQuery, type UpcomingEventsQuery } from './gql/graphql';
import { eventWhen, upcomingEvents } from './pages/events';
import { mapBlock } from './pages/mapdata';
import { paged } from './pager';

export interface Kiosk {
  /** called after every render; atStart tells whether the start screen shows */
  rendered(atStart: boolean): void;
}

let lastHome: HomeQuery | null = null;
let lastUpcoming: UpcomingEventsQuery['upcomingEvents'] = [];
/** The featured brands with their pictures: the attract loop's slides. */
let lastAttract: KioskPicturesQuery['featuredBrands'] = [];
/** The QR module, loaded when the kiosk starts (kiosks only: the site does not load it). */
let qr: typeof import('./qr') | null = null;

async function featured(ctx: Ctx): Promise<HomeQuery> {
  let d: HomeQuery;
  try {
    d = await homeData(ctx, true);
  } catch (err) {
    // Network down and no saved answer for a fresh request: use what the
    // page already had, or the cached answer.
    d = lastHome ?? (await homeData(ctx, false).catch(() => Promise.reject(err)));
  }
  lastHome = d;
  return d;
}

/** KIOSK_PICTURE_WIDTH is the rendition a kiosk shows pictures at on brand pages (logos: 320). */
export const KIOSK_PICTURE_WIDTH = 640;

/**
 * kioskPictureUrls lists the same-origin picture paths of a KioskPictures
 * answer: logos and pictures at kiosk size, and each brand's first picture
 * at full-screen size (the attract loop's).
 */
export function kioskPictureUrls(brands: { logo?: { small: string } | null; pictures?: { kiosk: string; full?: string }[] | null }[]): string[] {
  const urls = brands.flatMap((b) => [b.logo?.small, ...(b.pictures ?? []).map((p) => p.kiosk), b.pictures?.[0]?.full]);
  return [...new Set(urls.filter((u): u is string => !!u && u.startsWith('/media/')))];
}

/**
 * publicBase is the site's public address: the origin of the canonical link
 * the server put in the page's head (PUBLIC_URL when the operator set it,
 * else the address the kiosk was opened at). The attract loop's QR codes
 * point there, so a phone can open them even when the kiosk itself runs on
 * a local address.
 */
export function publicBase(doc: Document = document): string {
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  try {
    if (canonical) return new URL(canonical).origin;
  } catch {
    // fall through
  }
  return location.origin;
}

/** brandPublicUrl is the public page of a brand (not the kiosk's copy), in the kiosk's language. */
export function brandPublicUrl(base: string, slug: string, lang: 'zh' | 'en'): string {
  const u = new URL(`/brands/${encodeURIComponent(slug)}`, base);
  if (lang === 'en') u.searchParams.set('lang', 'en');
  return u.href;
}

let picturesSaved = false;

/**
 * savePictures asks the service worker, once per page load, to save the
 * kiosk-size rendition of every picture of the featured brands (and the
 * attract loop's full-screen ones), so the kiosk shows them offline though
 * nobody opened every brand while online.
 */
async function savePictures(brands: KioskPicturesQuery['featuredBrands']): Promise<void> {
  if (picturesSaved || !('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  picturesSaved = true;
  try {
    const reg = await navigator.serviceWorker.ready;
    reg.active?.postMessage({ type: 'cache', urls: kioskPictureUrls(brands) });
  } catch {
    picturesSaved = false;
  }
}

/**
 * attractBrands loads the attract loop's slides: fresh when online (true),
 * else the saved answer (false).
 */
async function attractBrands(ctx: Ctx): Promise<boolean> {
  try {
    lastAttract = (await run(KioskPicturesDocument, { first: 12, lang: ctx.api }, { fresh: true })).featuredBrands;
    return true;
  } catch {
    lastAttract = await run(KioskPicturesDocument, { first: 12, lang: ctx.api }).then((d) => d.featuredBrands).catch(() => lastAttract);
    return false;
  }
}

export async function kioskStartPage(ctx: Ctx): Promise<Page> {
  const [d, map] = await Promise.all([featured(ctx), mapBlock(ctx, 32).catch(() => null)]);
  // The attract loop's "upcoming events" slide; without it the loop shows brands only.
  const [upcoming, online] = await Promise.all([upcomingEvents(ctx, true).catch(() => lastUpcoming), attractBrands(ctx)]);
  lastUpcoming = upcoming;
  // Offline now: the pictures are saved on the next start screen online.
  if (online) void savePictures(lastAttract);
  return {
    title: ctx.t('siteTitle'),
    body: h(
      'div',
      { class: 'kiosk-start' },
      h('section', { class: 'home-map', 'aria-labelledby': 'map-title' }, h('h2', { id: 'map-title' }, ctx.t('mapTitle')), map),
      h(
        'div',
        { class: 'home-side' },
        h('h1', null, ctx.t('kioskStart')),
        figures(ctx, d.stats),
        h(
          'section',
          { class: 'home-featured', 'aria-labelledby': 'featured-title' },
          h('h2', { id: 'featured-title' }, ctx.t('featured')),
          paged(ctx, h('ul', { class: 'cards', id: 'featured' }, d.featuredBrands.map((b) => brandCard(ctx, b))), { label: ctx.t('featured'), id: 'featured-pages' }),
        ),
      ),
    ),
  };
}

/** attractSlide is one brand full screen: its first picture, its name, and a QR code of its public page. */
function attractSlide(ctx: Ctx, b: KioskPicturesQuery['featuredBrands'][number]): HTMLElement {
  const pic = b.pictures?.[0];
  const url = brandPublicUrl(publicBase(), b.slug, ctx.lang);
  const picture = pic
    ? focus(placeholder(h('img', { class: 'attract-picture', src: pic.full, alt: ctx.lang === 'en' && pic.altEn ? pic.altEn : pic.alt }), pic.dominantColor), pic.focalPoint)
    : h('div', { class: 'attract-picture none', 'aria-hidden': 'true' });
  return h(
    'div',
    { class: 'attract-slide brand-slide', 'data-slug': b.slug },
    picture,
    h(
      'div',
      { class: 'attract-caption' },
      h('p', { class: 'meta' }, `${b.region.name} · ${ctx.label(b.category)}`),
      h('h2', null, b.name),
      h('p', { class: 'lead' }, b.summary),
    ),
    qr ? h('figure', { class: 'qr' }, qr.qrSvg(url, ctx.t('qrLabel').replace('{url}', url)), h('figcaption', null, ctx.t('scanQr'))) : null,
    pic?.credit ? h('p', { class: 'credit' }, pic.credit) : null,
  );
}

export function startKiosk(params: URLSearchParams, app: { render: () => Promise<void>; navigate: (url: string) => void }): Kiosk {
  const opts = kioskParams(params);
  // The QR module comes with the kiosk, before the first attract loop (and so into the service worker's cache).
  const qrReady = import('./qr').then((m) => void (qr = m)).catch(() => undefined);
  let atStart = true;
  let overlay: HTMLElement | null = null;
  let slideTimer: ReturnType<typeof setInterval> | null = null;

  const stopAttract = () => {
    if (slideTimer) clearInterval(slideTimer);
    slideTimer = null;
    overlay?.remove();
    overlay = null;
  };

  const startAttract = () => {
    const p = new URLSearchParams(location.search);
    const ctx = makeCtx(langFrom(p), true, p);
    const brands = lastAttract;
    if (!brands.length || overlay) return;
    let i = 0;
    const stage = h('div', { class: 'attract-stage' });
    const upcoming = lastUpcoming.filter((e) => !e.cancelled);
    // Every fourth slide lists the upcoming events, when there are any.
    const slides = upcoming.length ? brands.length + Math.ceil(brands.length / 3) : brands.length;
    const show = () => {
      const n = i % slides;
      if (upcoming.length && n % 4 === 3) {
        stage.replaceChildren(
          h('div', { class: 'attract-slide events-slide', 'data-slide': 'events' }, h('h2', null, ctx.t('upcomingEvents')),
            h('ul', { class: 'list' }, upcoming.slice(0, 4).map((e) => h('li', null, h('p', { class: 'meta' }, `${eventWhen(ctx, e)} · ${e.venue?.name ?? e.region.name}`), h('strong', null, e.title))))),
        );
      } else {
        const b = brands[(n - (upcoming.length ? Math.floor((n + 1) / 4) : 0)) % brands.length];
        stage.replaceChildren(attractSlide(ctx, b));
      }
      i++;
    };
    show();
    overlay = h('div', { class: 'attract', id: 'attract', role: 'button', tabindex: '0' }, stage, h('p', { class: 'touch' }, ctx.t('touchToStart')));
    overlay.addEventListener('click', (e) => {
      e.stopPropagation();
      stopAttract();
      idle.activity();
    });
    document.body.appendChild(overlay);
    slideTimer = setInterval(show, opts.slide * 1000);
  };

  const idle = new IdleController({
    attractAfter: opts.attract * 1000,
    resetAfter: opts.idle * 1000,
    atStart: () => atStart,
    onAttract: () => void qrReady.then(startAttract),
    onReset: () => {
      const p = new URLSearchParams(location.search);
      app.navigate(link('/', p, true));
    },
  });

  for (const ev of ['pointerdown', 'touchstart', 'wheel', 'scroll'] as const) {
    window.addEventListener(ev, () => {
      if (!overlay) idle.activity();
    }, { passive: true, capture: true });
  }
  // Touch only: no context menu from a long press.
  window.addEventListener('contextmenu', (e) => e.preventDefault());

  // Watch the network: a badge while it is down, a fresh render when it returns.
  const badge = h('aside', { class: 'offline-badge', role: 'status', hidden: true }, t(langFrom(params), 'offline'));
  document.body.appendChild(badge);
  let offline = false;
  // With ?kioskId=hall-a-1 the ping is the kiosk's heartbeat, which the
  // operator sees in /metrics (last seen per kiosk); without, a health check.
  const kioskId = params.get('kioskId') ?? '';
  const pingRequest = (): Promise<Response> =>
    /^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/.test(kioskId)
      ? fetch(`/kiosks/${kioskId}/heartbeat`, { method: 'POST', cache: 'no-store' })
      : fetch('/healthz', { cache: 'no-store' });
  const ping = async () => {
    let ok = false;
    try {
      const res = await pingRequest();
      ok = res.ok;
    } catch {
      ok = false;
    }
    if (!ok && !offline) {
      offline = true;
      badge.hidden = false;
      document.body.classList.add('offline');
    } else if (ok && offline) {
      offline = false;
      badge.hidden = true;
      document.body.classList.remove('offline');
      resetClient();
      if (!overlay) void app.render();
    }
  };
  setInterval(() => void ping(), opts.ping * 1000);
  window.addEventListener('offline', () => void ping());
  window.addEventListener('online', () => void ping());

  return {
    rendered(start: boolean) {
      atStart = start;
      if (!start) stopAttract();
      if (!overlay) idle.activity();
    },
  };
}
