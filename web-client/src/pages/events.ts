// Events: the calendar page (by month), the event lists of brand and venue
// pages, and the kiosk's upcoming-events slide. Every time is shown in
// Asia/Shanghai, where all events take place.

import { h } from '../dom';
import { run } from '../api';
import { EventsDocument, UpcomingEventsDocument, type EventItemFragment, type UpcomingEventsQuery } from '../gql/graphql';
import type { Ctx, Page } from '../ctx';
import type { Key } from '../i18n';
import { section } from './common';

const tz = 'Asia/Shanghai';

function parts(time: string, lang: 'zh' | 'en', opts: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: tz, ...opts }).format(new Date(time));
}

/** eventWhen shows an event's dates (and times unless all-day), in Asia/Shanghai. */
export function eventWhen(ctx: Ctx, e: Pick<EventItemFragment, 'startsAt' | 'endsAt' | 'allDay'>): string {
  const day: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };
  const time: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hour12: false };
  const start = parts(e.startsAt, ctx.lang, day);
  const end = e.endsAt ? parts(e.endsAt, ctx.lang, day) : start;
  if (e.allDay) return end === start ? `${start} · ${ctx.t('allDay')}` : `${start} – ${end}`;
  const from = `${start} ${parts(e.startsAt, ctx.lang, time)}`;
  if (!e.endsAt) return from;
  return end === start ? `${from}–${parts(e.endsAt, ctx.lang, time)}` : `${from} – ${end} ${parts(e.endsAt, ctx.lang, time)}`;
}

/** eventItem is one event in a list: when, what, where, and a cancelled mark. */
export function eventItem(ctx: Ctx, e: EventItemFragment): HTMLElement {
  const where = [e.venue ? e.venue.name : e.address, e.region.name].filter(Boolean).join(' · ');
  return h(
    'li',
    { class: e.cancelled ? 'event cancelled' : 'event', 'data-slug': e.slug, id: `e-${e.slug}` },
    h('p', { class: 'meta' }, h('time', { datetime: e.startsAt }, eventWhen(ctx, e)), ` · ${ctx.label(e.kind)}`),
    h('strong', null, e.cancelled ? h('s', null, e.title) : e.title),
    e.cancelled ? h('span', { class: 'badge' }, ` ${ctx.t('cancelled')}`) : null,
    h('p', null, e.venue ? h('a', { href: ctx.link(`/venues/${e.venue.slug}`) }, where) : where),
    e.summary ? h('p', null, e.summary) : null,
    e.registrationURL && !e.cancelled && !ctx.kiosk ? h('p', null, h('a', { href: e.registrationURL, rel: 'noopener' }, ctx.t('register'))) : null,
  );
}

/** eventSection lists events on a brand or venue page; nothing when there are none. */
export function eventSection(ctx: Ctx, events: EventItemFragment[], title: Key = 'events'): HTMLElement | null {
  if (!events.length) return null;
  return section(ctx.t(title), h('ul', { class: 'list events' }, events.map((e) => eventItem(ctx, e))));
}

/** eventsPage is the calendar: every published event, grouped by month. */
export async function eventsPage(ctx: Ctx): Promise<Page> {
  const { events } = await run(EventsDocument, { lang: ctx.api, first: 100 });
  const items = events.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];
  const months = new Map<string, EventItemFragment[]>();
  for (const e of items) {
    const m = parts(e.startsAt, ctx.lang, { year: 'numeric', month: 'long' });
    months.set(m, [...(months.get(m) ?? []), e]);
  }
  return {
    title: ctx.t('eventsTitle'),
    body: h(
      'div',
      { class: 'calendar' },
      h('h1', null, ctx.t('eventsTitle')),
      ctx.kiosk ? null : h('p', null, h('a', { href: `/feeds/events.ics${ctx.lang === 'en' ? '?lang=en' : ''}` }, ctx.t('subscribe'))),
      items.length ? [...months].map(([m, es]) => section(m, h('ul', { class: 'list events' }, es.map((e) => eventItem(ctx, e))))) : h('p', { class: 'empty' }, ctx.t('noEvents')),
    ),
  };
}

/** upcomingEvents loads the kiosk's slides. */
export async function upcomingEvents(ctx: Ctx, fresh = false): Promise<UpcomingEventsQuery['upcomingEvents']> {
  const d = await run(UpcomingEventsDocument, { lang: ctx.api, first: 5 }, { fresh });
  return d.upcomingEvents;
}
