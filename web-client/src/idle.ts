// The kiosk's idle logic: after `attractAfter` ms without a touch on the
// start screen the attract loop starts; after `resetAfter` ms without a touch
// anywhere else the kiosk goes back to its start screen. Timers come from an
// injectable clock so tests run without waiting.

export interface Clock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

export interface IdleOptions {
  /** ms of inactivity on the start screen before the attract loop. */
  attractAfter: number;
  /** ms of inactivity on any other screen before going back to the start screen. */
  resetAfter: number;
  /** Is the start screen showing? */
  atStart: () => boolean;
  onAttract: () => void;
  onReset: () => void;
  clock?: Clock;
}

export class IdleController {
  private timer: unknown = null;
  private readonly clock: Clock;
  private stopped = false;

  constructor(private readonly opts: IdleOptions) {
    this.clock = opts.clock ?? {
      setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
      clearTimeout: (id) => globalThis.clearTimeout(id as ReturnType<typeof setTimeout>),
    };
  }

  /** activity restarts the countdown (call on every touch and after every navigation). */
  activity(): void {
    if (this.stopped) return;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    const start = this.opts.atStart();
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      if (this.opts.atStart()) this.opts.onAttract();
      else {
        this.opts.onReset();
        this.activity();
      }
    }, start ? this.opts.attractAfter : this.opts.resetAfter);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}

export interface KioskParams {
  /** seconds without a touch before the kiosk returns to its start screen */
  idle: number;
  /** seconds without a touch on the start screen before the attract loop */
  attract: number;
  /** seconds each brand stays on screen in the attract loop */
  slide: number;
  /** seconds between checks of the network while offline or online */
  ping: number;
}

export const kioskDefaults: KioskParams = { idle: 90, attract: 30, slide: 8, ping: 15 };

/** kioskParams reads the kiosk's timings from the URL; bad or missing values take the defaults. */
export function kioskParams(search: URLSearchParams): KioskParams {
  const num = (name: keyof KioskParams): number => {
    const raw = search.get(name);
    if (raw === null || raw.trim() === '') return kioskDefaults[name];
    const v = Number(raw);
    return Number.isFinite(v) && v > 0 && v <= 86400 ? v : kioskDefaults[name];
  };
  return { idle: num('idle'), attract: num('attract'), slide: num('slide'), ping: num('ping') };
}
