// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { qrModules, qrSvg } from '../src/qr';

/** raster draws the modules as RGBA pixels (scale px a module, 4 modules of quiet zone). */
function raster(text: string, scale = 4) {
  const { size, dark } = qrModules(text);
  const n = (size + 8) * scale;
  const data = new Uint8ClampedArray(n * n * 4).fill(255);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const r = Math.floor(y / scale) - 4;
      const c = Math.floor(x / scale) - 4;
      if (r >= 0 && c >= 0 && r < size && c < size && dark(r, c)) data.fill(0, (y * n + x) * 4, (y * n + x) * 4 + 3);
    }
  }
  return { data, n };
}

describe('QR codes', () => {
  it('encode a brand URL that a decoder reads back', () => {
    const url = 'https://brands.example.cn/brands/hongan-dasao?lang=en';
    const { data, n } = raster(url);
    expect(jsQR(data, n, n)?.data).toBe(url);
  });

  it('are an SVG with a light background, the dark modules as one path, and a name', () => {
    const svg = qrSvg('https://brands.example.cn/brands/x', '二维码');
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('二维码');
    expect(svg.querySelectorAll('path')).toHaveLength(1);
    expect(svg.getAttribute('viewBox')).toMatch(/^0 0 (\d+) \1$/);
  });
});
