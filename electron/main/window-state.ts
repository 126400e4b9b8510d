import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';

/**
 * Remembers the main window's size, position and maximized state in a small JSON file in the
 * data folder. Only types come from electron, so the logic runs (and is tested) under plain Node:
 * the caller passes the displays' work areas and the window.
 */

export interface WindowState {
  /** Normal (restored) bounds; x/y are absent when the window should be centred. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  isMaximized: boolean;
}

export interface WindowStateOptions {
  file: string;
  defaultWidth: number;
  defaultHeight: number;
  minWidth?: number;
  minHeight?: number;
  /** Quiet time after the last move/resize before the file is written. */
  debounceMs?: number;
  log?: (message: string, err?: unknown) => void;
}

/** How much of the window must lie on one display for a saved position to be reused. */
const MIN_VISIBLE_WIDTH = 160;
const MIN_VISIBLE_HEIGHT = 80;

function isFiniteInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function intersection(a: Rectangle, b: Rectangle): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

/**
 * True when a good part of the window, including its top edge (where the title bar is), lies on
 * one of the given work areas, so the user can see it and drag it.
 */
export function isVisibleOnSomeDisplay(bounds: Rectangle, workAreas: Rectangle[]): boolean {
  const titleBar: Rectangle = { x: bounds.x, y: bounds.y, width: bounds.width, height: Math.min(bounds.height, 40) };
  return workAreas.some((area) => {
    const body = intersection(bounds, area);
    const top = intersection(titleBar, area);
    const enough = body.width >= Math.min(MIN_VISIBLE_WIDTH, bounds.width) && body.height >= Math.min(MIN_VISIBLE_HEIGHT, bounds.height);
    return enough && top.width > 0 && top.height > 0;
  });
}

/** Reads the saved state; anything missing, broken or off-screen falls back to the defaults. */
export function loadWindowState(options: WindowStateOptions, workAreas: Rectangle[]): WindowState {
  const fallback: WindowState = { width: options.defaultWidth, height: options.defaultHeight, isMaximized: false };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(options.file, 'utf8'));
  } catch {
    return fallback;
  }
  if (typeof raw !== 'object' || raw === null) return fallback;
  const s = raw as Record<string, unknown>;
  if (!isFiniteInt(s.width) || !isFiniteInt(s.height)) return fallback;

  const largest = workAreas.reduce((m, a) => ({ width: Math.max(m.width, a.width), height: Math.max(m.height, a.height) }), {
    width: 0,
    height: 0,
  });
  const clamp = (v: number, min: number, max: number) => Math.round(Math.min(Math.max(v, min), Math.max(min, max)));
  const width = clamp(s.width, options.minWidth ?? 400, largest.width || s.width);
  const height = clamp(s.height, options.minHeight ?? 300, largest.height || s.height);
  const isMaximized = s.isMaximized === true;

  if (isFiniteInt(s.x) && isFiniteInt(s.y)) {
    const bounds = { x: Math.round(s.x), y: Math.round(s.y), width, height };
    if (isVisibleOnSomeDisplay(bounds, workAreas)) return { ...bounds, isMaximized };
  }
  // The display it was on is gone (or the position was never saved): keep the size, centre it.
  return { width, height, isMaximized };
}

export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`, 'utf8');
  renameSync(tmp, file);
}

/** The state to save for a window: its normal bounds even while maximized or minimized. */
export function captureWindowState(win: BrowserWindow): WindowState {
  const normal = win.getNormalBounds();
  return { x: normal.x, y: normal.y, width: normal.width, height: normal.height, isMaximized: win.isMaximized() };
}

/**
 * Watches a window and saves its state a moment after the user stops moving or resizing it, and
 * once more, at once, when it closes. Returns a function that stops watching (and saves).
 */
export function trackWindowState(win: BrowserWindow, options: WindowStateOptions): () => void {
  const debounceMs = options.debounceMs ?? 500;
  const log = options.log ?? ((message, err) => console.warn(`[shoebox] ${message}`, err ?? ''));
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last: WindowState | null = null;
  let stopped = false;

  const capture = () => {
    if (win.isDestroyed()) return;
    // A full-screen window has no useful normal bounds to remember; keep the previous ones.
    if (win.isFullScreen()) return;
    last = captureWindowState(win);
  };
  const write = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    capture();
    if (!last) return;
    try {
      saveWindowState(options.file, last);
    } catch (err) {
      log('Could not save the window position', err);
    }
  };
  const schedule = () => {
    if (stopped) return;
    capture();
    if (timer) clearTimeout(timer);
    timer = setTimeout(write, debounceMs);
  };

  const onClose = () => write();
  win.on('resize', schedule);
  win.on('move', schedule);
  win.on('maximize', schedule);
  win.on('unmaximize', schedule);
  win.on('restore', schedule);
  win.on('close', onClose);

  return () => {
    if (stopped) return;
    stopped = true;
    if (!win.isDestroyed()) {
      win.off('resize', schedule);
      win.off('move', schedule);
      win.off('maximize', schedule);
      win.off('unmaximize', schedule);
      win.off('restore', schedule);
      win.off('close', onClose);
    }
    write();
  };
}
