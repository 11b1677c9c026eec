// Kiosk mode (/kiosk): a start screen of big touch targets, an attract loop
// of featured brands when nobody touches the screen, a return to the start
// screen after an idle time, and an offline badge while the network is down
// (the service worker keeps showing saved answers meanwhile).

import { h } from './dom';
import { resetClient, run } from './api';
import { IdleController, kioskParams } from './idle';
import { figures, homeData } from './pages/home';
import { brandCard } from './pages/common';
import { link } from './router';
import { langFrom, t } from './i18n';
import { makeCtx, type Ctx, type Page } from './ctx';
import { KioskPicturesDocument, type HomeQuery, type UpcomingEventsQuery } from './gql/graphql';
import { eventWhen, upcomingEvents } from './pages/events';

export interface Kiosk {
  /** called after every render; atStart tells whether the start screen shows */
  rendered(atStart: boolean): void;
}

let lastHome: HomeQuery | null = null;
let lastUpcoming: UpcomingEventsQuery['upcomingEvents'] = [];

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

/** kioskPictureUrls lists the same-origin picture paths of a KioskPictures answer. */
export function kioskPictureUrls(brands: { logo?: { small: string } | null; pictures?: { kiosk: string }[] | null }[]): string[] {
  const urls = brands.flatMap((b) => [b.logo?.small, ...(b.pictures ?? []).map((p) => p.kiosk)]);
  return [...new Set(urls.filter((u): u is string => !!u && u.startsWith('/media/')))];
}

let picturesSaved = false;

/**
 * savePictures asks the service worker, once per page load, to save the
 * kiosk-size rendition of every picture of the featured brands, so the kiosk
 * shows them offline though nobody opened every brand while online.
 */
async function savePictures(): Promise<void> {
  if (picturesSaved || !('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  picturesSaved = true;
  try {
    const d = await run(KioskPicturesDocument, { first: 12 }, { fresh: true });
    const reg = await navigator.serviceWorker.ready;
    reg.active?.postMessage({ type: 'cache', urls: kioskPictureUrls(d.featuredBrands) });
  } catch {
    picturesSaved = false; // offline now: try again on the next start screen
  }
}

export async function kioskStartPage(ctx: Ctx): Promise<Page> {
  const d = await featured(ctx);
  void savePictures();
  // The attract loop's "upcoming events" slide; without it the loop shows brands only.
  lastUpcoming = await upcomingEvents(ctx, true).catch(() => lastUpcoming);
  return {
    title: ctx.t('siteTitle'),
    body: h(
      'div',
      { class: 'kiosk-start' },
      h('h1', null, ctx.t('kioskStart')),
      figures(ctx, d.stats),
      h('ul', { class: 'cards', id: 'featured' }, d.featuredBrands.map((b) => brandCard(ctx, b))),
      h('div', { class: 'big-buttons' }, h('a', { class: 'button', href: ctx.link('/regions') }, ctx.t('regions')), h('a', { class: 'button', href: ctx.link('/alliances') }, ctx.t('alliances')), h('a', { class: 'button', href: ctx.link('/events') }, ctx.t('events'))),
    ),
  };
}

export function startKiosk(params: URLSearchParams, app: { render: () => Promise<void>; navigate: (url: string) => void }): Kiosk {
  const opts = kioskParams(params);
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
    const brands = lastHome?.featuredBrands ?? [];
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
        stage.replaceChildren(h('div', { class: 'attract-slide', 'data-slug': b.slug }, h('p', { class: 'meta' }, `${b.region.name} · ${ctx.label(b.category)}`), h('h2', null, b.name), h('p', { class: 'lead' }, b.summary)));
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
    onAttract: startAttract,
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
