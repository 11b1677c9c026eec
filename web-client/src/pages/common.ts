// Pieces shared by several pages.

import { h, type Child } from '../dom';
import { paragraphs } from '../text';
import type { Ctx } from '../ctx';
import type { BrandCardFragment } from '../gql/graphql';

export function paras(text: string): HTMLElement[] {
  return paragraphs(text).map((p) => h('p', null, p));
}

/** monogram stands in for a missing logo: the first character of the name. */
export function monogram(name: string): HTMLElement {
  return h('span', { class: 'monogram', 'aria-hidden': 'true' }, Array.from(name)[0] ?? '·');
}

/**
 * placeholder paints a picture's dominant colour behind it until it loads.
 * Set through the CSSOM: the page's CSP refuses style attributes.
 */
export function placeholder(img: HTMLImageElement, color: string | null | undefined): HTMLImageElement {
  if (color && /^#[0-9a-f]{6}$/i.test(color)) img.style.backgroundColor = color;
  return img;
}

/**
 * focus keeps a cropped picture's focal point in view: object-position at the
 * point (fractions from the top left), so a full-screen crop of a wide
 * photo does not cut the face or the work an editor marked.
 */
export function focus(img: HTMLImageElement, point: { x: number; y: number } | null | undefined): HTMLImageElement {
  if (point && point.x >= 0 && point.x <= 1 && point.y >= 0 && point.y <= 1) img.style.objectPosition = `${Math.round(point.x * 100)}% ${Math.round(point.y * 100)}%`;
  return img;
}

export function brandCard(ctx: Ctx, b: BrandCardFragment): HTMLElement {
  const logo = b.logo
    ? placeholder(h('img', { src: b.logo.small, alt: ctx.lang === 'en' && b.logo.altEn ? b.logo.altEn : b.logo.alt, loading: ctx.kiosk ? 'eager' : 'lazy' }), b.logo.dominantColor)
    : monogram(b.name);
  return h(
    'li',
    { class: 'card brand-card' },
    h(
      'a',
      { href: ctx.link(`/brands/${b.slug}`), class: 'card-link', 'data-brand': b.slug },
      logo,
      h('span', { class: 'card-body' }, h('strong', { class: 'card-title' }, b.name), h('span', { class: 'meta' }, `${b.region.name} · ${ctx.label(b.category)}`), h('span', { class: 'summary' }, b.summary)),
    ),
  );
}

export function section(title: string, ...children: Child[]): HTMLElement {
  return h('section', null, h('h2', null, title), ...children);
}

export function linkList(ctx: Ctx, base: string, items: { slug: string; name: string }[]): HTMLElement {
  return h('ul', { class: 'chips' }, items.map((i) => h('li', null, h('a', { href: ctx.link(`${base}/${i.slug}`) }, i.name))));
}

export function notFound(ctx: Ctx) {
  return {
    title: ctx.t('notFound'),
    body: h('div', { class: 'empty' }, h('h1', null, ctx.t('notFound')), h('p', null, h('a', { href: ctx.link('/') }, ctx.t('backHome')))),
  };
}
