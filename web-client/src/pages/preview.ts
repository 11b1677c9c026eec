// A preview link's page (/preview/<secret>): an unpublished item as it is
// now, for a reviewer without a token, under a banner that says so. The
// server answers the query and the page as private and no-store; the
// service worker keeps neither.

import { h } from '../dom';
import { ApiError, run } from '../api';
import { PreviewDocument, type PreviewQuery } from '../gql/graphql';
import type { Ctx, Page } from '../ctx';
import { paras } from './common';
import { brandView } from './brand';

function banner(ctx: Ctx): HTMLElement {
  return h('div', { class: 'preview-banner', role: 'status' }, h('strong', null, ctx.t('preview')), ' ', ctx.t('previewNotice'));
}

type Item = PreviewQuery['preview'];

/** genericView shows an item of a type without a page of its own here: its heading, lead and text. */
function genericView(ctx: Ctx, item: Exclude<Item, { __typename?: 'Brand' }>): Page {
  const heading = 'heading' in item ? item.heading : '';
  const lead = 'lead' in item ? item.lead : '';
  const text = 'text' in item ? item.text : '';
  return {
    title: heading,
    body: h(
      'article',
      { class: 'preview-item' },
      h('p', { class: 'meta' }, ctx.label((item.__typename ?? '').replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase())),
      h('h1', null, heading),
      lead ? h('p', { class: 'lead' }, lead) : null,
      text ? paras(text) : null,
    ),
  };
}

export async function previewPage(ctx: Ctx, secret: string): Promise<Page> {
  let item: Item;
  try {
    // Never from the client's cache: a revoked link must stop showing.
    ({ preview: item } = await run(PreviewDocument, { secret, lang: ctx.api }, { fresh: true }));
  } catch (err) {
    if (err instanceof ApiError && !err.offline) {
      return {
        title: ctx.t('preview'),
        body: h('div', { class: 'empty' }, h('h1', null, ctx.t('preview')), h('p', null, ctx.t('previewInvalid'))),
      };
    }
    throw err;
  }
  const page = item.__typename === 'Brand' ? brandView(ctx, item) : genericView(ctx, item);
  const body = h('div', { class: 'preview' }, banner(ctx), page.body);
  return { title: `${ctx.t('preview')} · ${page.title}`, body };
}
