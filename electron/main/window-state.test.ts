import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isVisibleOnSomeDisplay, loadWindowState, saveWindowState } from './window-state';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shoebox-window-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const external = { x: 1440, y: 0, width: 2560, height: 1415 };
const options = () => ({ file: join(dir, 'window-state.json'), defaultWidth: 1200, defaultHeight: 800 });

describe('window state', () => {
  it('starts with the default size, centred', () => {
    expect(loadWindowState(options(), [laptop])).toEqual({ width: 1200, height: 800, isMaximized: false });
  });

  it('brings back where the window was', () => {
    saveWindowState(options().file, { x: 1600, y: 100, width: 1400, height: 900, isMaximized: true });
    expect(loadWindowState(options(), [laptop, external])).toEqual({ x: 1600, y: 100, width: 1400, height: 900, isMaximized: true });
  });

  it('keeps the size but centres the window when its display is gone', () => {
    saveWindowState(options().file, { x: 1600, y: 100, width: 1400, height: 800, isMaximized: false });
    expect(loadWindowState(options(), [laptop])).toEqual({ width: 1400, height: 800, isMaximized: false });
  });

  it('never opens larger than the largest display', () => {
    saveWindowState(options().file, { x: 0, y: 0, width: 5000, height: 3000, isMaximized: false });
    expect(loadWindowState(options(), [laptop])).toMatchObject({ width: 1440, height: 875 });
  });

  it('falls back to the defaults on a broken file', () => {
    writeFileSync(options().file, '{"width": "wide"');
    expect(loadWindowState(options(), [laptop])).toEqual({ width: 1200, height: 800, isMaximized: false });
  });

  it('writes a readable file', () => {
    saveWindowState(options().file, { x: 10, y: 20, width: 900, height: 700, isMaximized: false });
    expect(JSON.parse(readFileSync(options().file, 'utf8'))).toEqual({ x: 10, y: 20, width: 900, height: 700, isMaximized: false });
  });

  it('needs the title bar on screen to call a position visible', () => {
    expect(isVisibleOnSomeDisplay({ x: 100, y: -500, width: 800, height: 600 }, [laptop])).toBe(false);
    expect(isVisibleOnSomeDisplay({ x: 1300, y: 100, width: 800, height: 600 }, [laptop])).toBe(false);
    expect(isVisibleOnSomeDisplay({ x: 1200, y: 100, width: 800, height: 600 }, [laptop])).toBe(true);
  });
});
