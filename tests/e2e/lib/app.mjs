// Drives the real Värdskap binary through tauri-driver + WebKitWebDriver.
// Each spec file (its own process under `node --test`) starts one driver and
// stops it in `after`, on failure too.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { remote } from 'webdriverio';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const APP = process.env.VARDSKAP_E2E_APP ?? path.join(ROOT, 'target/debug/vardskap');
export const OUT = path.join(ROOT, 'test-output/e2e');
let PORT = 0;
let driver = null;

/** A TCP port nobody listens on now, so parallel runs never share a driver. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts tauri-driver (and through it WebKitWebDriver) on free ports and waits until it answers. */
/**
 * Whether the specs read the app over AT-SPI as a screen reader does
 * (lib/atspi.mjs): on unless VARDSKAP_E2E_ATSPI=0.
 */
export const ATSPI = process.env.VARDSKAP_E2E_ATSPI !== '0';

export async function startDriver() {
  PORT = Number(process.env.VARDSKAP_E2E_PORT ?? (await freePort()));
  const nativePort = await freePort();
  if (!fs.existsSync(APP)) throw new Error(`the app binary is missing: ${APP} (run make build first)`);
  fs.mkdirSync(OUT, { recursive: true });
  const nativeDriver = process.env.WEBKIT_WEBDRIVER ?? '/usr/bin/WebKitWebDriver';
  const log = fs.openSync(path.join(OUT, 'tauri-driver.log'), 'a');
  driver = spawn('tauri-driver', ['--port', String(PORT), '--native-port', String(nativePort), '--native-driver', nativeDriver], {
    stdio: ['ignore', log, log],
    // The accessibility bridge is on whenever lib/atspi.mjs reads the app's AT-SPI tree.
    env: ATSPI ? process.env : { ...process.env, NO_AT_BRIDGE: '1' },
  });
  process.on('exit', () => driver?.kill('SIGKILL'));
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/status`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('tauri-driver did not start within 10 s');
}

export async function stopDriver() {
  if (!driver) return;
  const exited = new Promise((r) => driver.once('exit', r));
  driver.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
  driver.kill('SIGKILL');
  driver = null;
  // An app whose session died with it (a crashed web view) would otherwise
  // outlive its spec and be counted by the next one: specs run one at a time,
  // so every copy of the app still running now is this spec's.
  for (const pid of appPids()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** A fresh, empty data folder for one test. */
export function freshDataDir(name) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `vardskap-e2e-${name}-`));
}

/** Opens the app on `dataDir` (with `extraArgs` after it, e.g. a file to open) and waits for its first screen. */
export async function launch(dataDir, extraArgs = []) {
  const browser = await remote({
    hostname: '127.0.0.1',
    port: PORT,
    logLevel: 'error',
    connectionRetryCount: 0,
    capabilities: {
      'wdio:enforceWebDriverClassic': true,
      'tauri:options': { application: APP, args: ['--data-dir', dataDir, ...extraArgs] },
    },
  });
  await browser.setTimeout({ implicit: 0, script: 30000 });
  return browser;
}

/** The ids of the processes for which `test(pid)` holds (one that ends or is not ours to read does not). */
function pidsWhere(test) {
  const pids = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (test(Number(entry))) pids.push(Number(entry));
    } catch {
      // gone, or not ours to read
    }
  }
  return pids;
}

/** The process ids running the app binary (matched by executable, not by command line). */
export function appPids() {
  return pidsWhere((pid) => fs.readlinkSync(`/proc/${pid}/exe`) === APP);
}

/** The ids of the WebKit web processes `parent` started. */
export function webProcessesOf(parent) {
  return pidsWhere((pid) => {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return ppid === parent && fs.readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('WebKitWebProces');
  });
}

/** The value of `name` in the environment process `pid` started with (undefined when unset or unreadable). */
export function startEnvOf(pid, name) {
  try {
    const entry = fs
      .readFileSync(`/proc/${pid}/environ`, 'utf8')
      .split('\0')
      .find((e) => e.startsWith(`${name}=`));
    return entry?.slice(name.length + 1);
  } catch {
    return undefined;
  }
}

/**
 * Asks the app's window to close as the window manager's close button does
 * (WM_DELETE_WINDOW), so the app's close handling runs.
 */
export function requestClose() {
  const script = new URL('./close_window.py', import.meta.url).pathname;
  execFileSync('/usr/bin/python3', [script, ...appPids().map(String)], { stdio: 'inherit' });
}

/** Kills every running copy of the app at once with SIGKILL: a crash, as far as it knows. */
export async function killApp() {
  const pids = appPids();
  if (pids.length === 0) throw new Error('the app is not running, so it cannot be killed');
  for (const pid of pids) process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 50 && appPids().length > 0; i++) await new Promise((r) => setTimeout(r, 100));
}

/**
 * Saves what the window shows as test-output/e2e/<name>.png. Under X it grabs
 * the real screen (WebKitWebDriver's own snapshot comes out blank under Xvfb).
 */
export async function screenshot(browser, name) {
  const file = path.join(OUT, `${name}.png`);
  // Let the webview paint what the DOM already says before grabbing the screen.
  await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  await new Promise((r) => setTimeout(r, 200));
  if (process.env.DISPLAY) {
    const { x, y, width, height } = await browser.getWindowRect();
    const crop = `${width}x${height}+${Math.max(0, x)}+${Math.max(0, y)}`;
    execFileSync('import', ['-window', 'root', '-crop', crop, file]);
  } else {
    await browser.saveScreenshot(file);
  }
  return file;
}

const axeSource = fs.readFileSync(path.join(import.meta.dirname, '../node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core in the real webview with the WCAG 2.1 A and AA rules and
 * returns the violations, each with its selectors, as readable lines.
 */
export async function axeViolations(browser) {
  await browser.execute(`${axeSource}\n;return true;`);
  const json = await browser.executeAsync((done) => {
    window.axe
      .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
      .then((r) => done(JSON.stringify(r.violations)))
      .catch((e) => done(JSON.stringify([{ id: 'axe-error', help: String(e), nodes: [] }])));
  });
  return JSON.parse(json).map(
    (v) => `${v.id}: ${v.help}\n${v.nodes.map((n) => `    at ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`,
  );
}
