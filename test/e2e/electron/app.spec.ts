import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * The real app: the built main process, preload and renderer in a real Electron, on a fresh data
 * folder. Where no Electron binary was downloaded (offline machines, CI) the whole file reports
 * itself skipped with the reason; `npm run build` must have run first.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const mainEntry = path.join(root, 'out', 'main', 'index.js');

/**
 * Why Electron cannot run here, or null when it can. Deliberately not `require('electron')`: that
 * starts a download when the binary is missing.
 */
function whyElectronCannotRun(): string | null {
  const require = createRequire(import.meta.url);
  let packageDir: string;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return 'Electron binary not installed: the electron package is missing';
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return `Electron binary not installed: ${path.relative(root, pathFile)} is missing (the download was skipped or failed; run \`node node_modules/electron/install.js\` with network access)`;
  }
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist');
  const binary = path.join(distDir, readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return `Electron binary not installed: ${binary} does not exist`;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'No display to open a window on: run the tests under xvfb-run (or set DISPLAY)';
  }
  return null;
}

const cannotRun = whyElectronCannotRun();
// The list reporter shows skips without their reason, so say it in the output too.
if (cannotRun) console.log(`[electron e2e] skipped: ${cannotRun}`);

test.describe('Shoebox desktop app', () => {
  test.skip(cannotRun !== null, cannotRun ?? '');
  test.describe.configure({ mode: 'serial' });

  let dataDir: string;
  let app: ElectronApplication;
  let page: Page;

  test.beforeAll(async () => {
    expect(existsSync(mainEntry), `${mainEntry} is missing: run \`npm run build\` first`).toBe(true);
    dataDir = mkdtempSync(path.join(tmpdir(), 'shoebox-electron-'));
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
    // Load the built renderer, never a dev server that happens to be configured.
    delete env.ELECTRON_RENDERER_URL;
    delete env.SHOEBOX_DATA_DIR;
    app = await electron.launch({ args: [mainEntry, `--data-dir=${dataDir}`], cwd: root, env, timeout: 60_000 });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('opens one window with the app shell', async () => {
    await expect(page).toHaveTitle(/Shoebox/);
    const sidebar = page.locator('nav, [role="navigation"], aside').first();
    for (const label of ['Inbox', 'Expenses', 'Categories', 'Settings']) {
      await expect(sidebar.getByText(label, { exact: true }).first()).toBeVisible();
    }
    expect(app.windows()).toHaveLength(1);
  });

  test('keeps its data in the folder given by --data-dir', async () => {
    const userData = await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'));
    expect(path.resolve(userData)).toBe(path.resolve(dataDir));
    expect(existsSync(path.join(dataDir, 'shoebox.sqlite'))).toBe(true);
  });

  test('answers procedures through window.shoebox', async () => {
    const result = await page.evaluate(() => window.shoebox.invoke('categories.list', {}));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const categories = result.data as Array<{ id: string; name: string }>;
    expect(categories.length).toBeGreaterThan(0);
    for (const c of categories) expect(typeof c.name).toBe('string');

    const unknown = await page.evaluate(() => window.shoebox.invoke('no.such.procedure', {}));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } });

    const invalid = await page.evaluate(() => window.shoebox.invoke('categories.list', { unexpected: true }));
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  test('keeps Node and Electron out of the page', async () => {
    const globals = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return {
        require: typeof w.require,
        process: typeof w.process,
        module: typeof w.module,
        Buffer: typeof w.Buffer,
        bridge: Object.keys(window.shoebox).sort(),
      };
    });
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined', bridge: ['invoke', 'on'] });
  });

  test('opens no new windows and does not navigate away', async () => {
    const appUrl = page.url();
    expect(appUrl.startsWith('file:')).toBe(true);

    const opened = await page.evaluate(() => window.open('http://127.0.0.1:9/', '_blank') === null);
    expect(opened).toBe(true);
    expect(app.windows()).toHaveLength(1);

    await page.evaluate(() => {
      window.location.href = 'http://127.0.0.1:9/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(appUrl);
    // The bridge still answers: the page was not replaced.
    const again = await page.evaluate(() => window.shoebox.invoke('categories.list', {}));
    expect(again.ok).toBe(true);
  });

  test('remembers the window size when it closes', async () => {
    await app.close();
    const state = JSON.parse(readFileSync(path.join(dataDir, 'window-state.json'), 'utf8')) as Record<string, unknown>;
    expect(typeof state.width).toBe('number');
    expect(typeof state.height).toBe('number');
    expect(typeof state.isMaximized).toBe('boolean');
  });
});
