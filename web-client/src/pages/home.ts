// Home: featured brands and the key figures.

import { h } from '../dom';
import { run } from '../api';
import { HomeDocument, type HomeQuery } from '../gql/graphql';
import { formatDate, formatNumber } from '../text';
import type { Ctx, Page } from '../ctx';
import type { Key } from '../i18n';
import { brandCard, section } from './common';

export async function homeData(ctx: Ctx, fresh = false): Promise<HomeQuery> {
  return run(HomeDocument, { lang: ctx.api, first: 12 }, { fresh });
}

type Total = HomeQuery['stats']['figures'][number];

// The worker totals come from the brands' dated figures when any brand
// reports them, so that each shows the years and date it stands at; the
// counts are of what is published now and need no date.
const reported: Partial<Record<Key, string>> = { workersEmployed: 'WORKERS_EMPLOYED', workersExported: 'WORKERS_EXPORTED' };

/** totalNote is the line under a province-wide total: 2022–2024年数据 · 截至 2024-12-31 · 41个品牌申报. */
export function totalNote(ctx: Ctx, t: Total): HTMLElement {
  const years = t.fromYear === t.toYear ? `${t.toYear}` : `${t.fromYear}–${t.toYear}`;
  const parts = [ctx.t('totalYears').replace('{years}', years)];
  if (t.asOf) parts.push(`${ctx.t('asOf')} ${formatDate(t.asOf)}`);
  if (!ctx.kiosk) parts.push(ctx.t('totalBrands').replace('{n}', String(t.brandCount)));
  // Each part stays on one line: a date never breaks at its hyphens.
  return h('small', { class: 'meta figure-note' }, parts.flatMap((p, i) => [i ? ' · ' : '', h('span', { class: 'nowrap' }, p)]));
}

export function figures(ctx: Ctx, stats: HomeQuery['stats']): HTMLElement {
  const keys: (keyof HomeQuery['stats'] & Key)[] = ['brandCount', 'workersEmployed', 'workersExported', 'roleModelCount', 'venueCount', 'mediaCoverageCount'];
  return h(
    'dl',
    { class: 'figures' },
    keys.map((k) => {
      const total = stats.figures.find((f) => f.metric === reported[k] && f.brandCount > 0);
      const value = total ? total.total : (stats[k] as number);
      return h('div', { class: 'figure' }, h('dt', null, ctx.t(k)), h('dd', null, formatNumber(value, ctx.lang), total ? totalNote(ctx, total) : null));
    }),
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
