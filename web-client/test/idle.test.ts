import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleController, kioskDefaults, kioskParams } from '../src/idle';

describe('IdleController', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts the attract loop after the attract time on the start screen', () => {
    const onAttract = vi.fn();
    const onReset = vi.fn();
    const idle = new IdleController({ attractAfter: 1000, resetAfter: 5000, atStart: () => true, onAttract, onReset });
    idle.activity();
    vi.advanceTimersByTime(999);
    expect(onAttract).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onAttract).toHaveBeenCalledOnce();
    expect(onReset).not.toHaveBeenCalled();
  });

  it('a touch restarts the countdown', () => {
    const onAttract = vi.fn();
    const idle = new IdleController({ attractAfter: 1000, resetAfter: 5000, atStart: () => true, onAttract, onReset: vi.fn() });
    idle.activity();
    vi.advanceTimersByTime(800);
    idle.activity();
    vi.advanceTimersByTime(800);
    expect(onAttract).not.toHaveBeenCalled();
    vi.advanceTimersByTime(200);
    expect(onAttract).toHaveBeenCalledOnce();
  });

  it('returns to the start screen after the idle time elsewhere, then attracts', () => {
    let atStart = false;
    const onAttract = vi.fn();
    const onReset = vi.fn(() => {
      atStart = true;
    });
    const idle = new IdleController({ attractAfter: 1000, resetAfter: 3000, atStart: () => atStart, onAttract, onReset });
    idle.activity();
    vi.advanceTimersByTime(2999);
    expect(onReset).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onReset).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(1000);
    expect(onAttract).toHaveBeenCalledOnce();
  });

  it('does nothing after stop', () => {
    const onAttract = vi.fn();
    const idle = new IdleController({ attractAfter: 10, resetAfter: 10, atStart: () => true, onAttract, onReset: vi.fn() });
    idle.activity();
    idle.stop();
    idle.activity();
    vi.advanceTimersByTime(100);
    expect(onAttract).not.toHaveBeenCalled();
  });
});

describe('kioskParams', () => {
  it('reads timings in seconds and rejects bad values', () => {
    expect(kioskParams(new URLSearchParams('idle=5&attract=2&slide=0.5&ping=1'))).toEqual({ idle: 5, attract: 2, slide: 0.5, ping: 1 });
    expect(kioskParams(new URLSearchParams('idle=-1&attract=abc&slide=&ping=999999'))).toEqual(kioskDefaults);
  });
});
