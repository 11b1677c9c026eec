// A brand's page: story, pictures, role models, alliances, venues, coverage.

import { h } from '../dom';
import { run } from '../api';
import { BrandCoverageDocument, BrandDocument, type BrandPageFragment } from '../gql/graphql';
import { formatDate, formatNumber } from '../text';
import type { Ctx, Page } from '../ctx';
import { monogram, notFound, paras, placeholder, section } from './common';
import { eventSection } from './events';
import { figureNote, figureSection, recognitionSection } from './recognitions';

/** brandCoveragePage is every report of a brand, 100 a page: where the brand page's "see all" leads. */
async function brandCoveragePage(ctx: Ctx, slug: string): Promise<Page> {
  const after = ctx.params.get('after') || null;
  const { brand: b } = await run(BrandCoverageDocument, { slug, lang: ctx.api, after });
  if (!b) return notFound(ctx);
  const items = b.mediaCoverages.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];
  const end = b.mediaCoverages.pageInfo;
  return {
    title: `${b.name} · ${ctx.t('coverage')}`,
    body: h(
      'article',
      null,
      h('h1', null, `${ctx.t('coverage')} (${b.mediaCoverages.totalCount})`),
      h('p', { class: 'lead' }, h('a', { href: ctx.link(`/brands/${b.slug}`) }, b.name)),
      h('ul', { class: 'list all-coverage' }, items.map((c) => h('li', null, h('a', { href: ctx.link(`/coverage/${c.slug}`) }, c.title), h('span', { class: 'meta' }, ` · ${c.outlet} · ${ctx.label(c.medium)} · ${formatDate(c.publishedOn)}`)))),
      h(
        'nav',
        { class: 'pager', 'aria-label': ctx.t('coverage') },
        after ? h('a', { href: ctx.link(`/brands/${b.slug}`, { coverage: 'all' }) }, ctx.t('firstPage')) : null,
        end.hasNextPage && end.endCursor ? h('a', { href: ctx.link(`/brands/${b.slug}`, { coverage: 'all', after: end.endCursor }), rel: 'next' }, ctx.t('nextPage')) : null,
      ),
    ),
  };
}

export async function brandPage(ctx: Ctx, slug: string): Promise<Page> {
  if (ctx.params.get('coverage') === 'all') return brandCoveragePage(ctx, slug);
  const { brand: b } = await run(BrandDocument, { slug, lang: ctx.api });
  if (!b) return notFound(ctx);
  return brandView(ctx, b);
}

/** brandView renders a brand's page from its data (a preview link's too). */
export function brandView(ctx: Ctx, b: BrandPageFragment): Page {
  const region = b.region.parent && b.region.parent.code !== '420000' ? `${b.region.parent.name} · ${b.region.name}` : b.region.name;
  const alt = (p: { alt: string; altEn?: string | null }) => (ctx.lang === 'en' && p.altEn ? p.altEn : p.alt);
  const roleModels = b.roleModels.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];
  const alliances = b.alliances.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];
  const venues = b.venues.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];
  const coverage = b.mediaCoverages.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];
  const events = b.events.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];
  const recognitions = b.recognitions.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];
  // The employed figure under the number, when it is the one shown.
  const employed = b.latestFigures.find((f) => f.metric === 'WORKERS_EMPLOYED' && f.value === b.workersEmployed);
  return {
    title: b.name,
    body: h(
      'article',
      { class: 'brand' },
      h(
        'header',
        { class: 'brand-head' },
        // The logo at size, with its credit under it (like every picture shown at size).
        b.logo
          ? h('figure', { class: 'logo-figure' }, placeholder(h('img', { class: 'logo', src: b.logo.small, alt: alt(b.logo) }), b.logo.dominantColor), b.logo.credit ? h('figcaption', { class: 'meta credit' }, b.logo.credit) : null)
          : monogram(b.name),
        h(
          'div',
          null,
          h('h1', null, b.name),
          ctx.lang === 'zh' && b.nameEn ? h('p', { class: 'meta', lang: 'en' }, b.nameEn) : null,
          h('p', { class: 'lead' }, b.summary),
        ),
      ),
      h(
        'dl',
        { class: 'facts' },
        h('div', null, h('dt', null, ctx.t('region')), h('dd', null, h('a', { href: ctx.link('/regions') + `#r${b.region.code}` }, region))),
        h('div', null, h('dt', null, ctx.t('industry')), h('dd', null, b.industry)),
        h('div', null, h('dt', null, ctx.t('category')), h('dd', null, ctx.label(b.category))),
        h('div', null, h('dt', null, ctx.t('level')), h('dd', null, ctx.label(b.level))),
        h('div', null, h('dt', null, ctx.t('workersEmployed')), h('dd', null, formatNumber(b.workersEmployed, ctx.lang), employed ? figureNote(ctx, employed) : null)),
        b.foundedYear ? h('div', null, h('dt', null, ctx.t('founded')), h('dd', null, String(b.foundedYear))) : null,
      ),
      figureSection(ctx, b.latestFigures),
      recognitionSection(ctx, recognitions),
      section(ctx.t('story'), h('div', { class: 'prose' }, paras(b.story))),
      b.pictures?.length
        ? section(
            ctx.t('pictures'),
            h(
              'div',
              { class: 'gallery' },
              // Renditions from the server's ladder; the dominant colour
              // shows until the picture loads; the credit goes under it.
              b.pictures.map((p) =>
                h(
                  'figure',
                  null,
                  // A kiosk shows the 640 rendition only, the one its service
                  // worker saved for offline (see kiosk.ts KIOSK_PICTURE_WIDTH).
                  placeholder(h('img', {
                    src: p.m,
                    srcset: ctx.kiosk ? null : `${p.s} 320w, ${p.m} 640w, ${p.l} 1280w`,
                    sizes: ctx.kiosk ? null : '(max-width: 700px) 100vw, 640px',
                    alt: alt(p),
                    width: p.width ?? null,
                    height: p.height ?? null,
                    loading: 'lazy',
                  }), p.dominantColor),
                  p.credit ? h('figcaption', { class: 'meta credit' }, p.credit) : null,
                ),
              ),
            ),
          )
        : null,
      roleModels.length
        ? section(
            ctx.t('roleModels'),
            h('ul', { class: 'cards small' }, roleModels.map((r) => h('li', { class: 'card' }, h('a', { href: ctx.link(`/role-models/${r.slug}`), class: 'card-link' }, monogram(r.name), h('span', { class: 'card-body' }, h('strong', null, r.name), h('span', { class: 'meta' }, ctx.label(r.kind)), h('span', { class: 'summary' }, r.title)))))),
          )
        : null,
      alliances.length
        ? section(ctx.t('alliances'), h('ul', { class: 'list' }, alliances.map((a) => h('li', null, h('a', { href: ctx.link(`/alliances/${a.slug}`) }, a.name), h('p', null, a.summary)))))
        : null,
      venues.length
        ? section(ctx.t('venues'), h('ul', { class: 'list' }, venues.map((v) => h('li', null, h('a', { href: ctx.link(`/venues/${v.slug}`) }, v.name), h('span', { class: 'meta' }, ` · ${ctx.label(v.kind)}`), h('p', null, `${v.address} · ${v.openingHours}`)))))
        : null,
      eventSection(ctx, events),
      coverage.length
        ? section(
            `${ctx.t('coverage')} (${b.mediaCoverages.totalCount})`,
            h('ul', { class: 'list' }, coverage.map((c) => h('li', null, h('a', { href: ctx.link(`/coverage/${c.slug}`) }, c.title), h('span', { class: 'meta' }, ` · ${c.outlet} · ${ctx.label(c.medium)} · ${formatDate(c.publishedOn)}`)))),
            b.mediaCoverages.totalCount > coverage.length ? h('p', { class: 'see-all' }, h('a', { href: ctx.link(`/brands/${b.slug}`, { coverage: 'all' }) }, `${ctx.t('seeAll')} (${b.mediaCoverages.totalCount})`)) : null,
          )
        : null,
    ),
  };
}
