// Search highlights: the API sends plain text plus [start, end) ranges in
// Unicode code points. They become text nodes and <mark> elements, so
// nothing from the API is parsed as HTML.

export interface TextRange {
  start: number;
  end: number;
}

/** segments cuts text into plain and marked pieces; ranges are code-point offsets, clamped, sorted and merged. */
export function segments(text: string, ranges: readonly TextRange[]): { text: string; mark: boolean }[] {
  const chars = Array.from(text);
  const sorted = ranges
    .map((r) => ({ start: Math.max(0, Math.min(r.start, chars.length)), end: Math.max(0, Math.min(r.end, chars.length)) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const merged: TextRange[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  const out: { text: string; mark: boolean }[] = [];
  let pos = 0;
  for (const r of merged) {
    if (r.start > pos) out.push({ text: chars.slice(pos, r.start).join(''), mark: false });
    out.push({ text: chars.slice(r.start, r.end).join(''), mark: true });
    pos = r.end;
  }
  if (pos < chars.length) out.push({ text: chars.slice(pos).join(''), mark: false });
  return out;
}

/** highlight builds a fragment of text nodes and <mark> elements. */
export function highlight(doc: Document, text: string, ranges: readonly TextRange[]): DocumentFragment {
  const frag = doc.createDocumentFragment();
  for (const s of segments(text, ranges)) {
    if (s.mark) {
      const m = doc.createElement('mark');
      m.textContent = s.text;
      frag.appendChild(m);
    } else {
      frag.appendChild(doc.createTextNode(s.text));
    }
  }
  return frag;
}
