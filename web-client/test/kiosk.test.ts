// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { kioskPictureUrls } from '../src/kiosk';

describe('kioskPictureUrls', () => {
  it('lists every same-origin picture of the featured brands once: logos and pictures at kiosk size', () => {
    const urls = kioskPictureUrls([
      { logo: { small: '/media/aa-320.png' }, pictures: [{ kiosk: '/media/bb-640.jpg' }, { kiosk: '/media/cc.jpg' }] },
      { logo: null, pictures: null },
      { logo: { small: 'https://cdn.example.org/logo.png' }, pictures: [{ kiosk: '/media/bb-640.jpg' }] },
    ]);
    expect(urls).toEqual(['/media/aa-320.png', '/media/bb-640.jpg', '/media/cc.jpg']);
  });
});

describe('the QR codes of the attract loop', () => {
  it("point to the brand's public page, not the kiosk's copy, in the kiosk's language", async () => {
    const { brandPublicUrl } = await import('../src/kiosk');
    expect(brandPublicUrl('https://brands.example.cn', 'hongan-dasao', 'zh')).toBe('https://brands.example.cn/brands/hongan-dasao');
    expect(brandPublicUrl('https://brands.example.cn', 'hongan-dasao', 'en')).toBe('https://brands.example.cn/brands/hongan-dasao?lang=en');
  });

  it("use the public address of the page's canonical link (PUBLIC_URL) when there is one", async () => {
    const { publicBase } = await import('../src/kiosk');
    const doc = document.implementation.createHTMLDocument('x');
    expect(publicBase(doc)).toBe(location.origin);
    const link = doc.createElement('link');
    link.rel = 'canonical';
    link.href = 'https://brands.example.cn/kiosk-not-in-the-path';
    doc.head.append(link);
    expect(publicBase(doc)).toBe('https://brands.example.cn');
  });

  it("save each brand's full-screen picture with the kiosk-size ones", async () => {
    const { kioskPictureUrls } = await import('../src/kiosk');
    expect(kioskPictureUrls([{ logo: null, pictures: [{ kiosk: '/media/a-640.jpg', full: '/media/a-1920.jpg' }, { kiosk: '/media/b-640.jpg', full: '/media/b-1920.jpg' }] }])).toEqual([
      '/media/a-640.jpg',
      '/media/b-640.jpg',
      '/media/a-1920.jpg',
    ]);
  });
});
