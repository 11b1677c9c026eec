// Home: featured brands and the key figures.

import { h } from '../dom';
import { run } from '../api';
import { HomeDocument, type HomeQuery } from '../gql/graphql';
import { formatNumber } from '../text';
import type { Ctx, Page } from '../ctx';
import type { Key } from '../i18n';
import { brandCard, section } from './common';

export async function homeData(ctx: Ctx, fresh = false): Promise<HomeQuery> {
  return run(HomeDocument, { lang: ctx.api, first: 12 }, { fresh });
}

export function figures(ctx: Ctx, stats: HomeQuery['stats']): HTMLElement {
  const keys: (keyof HomeQuery['stats'] & Key)[] = ['brandCount', 'workersEmployed', 'workersExported', 'roleModelCount', 'venueCount', 'mediaCoverageCount'];
  return h(
    'dl',
    { class: 'figures' },
    keys.map((k) => h('div', { class: 'figure' }, h('dt', null, ctx.t(k)), h('dd', null, formatNumber(stats[k] as number, ctx.lang)))),
  );
}

export async function homePage(ctx: Ctx): Promise<Page> {
  const d = await homeData(ctx);
  return {
    title: ctx.t('siteTitle'),
    body: h(
      'div',
      null,
      h('h1', null, ctx.t('siteTitle')),
      section(ctx.t('keyFigures'), figures(ctx, d.stats)),
      section(ctx.t('featured'), h('ul', { class: 'cards', id: 'featured' }, d.featuredBrands.map((b) => brandCard(ctx, b)))),
    ),
  };
}
