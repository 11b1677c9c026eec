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
