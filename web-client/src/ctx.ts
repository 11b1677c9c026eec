// What every page gets: the language, kiosk mode, the URL's parameters and a
// link builder that keeps them.

import { t as tr, label as lb, apiLang, type Key, type Lang } from './i18n';
import { link as mk } from './router';

export interface Ctx {
  lang: Lang;
  api: 'ZH' | 'EN';
  kiosk: boolean;
  params: URLSearchParams;
  t(key: Key): string;
  label(value: string): string;
  link(path: string, extra?: Record<string, string>): string;
}

export function makeCtx(lang: Lang, kiosk: boolean, params: URLSearchParams): Ctx {
  return {
    lang,
    api: apiLang(lang),
    kiosk,
    params,
    t: (k) => tr(lang, k),
    label: (v) => lb(lang, v),
    link: (p, extra) => mk(p, params, kiosk, extra),
  };
}

/** A rendered page: its title and content. */
export interface Page {
  title: string;
  body: Node;
}
