// The item view's sections below its form, the same for every content type
// (they work by global ID): preview links that show a draft to a reviewer
// without a token (editors and above), the publication schedule
// (publishers), and the item's history, newest first, with a restore button
// per version (publishers). Like the rest of the console they only hide what
// the server would refuse; the server checks every role.

import { h, type Child } from '../dom';
import { ConsoleCreatePreviewLinkDocument, ConsoleDiscardRevisionDocument, ConsoleHistoryDocument, ConsolePendingRevisionDocument, ConsolePublishRevisionDocument, ConsolePreviewLinksDocument, ConsoleRestoreDocument, ConsoleRevokePreviewLinkDocument, ConsoleScheduleDocument, type ConsoleHistoryQuery, type ConsolePreviewLinkFragment } from '../gql/console';
import { ConsoleError, type FieldProblem, type Session } from './session';
import { changeLabel, changeValue, enumChange, scheduleVars, toShanghai, type Schedule } from './model';
import type { ContentType } from './types';
import type { Tr } from './widgets';

/** when is a moment in Beijing time, in the console's language. */
export function when(lang: string, t: string): string {
  return new Date(t).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' });
}

const problemsOf = (err: unknown): FieldProblem[] => (err instanceof ConsoleError ? err.problems : [{ message: String(err) }]);

/** Lifetimes a preview link can be made with, in seconds (the server allows up to 30 days). */
const lifetimes: { seconds: number; label: [string, string] }[] = [
  { seconds: 86400, label: ['1 天', '1 day'] },
  { seconds: 604800, label: ['7 天', '7 days'] },
  { seconds: 2592000, label: ['30 天', '30 days'] },
];

function section(id: string, cls: string, title: string, ...children: Child[]): HTMLElement {
  return h('section', { class: `item-section ${cls}`, 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

/**
 * previewSection makes preview links for the item: the new link's absolute
 * URL (shown this once: the server keeps only its hash) with a copy button
 * and its expiry, and the item's links with a revoke button each.
 */
export async function previewSection(lang: string, tr: Tr, s: Session, id: string): Promise<HTMLElement> {
  const alert = h('p', { class: 'form-alert', role: 'alert', hidden: true });
  const fail = (err: unknown) => {
    alert.textContent = problemsOf(err)
      .map((p) => p.message)
      .join(' ');
    alert.hidden = false;
  };
  const list = h('div', { class: 'preview-list' });
  const drawList = (links: ConsolePreviewLinkFragment[]) => {
    if (!links.length) {
      list.replaceChildren(h('p', { class: 'note' }, tr(['这一项还没有预览链接。', 'This item has no preview links yet.'])));
      return;
    }
    const now = Date.now();
    list.replaceChildren(
      h(
        'table',
        { class: 'items' },
        h('caption', null, tr(['已有的预览链接（新的在前）', 'Its preview links (newest first)'])),
        h('thead', null, h('tr', null, [tr(['创建者', 'Made by']), tr(['创建时间', 'Made']), tr(['有效期至', 'Expires']), tr(['状态', 'State'])].map((c) => h('th', { scope: 'col' }, c)), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, tr(['操作', 'Actions']))))),
        h(
          'tbody',
          null,
          links.map((l) => {
            const live = !l.revokedAt && Date.parse(l.expiresAt) > now;
            return h(
              'tr',
              { 'data-id': l.id },
              h('td', null, l.createdBy),
              h('td', { class: 'when' }, when(lang, l.createdAt)),
              h('td', { class: 'when' }, when(lang, l.expiresAt)),
              h('td', null, l.revokedAt ? tr(['已撤销', 'Revoked']) : live ? h('span', { class: 'badge published' }, tr(['有效', 'Active'])) : tr(['已过期', 'Expired'])),
              h('td', null, live ? h('button', { type: 'button', class: 'small danger revoke', 'aria-label': `${tr(['撤销', 'Revoke'])} ${when(lang, l.createdAt)}`, onclick: () => void revoke(l.id) }, tr(['撤销', 'Revoke'])) : null),
            );
          }),
        ),
      ),
    );
  };
  const reload = async () => drawList((await s.query(ConsolePreviewLinksDocument, { id })).previewLinks);
  const revoke = async (linkID: string) => {
    alert.hidden = true;
    try {
      await s.mutate(ConsoleRevokePreviewLinkDocument, { id: linkID });
      await reload();
    } catch (err) {
      fail(err);
    }
  };

  const lifetime = h('select', { id: 'preview-expires' }, lifetimes.map((l) => h('option', { value: String(l.seconds), selected: l.seconds === 604800 }, tr(l.label))));
  const url = h('input', { id: 'preview-url', type: 'text', readonly: true, 'aria-describedby': 'preview-url-expiry' });
  const expiry = h('p', { class: 'help', id: 'preview-url-expiry' });
  const copied = h('p', { class: 'copy-status', role: 'status' });
  const copy = async () => {
    url.select();
    try {
      await navigator.clipboard.writeText(url.value);
      copied.textContent = tr(['已复制。', 'Copied.']);
    } catch {
      copied.textContent = tr(['无法自动复制：链接已选中，请按 Ctrl+C（Mac 上 ⌘C）。', 'Could not copy: the link is selected, press Ctrl+C (⌘C on a Mac).']);
    }
  };
  const made = h(
    'div',
    { class: 'preview-made', hidden: true },
    h('label', { for: 'preview-url' }, tr(['预览链接（只显示这一次，请复制后发给审核人）', 'Preview link (shown this once: copy it and send it to the reviewer)'])),
    h('div', { class: 'copy-row' }, url, h('button', { type: 'button', class: 'secondary copy', onclick: () => void copy() }, tr(['复制', 'Copy']))),
    expiry,
    copied,
  );
  const create = async (button: HTMLButtonElement) => {
    alert.hidden = true;
    copied.textContent = '';
    button.disabled = true;
    try {
      const res = await s.mutate(ConsoleCreatePreviewLinkDocument, { id, expiresIn: Number(lifetime.value) });
      url.value = location.origin + res.createPreviewLink.url;
      expiry.textContent = `${tr(['有效期至', 'Expires'])} ${when(lang, res.createPreviewLink.link.expiresAt)}${tr(['（北京时间）', ' (Beijing time)'])}`;
      made.hidden = false;
      url.focus();
      url.select();
      await reload();
    } catch (err) {
      fail(err);
    } finally {
      button.disabled = false;
    }
  };

  const box = section(
    'preview-h',
    'preview-links',
    tr(['预览链接', 'Preview links']),
    h('p', { class: 'help' }, tr(['预览链接让没有令牌的人（如审核的领导）在网站上查看尚未发布的内容，到期或撤销后即失效。', 'A preview link shows this item on the site to someone without a token (a department head reviewing it) until it expires or is revoked.'])),
    h(
      'div',
      { class: 'preview-make' },
      h('div', { class: 'field' }, h('label', { for: 'preview-expires' }, tr(['有效期', 'Valid for'])), lifetime),
      h('button', { type: 'button', class: 'make-preview', onclick: (e: Event) => void create(e.currentTarget as HTMLButtonElement) }, tr(['生成预览链接', 'Create preview link'])),
    ),
    alert,
    made,
    list,
  );
  try {
    await reload();
  } catch (err) {
    fail(err);
  }
  return box;
}

/**
 * scheduleSection sets the item's publication window (publishers): two
 * times typed in Beijing time, sent as RFC 3339 with +08:00; the server's
 * refusals are shown at the time they are about.
 */
export function scheduleSection(lang: string, tr: Tr, s: Session, id: string, now: Schedule, done: () => void): HTMLElement {
  const input = (name: 'publishAt' | 'unpublishAt', label: string, hint: string) => {
    const control = h('input', { id: `s-${name}`, name, type: 'datetime-local', value: now[name] ? toShanghai(now[name]!) : '', 'aria-describedby': `s-${name}-hint s-${name}-err` });
    return { control, box: h('div', { class: 'field' }, h('label', { for: control.id }, label), control, h('p', { class: 'help', id: `s-${name}-hint` }, hint), h('p', { class: 'field-error', id: `s-${name}-err`, hidden: true })) };
  };
  const from = input('publishAt', tr(['定时发布（北京时间）', 'Publish at (Beijing time)']), tr(['留空：保存后立即公开', 'Empty: public as soon as it is saved']));
  const until = input('unpublishAt', tr(['定时下线（北京时间）', 'Unpublish at (Beijing time)']), tr(['留空：一直公开，直到撤回', 'Empty: public until unpublished']));
  const alert = h('p', { class: 'form-alert', role: 'alert', hidden: true, tabindex: '-1' });
  const form = h('form', { class: 'schedule-form', novalidate: true }, h('div', { class: 'schedule-fields' }, from.box, until.box), alert, h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'save-schedule' }, tr(['保存定时', 'Save schedule']))));
  const clear = () => {
    alert.hidden = true;
    form.querySelectorAll<HTMLElement>('.field-error').forEach((e) => {
      e.hidden = true;
      e.textContent = '';
    });
    form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  };
  const show = (problems: FieldProblem[]) => {
    const general: string[] = [];
    let first: HTMLElement | null = null;
    for (const p of problems) {
      const control = p.field === 'publishAt' || p.field === 'unpublishAt' ? form.querySelector<HTMLElement>(`#s-${p.field}`) : null;
      const slot = control ? form.querySelector<HTMLElement>(`#s-${p.field}-err`) : null;
      if (!control || !slot) {
        general.push(p.message);
        continue;
      }
      slot.textContent = p.message;
      slot.hidden = false;
      control.setAttribute('aria-invalid', 'true');
      first ??= control;
    }
    if (general.length) {
      alert.textContent = general.join(' ');
      alert.hidden = false;
      alert.focus();
    } else first?.focus();
  };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clear();
    const vars = scheduleVars(from.control.value, until.control.value);
    if (!vars.publishAt && !vars.unpublishAt) {
      show([{ field: 'publishAt', message: tr(['请至少填写一个时间。要立即发布，请用上面的“发布”按钮。', 'Fill in at least one time. To publish now, use the Publish button above.']) }]);
      return;
    }
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    button.disabled = true;
    try {
      await s.mutate(ConsoleScheduleDocument, { id, ...vars });
      done();
    } catch (err) {
      show(problemsOf(err));
    } finally {
      button.disabled = false;
    }
  });
  const current =
    now.publishAt || now.unpublishAt
      ? [now.publishAt ? `${tr(['定时发布：', 'Publishes at '])}${when(lang, now.publishAt)}` : null, now.unpublishAt ? `${tr(['定时下线：', 'Unpublishes at '])}${when(lang, now.unpublishAt)}` : null].filter(Boolean).join(tr(['；', '; ']))
      : tr(['没有定时。', 'No schedule.']);
  return section(
    'schedule-h',
    'schedule',
    tr(['定时发布', 'Schedule']),
    h('p', { class: 'schedule-now' }, h('strong', null, tr(['当前：', 'Now: '])), current),
    h('p', { class: 'help' }, tr(['保存定时后，公众从定时发布时间起看到这一项，到定时下线时间为止，无需再操作。“发布”或“撤回为草稿”会取消定时。', 'Once saved, the public sees the item from its publish time until its unpublish time, with nothing more to do. Publish or Unpublish cancels the schedule.'])),
    form,
  );
}

const actionNames: Record<string, [string, string]> = {
  CREATE: ['创建', 'Created'],
  UPDATE: ['修改', 'Changed'],
  DELETE: ['删除', 'Deleted'],
  PUBLISH: ['发布', 'Published'],
  UNPUBLISH: ['撤回', 'Unpublished'],
  FEATURE: ['推介', 'Featured'],
  UNFEATURE: ['取消推介', 'No longer featured'],
  LINK: ['关联', 'Linked'],
  UNLINK: ['取消关联', 'Unlinked'],
};

/** How many changes an entry shows before the rest fold away (a creation lists every field). */
const shownChanges = 6;
/** How many entries the history shows: the newest. */
const historySize = 50;

type Entry = NonNullable<NonNullable<NonNullable<ConsoleHistoryQuery['history']['edges']>[number]>['node']>;

/**
 * historySection lists the item's audit entries, newest first: who, when,
 * what was done and each changed field (old → new, shortened). Publishers
 * get a button per earlier version that sets the content back to it.
 */
export async function historySection(lang: string, tr: Tr, s: Session, type: ContentType, id: string, mayRestore: boolean, valueName: (v: string) => string, done: () => void): Promise<HTMLElement> {
  const alert = h('p', { class: 'form-alert', role: 'alert', hidden: true, tabindex: '-1' });
  let data: ConsoleHistoryQuery;
  try {
    data = await s.query(ConsoleHistoryDocument, { id, first: historySize });
  } catch (err) {
    // A history that fails to load leaves the form usable; an ended session signs out.
    if (err instanceof ConsoleError && err.unauthenticated) throw err;
    alert.textContent = problemsOf(err)
      .map((p) => p.message)
      .join(' ');
    alert.hidden = false;
    return section('history-h', 'history', tr(['修改历史', 'History']), alert);
  }
  const entries = (data.history.edges ?? []).map((e) => e?.node).filter((n): n is Entry => !!n);
  const restore = async (button: HTMLButtonElement, to: string) => {
    alert.hidden = true;
    button.disabled = true;
    try {
      await s.mutate(ConsoleRestoreDocument, { id, to });
      done();
    } catch (err) {
      alert.textContent = problemsOf(err)
        .map((p) => p.message)
        .join(' ');
      alert.hidden = false;
      alert.focus();
      button.disabled = false;
    }
  };
  // Enum values (status, category, ...) by their names in words.
  const shown = (field: string, v: string | null | undefined) => changeValue(v && enumChange(type, field) ? valueName(v) : v);
  const change = (c: { field: string; from?: string | null; to?: string | null }) =>
    h(
      'li',
      { 'data-field': c.field },
      h('span', { class: 'change-field' }, tr(changeLabel(type, c.field) ?? [c.field, c.field])),
      tr(['：', ': ']),
      h('span', { class: 'change-from', title: c.from ?? '' }, shown(c.field, c.from)),
      h('span', { 'aria-hidden': 'true' }, ' → '),
      h('span', { class: 'visually-hidden' }, tr(['改为', ' changed to '])),
      h('span', { class: 'change-to', title: c.to ?? '' }, shown(c.field, c.to)),
    );
  const item = (e: Entry, i: number) => {
    const changes = e.changes ?? [];
    const stamp = when(lang, e.at);
    return h(
      'li',
      { class: 'history-entry', 'data-id': e.id, 'data-action': e.action },
      h('div', { class: 'history-head' }, h('strong', { class: 'action' }, tr(actionNames[e.action] ?? [e.action, e.action])), h('span', { class: 'who' }, e.actor), h('time', { datetime: e.at }, stamp)),
      changes.length ? h('ul', { class: 'changes' }, changes.slice(0, shownChanges).map(change)) : null,
      changes.length > shownChanges ? h('details', { class: 'more-changes' }, h('summary', null, tr([`另外 ${changes.length - shownChanges} 项`, `${changes.length - shownChanges} more`])), h('ul', { class: 'changes' }, changes.slice(shownChanges).map(change))) : null,
      // The newest entry is the content as it is: nothing to go back to.
      mayRestore && i > 0 && e.action !== 'DELETE'
        ? h('button', { type: 'button', class: 'small secondary restore', 'aria-label': `${tr(['恢复到此版本', 'Restore this version'])}: ${stamp}`, onclick: (ev: Event) => void restore(ev.currentTarget as HTMLButtonElement, e.id) }, tr(['恢复到此版本', 'Restore']))
        : null,
    );
  };
  return section(
    'history-h',
    'history',
    tr(['修改历史', 'History']),
    h('p', { class: 'help' }, data.history.totalCount > entries.length ? tr([`共 ${data.history.totalCount} 条，显示最新的 ${entries.length} 条。`, `${data.history.totalCount} entries; the newest ${entries.length} are shown.`]) : tr(['最新的在前。', 'Newest first.']), mayRestore ? tr(['恢复会把内容改回该版本之后的样子（关联和发布状态不变），恢复本身也记入历史，可以再次恢复。', ' Restoring sets the content back to how it was after that change (links and publication stay as they are); the restore is itself recorded and can be undone the same way.']) : null),
    alert,
    entries.length ? h('ol', { class: 'history-list' }, entries.map(item)) : h('p', { class: 'note' }, tr(['还没有记录。', 'Nothing recorded yet.'])),
  );
}

/**
 * revisionSection shows a published item's pending revision: the edits
 * saved since it was published, which the public does not see yet (field:
 * published value → new value, and the links it adds or removes).
 * Publishers publish or discard it; its author may discard it. Null when
 * the item has none.
 */
export async function revisionSection(lang: string, tr: Tr, s: Session, type: ContentType, id: string, viewerName: string, publisher: boolean, valueName: (v: string) => string, done: (flag: string) => void): Promise<HTMLElement | null> {
  const data = await s.query(ConsolePendingRevisionDocument, { id });
  const rev = data.pendingRevision;
  if (!rev) return null;
  const alert = h('p', { class: 'form-alert', role: 'alert', hidden: true, tabindex: '-1' });
  const act = async (button: HTMLButtonElement, publish: boolean) => {
    alert.hidden = true;
    button.disabled = true;
    try {
      if (publish) await s.mutate(ConsolePublishRevisionDocument, { id: rev.id });
      else await s.mutate(ConsoleDiscardRevisionDocument, { id: rev.id });
      done(publish ? 'revisionPublished' : 'revisionDiscarded');
    } catch (err) {
      alert.textContent = problemsOf(err)
        .map((p) => p.message)
        .join(' ');
      alert.hidden = false;
      alert.focus();
      button.disabled = false;
    }
  };
  const shown = (field: string, v: string | null | undefined) => changeValue(v && enumChange(type, field) ? valueName(v) : v);
  const change = (c: { field: string; from?: string | null; to?: string | null }) =>
    h(
      'li',
      { 'data-field': c.field },
      h('span', { class: 'change-field' }, tr(changeLabel(type, c.field) ?? [c.field, c.field])),
      tr(['：', ': ']),
      h('span', { class: 'change-from', title: c.from ?? '' }, shown(c.field, c.from)),
      h('span', { 'aria-hidden': 'true' }, ' → '),
      h('span', { class: 'visually-hidden' }, tr(['改为', ' changed to '])),
      h('span', { class: 'change-to', title: c.to ?? '' }, shown(c.field, c.to)),
    );
  const link = (l: { edge: string; added: string[]; removed: string[]; cleared: boolean }) =>
    h('li', { 'data-edge': l.edge }, h('span', { class: 'change-field' }, tr(changeLabel(type, l.edge) ?? [l.edge, l.edge])), tr(['：', ': ']), [l.cleared ? tr(['先全部取消关联；', 'all unlinked first; ']) : '', l.added.length ? tr([`关联 ${l.added.length} 项`, `${l.added.length} linked`]) : '', l.added.length && l.removed.length ? tr(['，', ', ']) : '', l.removed.length ? tr([`取消关联 ${l.removed.length} 项`, `${l.removed.length} unlinked`]) : ''].join(''));
  const mayDiscard = publisher || rev.author === viewerName;
  return section(
    'revision-h',
    'revision',
    tr(['待发布的修改', 'Pending revision']),
    h('p', { class: 'help' }, tr([`已发布的内容被修改后，修改先保存为待发布的修订，公众仍看到已发布的版本，直到发布员发布修订。最后修改：${rev.author}，${when(lang, rev.updatedAt)}。`, `Edits of a published item are kept as a pending revision: the public sees the published version until a publisher publishes the revision. Last edited by ${rev.author}, ${when(lang, rev.updatedAt)}.`])),
    alert,
    h('ul', { class: 'changes revision-changes' }, rev.changes.map(change), rev.links.map(link)),
    publisher || mayDiscard
      ? h(
          'div',
          { class: 'form-actions' },
          publisher ? h('button', { type: 'button', class: 'publish-revision', onclick: (ev: Event) => void act(ev.currentTarget as HTMLButtonElement, true) }, tr(['发布修订', 'Publish revision'])) : null,
          mayDiscard ? h('button', { type: 'button', class: 'secondary discard-revision', onclick: (ev: Event) => void act(ev.currentTarget as HTMLButtonElement, false) }, tr(['放弃修订', 'Discard'])) : null,
        )
      : null,
  );
}
