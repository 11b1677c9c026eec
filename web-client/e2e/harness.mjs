// End-to-end harness: builds the real Go server, runs it on a free loopback
// port in a temporary directory (SQLite with the demo content), and drives
// Debian's Chromium through playwright-core. No browser is downloaded.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const here = new URL('.', import.meta.url).pathname;
const repo = join(here, '..', '..');
export const outDir = join(here, '..', 'e2e-output');
mkdirSync(outDir, { recursive: true });

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// Two minutes: the first start migrates and seeds the demo content, which takes
// over 30 s when the 2-core machine is shared with other builds.
async function waitReady(url, proc, ms = 120000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`server not ready at ${url}`);
}

/** A running brandshow server that can be stopped and started again on the same port and data. */
export class Server {
  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'brandshow-e2e-'));
    this.bin = join(this.dir, 'server');
    this.proc = null;
    this.log = [];
  }

  async build() {
    execFileSync('go', ['build', '-o', this.bin, './server'], { cwd: repo, stdio: 'inherit' });
    this.port = await freePort();
    this.url = `http://127.0.0.1:${this.port}`;
  }

  async start() {
    this.proc = spawn(this.bin, [], {
      cwd: this.dir,
      env: { ...process.env, ADDR: `127.0.0.1:${this.port}`, RATE_LIMIT: '0', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.proc.stdout.on('data', (d) => this.log.push(String(d)));
    this.proc.stderr.on('data', (d) => this.log.push(String(d)));
    await waitReady(`${this.url}/readyz`, this.proc);
  }

  /** token mints an API token with the server's own command (`server token create`) on the same database. */
  token(name, role) {
    const out = execFileSync(this.bin, ['token', 'create', '-name', name, '-role', role], { cwd: this.dir, env: { ...process.env, LOG_LEVEL: 'warn' } });
    const tok = String(out).split('\n').find((l) => l.startsWith('bs_'));
    if (!tok) throw new Error(`server token create printed no token: ${out}`);
    return tok.trim();
  }

  async stop() {
    if (!this.proc || this.proc.exitCode !== null) return;
    const p = this.proc;
    const done = new Promise((r) => p.once('exit', r));
    p.kill('SIGTERM');
    await done;
  }

  async cleanup() {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export async function launch() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'brandshow-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 860 },
    serviceWorkers: 'allow',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function shot(page, name) {
  await page.screenshot({ path: join(outDir, `${name}.png`), fullPage: false });
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe runs axe-core in the page and returns the serious and critical violations. */
export async function axe(page, name) {
  // Evaluated through the DevTools protocol, not as a <script>: the pages'
  // Content-Security-Policy rightly refuses inline scripts.
  await page.evaluate(axeSource);
  const res = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  const bad = res.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  console.log(`axe ${name}: ${res.length} violations (${bad.length} serious/critical)${res.length ? ': ' + res.map((v) => `${v.id}[${v.impact}]x${v.nodes}`).join(', ') : ''}`);
  return bad;
}
