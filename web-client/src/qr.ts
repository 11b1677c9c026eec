// QR codes as SVG, for the kiosk's attract loop: a visitor scans the code
// of the brand on the screen and opens its public page on a phone. The
// symbol comes from qrcode-generator (Kazuhiko Arase, MIT); it is drawn as
// one path of dark modules with the four-module quiet zone the standard asks
// for, built as DOM nodes (the page's Content-Security-Policy allows no
// markup strings with styles).

import qrcode from 'qrcode-generator';

const SVG = 'http://www.w3.org/2000/svg';
/** QUIET is the light margin around the symbol, in modules. */
const QUIET = 4;

/** qrModules encodes ASCII text (byte mode, error correction M) and returns its dark modules. */
export function qrModules(text: string): { size: number; dark: (row: number, col: number) => boolean } {
  const qr = qrcode(0, 'M');
  // URLs are ASCII (new URL(...).href percent-encodes the rest), one byte a character.
  qr.addData(text, 'Byte');
  qr.make();
  return { size: qr.getModuleCount(), dark: (r, c) => qr.isDark(r, c) };
}

/** qrPath is the SVG path of the dark modules, one unit per module, offset by the quiet zone. */
export function qrPath(text: string): { d: string; size: number } {
  const { size, dark } = qrModules(text);
  let d = '';
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      if (!dark(r, c)) continue;
      // Runs of dark modules in a row as one rectangle.
      let run = 1;
      while (c + run < size && dark(r, c + run)) run++;
      d += `M${c + QUIET} ${r + QUIET}h${run}v1h-${run}z`;
      c += run - 1;
    }
  }
  return { d, size: size + 2 * QUIET };
}

/** qrSvg draws text as a QR code: black on white, crisp edges, named for screen readers. */
export function qrSvg(text: string, label: string): SVGSVGElement {
  const { d, size } = qrPath(text);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('shape-rendering', 'crispEdges');
  svg.setAttribute('data-text', text);
  const bg = document.createElementNS(SVG, 'rect');
  bg.setAttribute('width', String(size));
  bg.setAttribute('height', String(size));
  bg.setAttribute('fill', '#ffffff');
  const fg = document.createElementNS(SVG, 'path');
  fg.setAttribute('d', d);
  fg.setAttribute('fill', '#000000');
  svg.append(bg, fg);
  return svg;
}
