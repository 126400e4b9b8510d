/// <reference types="electron-vite/node" />
import { app, BrowserWindow, dialog, nativeTheme, safeStorage, screen, session, shell, type Session, type WebContents } from 'electron';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerIpc, sendEvent } from './ipc';
import type { MenuCommand } from '../../shared/contract';
import { contentSecurityPolicy } from '../../shared/security';
import { installMenu, MENU_EVENT } from './menu';
import { openSecretStore, type EncryptedSecretStore } from './secrets';
import { createServices, type Services } from './services';
import { configurePdfReader } from './services/intake/pdf';
// pdf.js runs in a worker thread so a hostile or broken PDF cannot stall or crash the app.
import pdfThreadScript from './services/intake/pdf/pdf-thread?modulePath';
import { resolveDataDir } from './services/data-dir';
import { loadWindowState, trackWindowState, type WindowStateOptions } from './window-state';

// ---------------------------------------------------------------------------------------------
// Paths and the app's own URL
// ---------------------------------------------------------------------------------------------

/** out/main when built (inside app.asar when packaged). */
const mainDir = path.dirname(fileURLToPath(import.meta.url));
const preloadPath = path.join(mainDir, '..', 'preload', 'index.cjs');
const rendererIndex = path.join(mainDir, '..', 'renderer', 'index.html');
/** electron-vite sets this in `electron-vite dev`; a packaged app never follows it. */
const devServerUrl = !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? new URL(process.env.ELECTRON_RENDERER_URL) : null;

const samePath = (a: string, b: string) =>
  process.platform === 'win32' || process.platform === 'darwin' ? a.toLowerCase() === b.toLowerCase() : a === b;

/** The app's page: the built index.html (any #route or ?query), or any page of the dev server. */
function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (devServerUrl) return url.origin === devServerUrl.origin;
  if (url.protocol !== 'file:') return false;
  url.hash = '';
  url.search = '';
  try {
    return samePath(path.resolve(fileURLToPath(url)), path.resolve(rendererIndex));
  } catch {
    return false;
  }
}

/** `--data-dir=PATH` or `--data-dir PATH`. */
function dataDirFlag(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--data-dir=')) return arg.slice('--data-dir='.length) || undefined;
    if (arg === '--data-dir' && argv[i + 1] && !argv[i + 1]!.startsWith('--')) return argv[i + 1];
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Content-Security-Policy and session hardening
// ---------------------------------------------------------------------------------------------

const hardenedSessions = new WeakSet<Session>();
function hardenSession(ses: Session): void {
  if (hardenedSessions.has(ses)) return;
  hardenedSessions.add(ses);
  const csp = contentSecurityPolicy(devServerUrl);
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[]> = {};
    for (const [key, value] of Object.entries(details.responseHeaders ?? {})) {
      if (key.toLowerCase() !== 'content-security-policy') headers[key] = value;
    }
    headers['Content-Security-Policy'] = [csp];
    callback({ responseHeaders: headers });
  });
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

/** Applied to every web contents the app ever creates, our window's included. */
function hardenWebContents(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isHttps(url)) void shell.openExternal(url).catch((err: unknown) => log('Could not open a link', err));
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) {
      event.preventDefault();
      log(`Blocked navigation to ${event.url}`);
    }
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) {
      event.preventDefault();
      log(`Blocked redirect to ${event.url}`);
    }
  });
}

function isHttps(raw: string): boolean {
  try {
    return new URL(raw).protocol === 'https:';
  } catch {
    return false;
  }
}

function log(message: string, err?: unknown): void {
  if (err === undefined) console.warn(`[shoebox] ${message}`);
  else console.warn(`[shoebox] ${message}`, err);
}

// ---------------------------------------------------------------------------------------------
// The window
// ---------------------------------------------------------------------------------------------

let mainWindow: BrowserWindow | null = null;
let services: Services | null = null;
let secrets: EncryptedSecretStore | null = null;
let stopIpc: (() => void) | null = null;
let stopWindowState: (() => void) | null = null;

function createWindow(dataDir: string): BrowserWindow {
  const stateOptions: WindowStateOptions = {
    file: path.join(dataDir, 'window-state.json'),
    defaultWidth: 1280,
    defaultHeight: 820,
    minWidth: 900,
    minHeight: 600,
  };
  const state = loadWindowState(stateOptions, screen.getAllDisplays().map((d) => d.workArea));

  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : { center: true }),
    width: state.width,
    height: state.height,
    minWidth: stateOptions.minWidth,
    minHeight: stateOptions.minHeight,
    title: 'Shoebox',
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1b1d1c' : '#f6f4ef',
    ...(process.platform === 'linux' ? { icon: path.join(app.getAppPath(), 'resources', 'icon.png') } : {}),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    },
  });

  stopWindowState = trackWindowState(win, stateOptions);
  win.once('ready-to-show', () => {
    if (state.isMaximized) win.maximize();
    win.show();
  });
  win.webContents.on('did-fail-load', (_e, code, description, url, isMainFrame) => {
    if (isMainFrame) log(`The page ${url} did not load (${code} ${description})`);
  });
  win.webContents.on('render-process-gone', (_e, details) => log(`The window's renderer stopped: ${details.reason}`));
  win.on('closed', () => {
    stopWindowState?.();
    stopWindowState = null;
    if (mainWindow === win) mainWindow = null;
  });

  const loading = devServerUrl ? win.loadURL(devServerUrl.href) : win.loadFile(rendererIndex);
  loading.catch((err: unknown) => log('The app page could not be loaded', err));
  return win;
}

function showWindow(dataDir: string): BrowserWindow {
  if (!mainWindow || mainWindow.isDestroyed()) mainWindow = createWindow(dataDir);
  else {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  }
  return mainWindow;
}

function menuCommand(dataDir: string, command: MenuCommand): void {
  const hadWindow = !!mainWindow && !mainWindow.isDestroyed();
  const win = showWindow(dataDir);
  if (hadWindow && !win.webContents.isLoading()) sendEvent(win, MENU_EVENT, { command });
  else win.webContents.once('did-finish-load', () => sendEvent(win, MENU_EVENT, { command }));
}

// ---------------------------------------------------------------------------------------------
// Lifecycle
// ---------------------------------------------------------------------------------------------

async function start(dataDir: string): Promise<void> {
  configurePdfReader({ threadScript: pdfThreadScript });
  hardenSession(session.defaultSession);

  secrets = await openSecretStore({ file: path.join(dataDir, 'secrets.json'), safeStorage });
  services = createServices({
    dataDir,
    migrationsFolder: path.join(app.getAppPath(), 'db', 'migrations'),
    secrets,
  });

  stopIpc = registerIpc({
    handlers: services.handlers,
    events: services.events,
    getWindow: () => mainWindow,
    isAppUrl,
  });

  installMenu({
    appName: app.getName(),
    platform: process.platform,
    dev: !app.isPackaged,
    command: (command) => menuCommand(dataDir, command),
    showDataFolder: () => void shell.openPath(dataDir),
  });

  showWindow(dataDir);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) showWindow(dataDir);
  });
}

let shutDown = false;
function shutdown(): void {
  if (shutDown) return;
  shutDown = true;
  stopWindowState?.();
  stopIpc?.();
  try {
    services?.close();
  } catch (err) {
    log('The services did not close cleanly', err);
  }
  services = null;
}

function main(): void {
  const dataDir = path.resolve(resolveDataDir({ flag: dataDirFlag(process.argv), fallback: app.getPath('userData') }));
  try {
    // The single-instance lock belongs to the userData folder: one running app per ledger.
    // Chromium's own files (cache, local storage) go in a subfolder so the data folder stays tidy.
    const chromiumDir = path.join(dataDir, 'Chromium');
    mkdirSync(chromiumDir, { recursive: true });
    app.setPath('userData', dataDir);
    app.setPath('sessionData', chromiumDir);
  } catch (err) {
    dialog.showErrorBox('Shoebox could not start', `The data folder ${dataDir} cannot be used: ${err instanceof Error ? err.message : String(err)}`);
    app.exit(1);
    return;
  }

  app.enableSandbox();
  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents));
  app.on('session-created', (ses) => hardenSession(ses));

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (app.isReady()) showWindow(dataDir);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', (event) => {
    if (shutDown || !secrets) return shutdown();
    // Let pending secret writes reach the disk before the process ends.
    event.preventDefault();
    const pending = secrets;
    secrets = null;
    pending
      .flush()
      .catch(() => undefined)
      .finally(() => {
        shutdown();
        app.quit();
      });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  app
    .whenReady()
    .then(() => start(dataDir))
    .catch((err: unknown) => {
      console.error('[shoebox] Shoebox could not start', err);
      dialog.showErrorBox(
        'Shoebox could not start',
        `${err instanceof Error ? err.message : String(err)}\n\nData folder: ${dataDir}`
      );
      shutdown();
      app.exit(1);
    });
}

main();
