// The editors' console at /admin, loaded only when that page is opened (a
// chunk of its own, so the public site's JavaScript does not grow). Sign in
// by pasting a token; lists of every content type with search, status
// filter and paging; one form per item made from the type's description
// (types.ts), with an item's preview links, schedule and history below it
// (sections.ts); publishing actions shown only to roles the server allows
// them. The server checks every role: the console only hides what it would
// refuse.
//
// Its URLs: /admin (?type=brands&q=&status=DRAFT&after=...), ?type=brands&id=ID
// (edit; &saved=1, &scheduled=1 or &restored=1 after that action),
// ?type=brands&new=1 (create).

// The console's styles: linked when the console opens (not imported as a
// module, which would add Vite's preload helper to the site's first load).
import stylesheet from './console.css?url';
import { h, type Child } from '../dom';
import type { Ctx } from '../ctx';
import { ConsolePublishDocument, ConsoleUnpublishDocument, ConsoleFeatureDocument, ConsoleUnfeatureDocument, ConsoleViewerDocument } from '../gql/console';
import { canPublish, ConsoleError, forgetToken, Session, storedToken, storeToken, type FieldProblem, type ImportReport } from './session';
import { contentTypes, typeByKey, type ContentType, type Field } from './types';
import { createInput, emptyValues, keys, missing, publicNow, updateInput, valuesOf, type Linked, type Picture, type Schedule, type Values } from './model';
import { historySection, previewSection, revisionSection, scheduleSection, when } from './sections';
import { linkPicker, picturePicker, regions, regionSelect, type Tr } from './widgets';

/** What the console renders: the page title, its header and its content. */
export interface ConsolePage {
  title: string;
  header: HTMLElement;
  body: Node;
}

interface Viewer {
  name: string;
  role: string;
}

let session: { s: Session; viewer: Viewer } | null = null;

const roleNames: Record<string, [string, string]> = {
  EDITOR: ['编辑', 'Editor'],
  PUBLISHER: ['发布员', 'Publisher'],
  ADMIN: ['管理员', 'Admin'],
};
const statusNames: Record<string, [string, string]> = {
  DRAFT: ['草稿', 'Draft'],
  PUBLISHED: ['已发布', 'Published'],
};

const go = (url: string) => window.dispatchEvent(new CustomEvent('navigate', { detail: url }));

/** consolePage renders the console for the current URL. */
export async function consolePage(ctx: Ctx): Promise<ConsolePage> {
  if (!document.querySelector('link[data-console]')) document.head.append(h('link', { rel: 'stylesheet', href: stylesheet, 'data-console': true }));
  const tr: Tr = (p) => (ctx.lang === 'en' ? p[1] : p[0]);
  const title = tr(['编辑台', 'Editors’ console']);
  const token = storedToken();
  if (!token) return { title, header: header(ctx, tr, null), body: signIn(tr) };
  if (!session || session.s.token !== token) {
    const s = new Session(token);
    try {
      const { viewer } = await s.query(ConsoleViewerDocument, {});
      if (!viewer) throw new ConsoleError([{ message: 'no viewer' }], true);
      session = { s, viewer };
    } catch (err) {
      if (err instanceof ConsoleError && err.unauthenticated) {
        forgetToken();
        return { title, header: header(ctx, tr, null), body: signIn(tr, tr(['这个令牌无效、已过期或已被撤销。', 'This token is invalid, expired or revoked.'])) };
      }
      throw err;
    }
  }
  const { s, viewer } = session;
  const importing = ctx.params.get('view') === 'import';
  const type = typeByKey(ctx.params.get('type')) ?? contentTypes[0];
  const id = ctx.params.get('id');
  let body: Node;
  try {
    body = importing ? importView(tr, s) : id || ctx.params.get('new') === '1' ? await editView(ctx, tr, s, viewer, type, id) : await listView(ctx, tr, s, type);
  } catch (err) {
    if (err instanceof ConsoleError && err.unauthenticated) {
      forgetToken();
      session = null;
      return { title, header: header(ctx, tr, null), body: signIn(tr, tr(['登录已失效，请重新粘贴令牌。', 'The session ended: paste the token again.'])) };
    }
    throw err;
  }
  const here = importing ? tr(['导入', 'Import']) : tr(type.label);
  return { title: `${here} · ${title}`, header: header(ctx, tr, viewer, importing ? 'import' : type), body };
}

function adminLink(ctx: Ctx, extra: Record<string, string>): string {
  return ctx.link('/admin', extra);
}

function header(ctx: Ctx, tr: Tr, viewer: Viewer | null, current?: ContentType | 'import'): HTMLElement {
  return h(
    'header',
    { class: 'site-header console-header' },
    h('a', { class: 'site-name', href: adminLink(ctx, {}) }, tr(['编辑台', 'Console'])),
    viewer
      ? h('nav', { 'aria-label': tr(['内容类型', 'Content types']) }, h('ul', null, contentTypes.map((t) => h('li', null, h('a', { href: adminLink(ctx, { type: t.key }), 'aria-current': t === current ? 'page' : null }, tr(t.label)))), h('li', null, h('a', { href: adminLink(ctx, { view: 'import' }), 'aria-current': current === 'import' ? 'page' : null }, tr(['导入', 'Import'])))))
      : null,
    h(
      'div',
      { class: 'who' },
      viewer
        ? [
            h('span', { class: 'viewer', 'data-role': viewer.role }, viewer.name, ' · ', h('strong', null, tr(roleNames[viewer.role] ?? [viewer.role, viewer.role]))),
            h(
              'button',
              {
                type: 'button',
                class: 'sign-out',
                onclick: () => {
                  forgetToken();
                  session = null;
                  go(adminLink(ctx, {}));
                },
              },
              tr(['退出', 'Sign out']),
            ),
          ]
        : null,
      h('a', { href: ctx.link('/') }, tr(['返回网站', 'Back to the site'])),
    ),
  );
}

function signIn(tr: Tr, problem?: string): HTMLElement {
  const input = h('input', { id: 'token', name: 'token', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true, 'aria-describedby': 'token-hint token-err' });
  const err = h('p', { class: 'field-error', id: 'token-err', role: 'alert', hidden: !problem }, problem ?? '');
  const form = h(
    'form',
    {
      class: 'sign-in card',
      novalidate: true,
      onsubmit: (e: Event) => {
        e.preventDefault();
        const tok = input.value.trim();
        if (!tok) {
          err.textContent = tr(['请粘贴令牌。', 'Paste a token.']);
          err.hidden = false;
          input.setAttribute('aria-invalid', 'true');
          return;
        }
        storeToken(tok);
        session = null;
        go(location.pathname + location.search);
      },
    },
    h('h1', null, tr(['编辑台登录', 'Sign in to the console'])),
    h('div', { class: 'field' }, h('label', { for: 'token' }, tr(['访问令牌', 'Access token'])), input, h('p', { class: 'help', id: 'token-hint' }, tr(['粘贴服务器管理员为您创建的令牌（bs_ 开头）。令牌只保存在本标签页中，关闭标签页即清除。', 'Paste the token the server’s operator made for you (it starts with bs_). It is kept in this tab only and forgotten when the tab closes.'])), err),
    h('button', { type: 'submit' }, tr(['登录', 'Sign in'])),
  );
  return h('div', { class: 'console' }, form);
}

const pageSize = 20;

async function listView(ctx: Ctx, tr: Tr, s: Session, type: ContentType): Promise<Node> {
  const q = (ctx.params.get('q') ?? '').trim();
  const status = ctx.params.get('status') ?? '';
  const after = ctx.params.get('after');
  const where: Record<string, unknown> = {};
  if (q) where.or = [{ [`${type.titleField}ContainsFold`]: q }, { slugContains: q.toLowerCase() }];
  if (status === 'DRAFT' || status === 'PUBLISHED') where.status = status;
  const data = (await s.query(type.ops.list, { first: pageSize, after, where })) as Record<string, ListAnswer>;
  const conn = data[type.key];
  const base: Record<string, string> = { type: type.key };
  if (q) base.q = q;
  if (status) base.status = status;
  const filter = h(
    'form',
    {
      class: 'filters',
      role: 'search',
      action: '/admin',
      onsubmit: (e: Event) => {
        e.preventDefault();
        const fd = new FormData(e.target as HTMLFormElement);
        const extra: Record<string, string> = { type: type.key };
        for (const k of ['q', 'status']) if (String(fd.get(k) ?? '')) extra[k] = String(fd.get(k));
        go(adminLink(ctx, extra));
      },
    },
    h('div', { class: 'field' }, h('label', { for: 'q' }, tr(['名称或网址标识', 'Name or slug'])), h('input', { id: 'q', name: 'q', type: 'search', value: q })),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'status' }, tr(['状态', 'Status'])),
      h('select', { id: 'status', name: 'status' }, h('option', { value: '' }, tr(['全部', 'All'])), ['DRAFT', 'PUBLISHED'].map((v) => h('option', { value: v, selected: v === status }, tr(statusNames[v])))),
    ),
    h('button', { type: 'submit' }, tr(['筛选', 'Filter'])),
  );
  const rows = conn.edges.map(({ node: n }) =>
    h(
      'tr',
      { 'data-id': n.id },
      h('th', { scope: 'row' }, h('a', { href: adminLink(ctx, { type: type.key, id: n.id }) }, n.label || n.slug)),
      h('td', { class: 'slug' }, n.slug),
      h('td', null, badge(tr, n.status), n.featured ? h('span', { class: 'badge featured' }, tr(['推介', 'Featured'])) : null),
      h('td', { class: 'when' }, new Date(n.updatedAt).toLocaleString(ctx.lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' })),
    ),
  );
  return h(
    'div',
    { class: 'console' },
    h('div', { class: 'title-row' }, h('h1', null, tr(type.label)), h('a', { class: 'button', href: adminLink(ctx, { type: type.key, new: '1' }) }, tr(['新建', 'New']))),
    filter,
    h('p', { role: 'status', class: 'count' }, tr(['共 ', '']), String(conn.totalCount), tr([' 条', ' items'])),
    conn.edges.length
      ? h(
          'table',
          { class: 'items' },
          h('caption', { class: 'visually-hidden' }, tr(type.label)),
          h('thead', null, h('tr', null, h('th', { scope: 'col' }, tr(['名称', 'Name'])), h('th', { scope: 'col' }, tr(['网址标识', 'Slug'])), h('th', { scope: 'col' }, tr(['状态', 'Status'])), h('th', { scope: 'col' }, tr(['更新时间', 'Updated'])))),
          h('tbody', null, rows),
        )
      : h('p', { class: 'empty' }, tr(['没有符合条件的内容。', 'Nothing matches.'])),
    h(
      'nav',
      { class: 'pager', 'aria-label': tr(['翻页', 'Pages']) },
      after ? h('a', { href: adminLink(ctx, base) }, tr(['第一页', 'First page'])) : null,
      conn.pageInfo.hasNextPage && conn.pageInfo.endCursor ? h('a', { rel: 'next', href: adminLink(ctx, { ...base, after: conn.pageInfo.endCursor }) }, tr(['下一页', 'Next page'])) : null,
    ),
  );
}

interface ListAnswer {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: { node: { id: string; slug: string; label: string; status: string; updatedAt: string; featured?: boolean } }[];
}

function badge(tr: Tr, status: string): HTMLElement {
  return h('span', { class: `badge ${status.toLowerCase()}` }, tr(statusNames[status] ?? [status, status]));
}

/** publicPath is where a published item is on the site (events have no page of their own). */
function publicPath(type: ContentType, slug: string): string | null {
  const paths: Record<string, string> = { brands: 'brands', roleModels: 'role-models', alliances: 'alliances', enterprises: 'enterprises', venues: 'venues', mediaCoverages: 'coverage' };
  return paths[type.key] ? `/${paths[type.key]}/${slug}` : null;
}

async function editView(ctx: Ctx, tr: Tr, s: Session, viewer: Viewer, type: ContentType, id: string | null): Promise<Node> {
  let item: Record<string, unknown> | null = null;
  if (id) {
    const data = (await s.query(type.ops.item, { id })) as { node: Record<string, unknown> | null };
    item = data.node && 'slug' in data.node ? data.node : null;
    if (!item) return h('div', { class: 'console' }, h('h1', null, tr(['没有找到', 'Not found'])), h('p', null, h('a', { href: adminLink(ctx, { type: type.key }) }, tr(['返回列表', 'Back to the list']))));
  }
  const init = item ? valuesOf(type, item) : emptyValues(type);
  const values: Values = structuredClone(init);
  const status = (item?.status as string | undefined) ?? 'DRAFT';
  const publisher = canPublish(viewer.role);
  const regionList = type.fields.some((f) => f.kind === 'region') ? await regions(s) : [];

  const alert = h('div', { class: 'form-alert', role: 'alert', hidden: true });
  const saved = h('p', { class: 'saved', role: 'status' }, doneMessages.filter(([k]) => ctx.params.get(k) === '1').map(([, m]) => tr(m)));
  // A slug is set once, when the item is created (the update inputs have none).
  const controls: HTMLElement[] = type.fields.map((f) => fieldControl(ctx, tr, s, f, values, regionList, !!item && f.kind === 'slug'));
  const fieldsBox = h('div', { class: 'form-fields' }, controls);

  const clearErrors = () => {
    alert.hidden = true;
    alert.replaceChildren();
    fieldsBox.querySelectorAll<HTMLElement>('.field-error').forEach((e) => {
      e.hidden = true;
      e.textContent = '';
    });
    fieldsBox.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  };
  const showProblems = (problems: FieldProblem[]) => {
    const general: string[] = [];
    let first: HTMLElement | null = null;
    for (const p of problems) {
      const slot = p.field ? errorSlot(fieldsBox, p.field) : null;
      if (!slot) {
        general.push(p.message);
        continue;
      }
      slot.textContent = p.message;
      slot.hidden = false;
      const control = fieldsBox.querySelector<HTMLElement>(`#${slot.id.replace(/-err$/, '')}`);
      control?.setAttribute('aria-invalid', 'true');
      first ??= control;
    }
    if (general.length) {
      alert.replaceChildren(h('p', null, general.join(' ')));
      alert.hidden = false;
    }
    if (general.length) alert.focus();
    else first?.focus();
  };

  const form = h(
    'form',
    {
      class: 'item-form',
      novalidate: true,
      onsubmit: async (e: Event) => {
        e.preventDefault();
        clearErrors();
        saved.textContent = '';
        const button = (e.currentTarget as HTMLFormElement).querySelector<HTMLButtonElement>('button[type="submit"]');
        if (button) button.disabled = true;
        const empty = missing(type, values);
        if (empty.length) {
          showProblems(empty.map((k) => ({ message: tr(['请填写此项。', 'This is required.']), field: k })));
          if (button) button.disabled = false;
          return;
        }
        try {
          if (!item) {
            const res = (await s.mutate(type.ops.create, { input: createInput(type, values) })) as Record<string, { id: string }>;
            go(adminLink(ctx, { type: type.key, id: res[`create${type.typename}`].id, saved: '1' }));
            return;
          }
          const input = updateInput(type, values, init);
          if (Object.keys(input).length) await s.mutate(type.ops.update, { id: item.id as string, input });
          go(adminLink(ctx, { type: type.key, id: item.id as string, saved: '1' }));
        } catch (err) {
          if (err instanceof ConsoleError) showProblems(err.problems);
          else showProblems([{ message: String(err) }]);
        } finally {
          if (button) button.disabled = false;
        }
      },
    },
    alert,
    fieldsBox,
    // Every token holder edits: the server keeps the edits of a published
    // item as its pending revision until a publisher publishes it.
    h('div', { class: 'form-actions' }, h('button', { type: 'submit' }, item ? tr(['保存', 'Save']) : tr(['创建草稿', 'Create draft'])), h('a', { href: adminLink(ctx, { type: type.key }) }, tr(['取消', 'Cancel']))),
    item && status === 'PUBLISHED' ? h('p', { class: 'note' }, tr(['这是已发布的内容：保存的修改先成为待发布的修订，发布员发布后公众才看到。', 'This item is published: saved changes become a pending revision, which the public sees once a publisher publishes it.'])) : null,
  );
  alert.tabIndex = -1;

  const name = item ? String(item[type.titleField] ?? item.slug) : `${tr(['新建', 'New'])}: ${tr(type.label)}`;
  const path = item ? publicPath(type, String(item.slug)) : null;
  const schedule: Schedule = { publishAt: item?.publishAt as string | null, unpublishAt: item?.unpublishAt as string | null };
  const shown = publicNow(status, schedule);
  // Preview links, schedule and history of a saved item, below its form.
  const sections: Node[] = [];
  if (item) {
    const itemID = item.id as string;
    const reload = (flag: string) => () => go(adminLink(ctx, { type: type.key, id: itemID, [flag]: '1' }));
    const valueName = (v: string) => (statusNames[v] ? tr(statusNames[v]) : ctx.label(v));
    const [revision, preview, history] = await Promise.all([
      revisionSection(ctx.lang, tr, s, type, itemID, viewer.name, publisher, valueName, (flag) => reload(flag)()),
      previewSection(ctx.lang, tr, s, itemID),
      historySection(ctx.lang, tr, s, type, itemID, publisher, valueName, reload('restored')),
    ]);
    if (revision) sections.push(revision);
    sections.push(preview);
    if (publisher) sections.push(scheduleSection(ctx.lang, tr, s, itemID, schedule, reload('scheduled')));
    sections.push(history);
  }
  return h(
    'div',
    { class: 'console' },
    h('p', { class: 'crumbs' }, h('a', { href: adminLink(ctx, { type: type.key }) }, tr(type.label))),
    h('h1', null, name),
    item
      ? h(
          'div',
          { class: 'item-status' },
          badge(tr, status),
          status === 'PUBLISHED' && !shown ? h('span', { class: 'badge scheduled' }, schedule.publishAt && Date.parse(schedule.publishAt) > Date.now() ? `${tr(['定时发布：', 'Publishes '])}${when(ctx.lang, schedule.publishAt)}` : tr(['已过下线时间', 'Past its unpublish time'])) : null,
          item.featured ? h('span', { class: 'badge featured' }, tr(['推介中', 'Featured'])) : null,
          path && shown ? h('a', { href: path }, tr(['在网站上查看', 'View on the site'])) : null,
          publisher ? actions(ctx, tr, s, type, item, status, shown, showProblems) : null,
        )
      : null,
    saved,
    form,
    sections,
  );
}

/** What the item view says after it reloads: ?saved=1, ?scheduled=1, ?restored=1. */
const doneMessages: [string, [string, string]][] = [
  ['saved', ['已保存。', 'Saved.']],
  ['scheduled', ['定时已保存。', 'The schedule is saved.']],
  ['restored', ['已恢复到所选版本。已发布的内容：恢复成为待发布的修订，见下方。', 'Restored. For a published item the restore is a pending revision: see below.']],
  ['revisionPublished', ['修订已发布，公众现在看到修改后的内容。', 'The revision is published: the public now sees the changes.']],
  ['revisionDiscarded', ['修订已放弃，内容保持已发布的版本。', 'The revision is discarded: the item stays as published.']],
];

/**
 * actions are the publishers' buttons: publish or unpublish, feature,
 * delete. A scheduled item not yet (or no longer) public can be published
 * now, which drops its window.
 */
function actions(ctx: Ctx, tr: Tr, s: Session, type: ContentType, item: Record<string, unknown>, status: string, shown: boolean, showProblems: (p: FieldProblem[]) => void): HTMLElement {
  const id = item.id as string;
  const run = async (fn: () => Promise<unknown>, after: string) => {
    try {
      await fn();
      go(after);
    } catch (err) {
      showProblems(err instanceof ConsoleError ? err.problems : [{ message: String(err) }]);
    }
  };
  const here = adminLink(ctx, { type: type.key, id });
  const rank = h('input', { id: 'feature-rank', type: 'number', min: '-1000000', max: '1000000', value: String(item.featuredRank ?? 10), class: 'rank' });
  return h(
    'div',
    { class: 'actions', role: 'group', 'aria-label': tr(['发布操作', 'Publishing']) },
    shown ? null : h('button', { type: 'button', class: 'publish', onclick: () => void run(() => s.mutate(ConsolePublishDocument, { id }), here) }, status === 'DRAFT' ? tr(['发布', 'Publish']) : tr(['立即发布', 'Publish now'])),
    status === 'DRAFT' ? null : h('button', { type: 'button', class: 'secondary unpublish', onclick: () => void run(() => s.mutate(ConsoleUnpublishDocument, { id }), here) }, tr(['撤回为草稿', 'Unpublish'])),
    type.featurable
      ? item.featured
        ? h('button', { type: 'button', class: 'secondary', onclick: () => void run(() => s.mutate(ConsoleUnfeatureDocument, { id }), here) }, tr(['取消推介', 'Stop featuring']))
        : h('span', { class: 'feature' }, h('label', { for: 'feature-rank' }, tr(['推介顺序', 'Rank'])), rank, h('button', { type: 'button', class: 'secondary', onclick: () => void run(() => s.mutate(ConsoleFeatureDocument, { id, rank: Number(rank.value) || 0 }), here) }, tr(['推介', 'Feature'])))
      : null,
    h(
      'button',
      {
        type: 'button',
        class: 'danger',
        onclick: () => {
          if (!confirm(tr(['确定删除？此操作不能撤销。', 'Delete it? This cannot be undone.']))) return;
          void run(() => s.mutate(type.ops.remove, { id }), adminLink(ctx, { type: type.key }));
        },
      },
      tr(['删除', 'Delete']),
    ),
  );
}

/**
 * importView uploads a spreadsheet (or a JSON export) for a dry run, shows
 * what it would do or every problem with its line and column, and on
 * confirmation sends the same file again to be written.
 */
function importView(tr: Tr, s: Session): Node {
  const file = h('input', { id: 'import-file', type: 'file', accept: '.csv,.xlsx,.json', 'aria-describedby': 'import-help' });
  const report = h('div', { class: 'import-report', 'aria-live': 'polite' });
  let checked: File | null = null;
  const counts = (r: ImportReport) =>
    h(
      'table',
      { class: 'items' },
      h('caption', null, r.written ? tr(['已写入：', 'Written:']) : tr(['试运行结果（尚未写入）：', 'Dry run (nothing written yet):'])),
      h('thead', null, h('tr', null, [tr(['内容类型', 'Content']), tr(['新建', 'Created']), tr(['更新', 'Updated']), tr(['不变', 'Unchanged'])].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', null, r.counts.map((c) => h('tr', null, h('th', { scope: 'row' }, tr(typeByKey(c.collection)?.label ?? [c.collection, c.collection])), h('td', null, String(c.created)), h('td', null, String(c.updated)), h('td', null, String(c.unchanged))))),
    );
  const show = (r: ImportReport) => {
    if (r.problems.length) {
      report.replaceChildren(
        h('p', { class: 'form-alert', role: 'alert' }, tr([`发现 ${r.problems.length} 个问题，没有写入任何内容。请修改文件后重新检查。`, `${r.problems.length} problems found; nothing was written. Fix the file and check it again.`])),
        h('table', { class: 'items problems' }, h('caption', { class: 'visually-hidden' }, tr(['问题', 'Problems'])), h('thead', null, h('tr', null, h('th', { scope: 'col' }, tr(['位置', 'Where'])), h('th', { scope: 'col' }, tr(['问题', 'Problem'])))), h('tbody', null, r.problems.map((p) => h('tr', null, h('td', { class: 'slug' }, p.where), h('td', null, p.message))))),
      );
      return;
    }
    report.replaceChildren(
      counts(r),
      r.written
        ? h('p', { class: 'saved', role: 'status' }, tr(['导入完成。新建的内容都是草稿，请在列表中查看。', 'Imported. New items are drafts: see them in the lists.']))
        : h('div', { class: 'form-actions' }, h('button', { type: 'button', class: 'confirm-import', onclick: () => void run(true) }, tr(['确认导入', 'Import it']))),
    );
  };
  const run = async (commit: boolean) => {
    const f = commit ? checked : (file.files?.[0] ?? null);
    if (!f) {
      report.replaceChildren(h('p', { class: 'form-alert', role: 'alert' }, tr(['请选择一个文件。', 'Choose a file.'])));
      return;
    }
    report.replaceChildren(h('p', { class: 'count' }, commit ? tr(['正在导入…', 'Importing…']) : tr(['正在检查…', 'Checking…'])));
    try {
      const r = await s.importFile(f, commit);
      checked = r.problems.length ? null : f;
      show(r);
    } catch (err) {
      report.replaceChildren(h('p', { class: 'form-alert', role: 'alert' }, err instanceof Error ? err.message : String(err)));
    }
  };
  file.addEventListener('change', () => {
    checked = null;
    report.replaceChildren();
  });
  return h(
    'div',
    { class: 'console' },
    h('h1', null, tr(['导入表格', 'Import a spreadsheet'])),
    h(
      'form',
      {
        class: 'import-form card',
        onsubmit: (e: Event) => {
          e.preventDefault();
          void run(false);
        },
      },
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'import-file' }, tr(['文件（CSV、XLSX 或导出的 JSON）', 'File (CSV, XLSX or an exported JSON)'])),
        file,
        h('p', { class: 'help', id: 'import-help' }, tr(['品牌表格每行一个品牌，按 slug 新建或更新；含 starts_at 列的是活动表格。先试运行检查，确认后才写入；有任何问题时什么都不写入。', 'A brand sheet has one brand a row, created or updated by slug; a sheet with a starts_at column holds events. It is checked first (a dry run) and written only when you confirm; with any problem nothing is written.'])),
      ),
      h('button', { type: 'submit' }, tr(['检查（试运行）', 'Check (dry run)'])),
    ),
    report,
  );
}

/** errorSlot finds where a server error about an input field goes: nameZh, regionID, roleModelIDs, logo. */
function errorSlot(box: HTMLElement, field: string): HTMLElement | null {
  const candidates = [field, field.replace(/I[Dd]s?$/, ''), field.replace(/I[Dd]s$/, 's'), field.replace(/^(add|remove)(\w)/, (_, __, c: string) => c.toLowerCase()).replace(/I[Dd]s$/, 's')];
  for (const c of candidates) {
    const slot = box.querySelector<HTMLElement>(`#f-${c}-err`);
    if (slot) return slot;
  }
  return null;
}

const inputTypes: Partial<Record<Field['kind'], string>> = { slug: 'text', text: 'text', url: 'url', int: 'number', float: 'number', date: 'date', datetime: 'datetime-local' };

/** fieldControl is one field of the form, made from its description. */
function fieldControl(ctx: Ctx, tr: Tr, s: Session, f: Field, values: Values, regionList: Awaited<ReturnType<typeof regions>>, readOnly: boolean): HTMLElement {
  const one = (k: string, label: string, required: boolean): Child[] => {
    const id = `f-${k}`;
    const err = `${id}-err`;
    const hint = f.hint ? `${id}-hint` : '';
    const describedBy = [hint, err].filter(Boolean).join(' ');
    const v = values[k];
    const set = (x: Values[string]) => (values[k] = x);
    let control: HTMLElement;
    switch (f.kind) {
      case 'longText':
      case 'lines':
        control = h('textarea', { id, name: k, rows: f.kind === 'lines' ? 4 : 6, required, 'aria-describedby': describedBy, oninput: (e: Event) => set((e.target as HTMLTextAreaElement).value) }, String(v ?? ''));
        break;
      case 'enum':
        control = h(
          'select',
          { id, name: k, required, 'aria-describedby': describedBy, onchange: (e: Event) => set((e.target as HTMLSelectElement).value) },
          h('option', { value: '' }, tr(['— 选择 —', '— choose —'])),
          (f.values ?? []).map((x) => h('option', { value: x, selected: x === v }, ctx.label(x))),
        );
        break;
      case 'bool':
        control = h('input', { id, name: k, type: 'checkbox', checked: v === true, 'aria-describedby': describedBy, onchange: (e: Event) => set((e.target as HTMLInputElement).checked) });
        break;
      case 'region':
        control = regionSelect(regionList, id, String(v ?? ''), required, tr, set);
        control.setAttribute('aria-describedby', describedBy);
        break;
      case 'link':
      case 'links':
        control = linkPicker({ s, id, to: f.to!, single: f.kind === 'link', value: f.kind === 'link' ? (v ? [v as Linked] : []) : (v as Linked[]), tr, describedBy, onChange: (l) => set(f.kind === 'link' ? (l[0] ?? null) : l) });
        break;
      case 'picture':
      case 'pictures':
        control = picturePicker({ s, id, single: f.kind === 'picture', value: f.kind === 'picture' ? (v ? [v as Picture] : []) : (v as Picture[]), tr, onChange: (p) => set(f.kind === 'picture' ? (p[0] ?? null) : p) });
        break;
      default:
        control = h('input', {
          id,
          name: k,
          type: inputTypes[f.kind] ?? 'text',
          value: String(v ?? ''),
          required,
          step: f.kind === 'float' ? 'any' : null,
          inputmode: f.kind === 'int' ? 'numeric' : f.kind === 'float' ? 'decimal' : null,
          placeholder: f.kind === 'url' ? 'https://' : null,
          'aria-describedby': describedBy,
          oninput: (e: Event) => set((e.target as HTMLInputElement).value),
        });
    }
    if (readOnly) control.querySelectorAll('input, select, textarea, button').forEach((c) => c.setAttribute('disabled', ''));
    if (readOnly && /^(INPUT|SELECT|TEXTAREA)$/.test(control.tagName)) control.setAttribute('disabled', '');
    const labelled = f.kind === 'picture' || f.kind === 'pictures' ? h('span', { class: 'label', id: `${id}-label` }, label) : h('label', { for: id }, label, required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null);
    return [labelled, control, hint ? h('p', { class: 'help', id: hint }, tr(f.hint!)) : null, h('p', { class: 'field-error', id: err, hidden: true })];
  };
  const group = f.kind === 'picture' || f.kind === 'pictures';
  if (f.bilingual) {
    const [zh, en] = keys(f);
    return h('div', { class: `field pair kind-${f.kind}`, 'data-field': f.name }, h('div', { class: 'half' }, one(zh, `${tr(f.label)}${tr(['（中文）', ' (Chinese)'])}`, !!f.required)), h('div', { class: 'half' }, one(en, `${tr(f.label)}${tr(['（英文）', ' (English)'])}`, false)));
  }
  if (f.kind === 'bool') {
    const [label, control, , err] = one(f.name, tr(f.label), false) as HTMLElement[];
    return h('div', { class: 'field check', 'data-field': f.name }, control, label, err);
  }
  return h(group ? 'section' : 'div', { class: `field kind-${f.kind}`, 'data-field': f.name, 'aria-labelledby': group ? `f-${f.name}-label` : null }, one(f.name, tr(f.label), !!f.required));
}
