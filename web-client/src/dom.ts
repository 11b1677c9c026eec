// A tiny DOM builder. Text from the API is only ever set as text nodes, never
// as HTML, so content cannot inject markup.

export type Child = Node | string | number | null | undefined | false | Child[];
export type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

/** h builds an element: attributes (on* are listeners) and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = (offscreen ?? document).createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
      else if (v === true) el.setAttribute(k, '');
      else el.setAttribute(k, String(v));
    }
  }
  append(el, children);
  return el;
}

/** append adds children, flattening arrays and skipping empty values. */
export function append(parent: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, c);
    else if (c instanceof Node) parent.appendChild(c);
    else parent.appendChild((parent.ownerDocument ?? document).createTextNode(String(c)));
  }
}

/**
 * While set, h builds in this document instead of the page's: a document
 * without a window loads no picture, so the kiosk's sync can render pages
 * off screen (src/sync.ts) without downloading every picture twice. An
 * element built there and shown on the page is adopted, and loads then.
 */
let offscreen: Document | null = null;

/** buildOffscreen makes h build in a document of its own (null: in the page's again). */
export function buildOffscreen(doc: Document | null): void {
  offscreen = doc;
}
