// Plain-text helpers: the API's long texts are plain text whose paragraphs
// are separated by blank lines.

/** paragraphs splits plain text at blank lines, trimming each paragraph and dropping empty ones. */
export function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u3000]*\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** formatNumber groups digits for the language (zh uses 万 above ten thousand). */
export function formatNumber(n: number, lang: 'zh' | 'en'): string {
  if (lang === 'zh' && Math.abs(n) >= 10000) {
    const wan = n / 10000;
    return `${Number.isInteger(wan) ? wan : wan.toFixed(1)}万`;
  }
  return n.toLocaleString('en-US');
}

/** formatDistance shows metres below 1 km, else kilometres with one decimal. */
export function formatDistance(km: number): string {
  if (km < 1) return `${Math.round(km * 1000)} m`;
  return `${km.toFixed(1)} km`;
}

/** formatDate shows the calendar date of an RFC 3339 time (UTC), e.g. 2024-05-01. */
export function formatDate(time: string): string {
  return time.slice(0, 10);
}

/** pickLang chooses the English value where one exists, else the Chinese one. */
export function pickLang<T>(lang: 'zh' | 'en', zh: T, en: T | null | undefined): T {
  if (lang === 'en' && en !== null && en !== undefined && (typeof en !== 'string' || en !== '') && (!Array.isArray(en) || en.length > 0)) {
    return en;
  }
  return zh;
}
