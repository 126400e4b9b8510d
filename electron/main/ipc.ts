import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { ErrorData } from '../../shared/errors';
import { invokeSafely, type Handlers, type InvokeResult } from './dispatch';
import type { ServiceEvents } from './services/events';

/**
 * The IPC adapter: one request channel for every procedure of the contract and one event channel.
 * It knows nothing about any procedure; dispatch() validates and runs them.
 */
export const INVOKE_CHANNEL = 'shoebox:invoke';
export const EVENT_CHANNEL = 'shoebox:event';

export interface IpcOptions {
  handlers: Handlers;
  events: ServiceEvents;
  /** The app's one window, or null while it is closed. */
  getWindow(): BrowserWindow | null;
  /** Whether a URL is the app's own page (the built index.html, or the dev server in development). */
  isAppUrl(url: string): boolean;
  log?: (message: string, err?: unknown) => void;
}

/** Pushes an event to the window's page; dropped silently while there is no page to receive it. */
export function sendEvent(win: BrowserWindow | null, name: string, payload: unknown): void {
  if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return;
  win.webContents.send(EVENT_CHANNEL, { name, payload });
}

/** Why a request must be refused, or null when it comes from our page's main frame. */
export function senderRefusal(event: IpcMainInvokeEvent, win: BrowserWindow | null, isAppUrl: (url: string) => boolean): string | null {
  if (!win || win.isDestroyed()) return 'there is no app window';
  if (event.sender.id !== win.webContents.id) return 'the request did not come from the app window';
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  const main = win.webContents.mainFrame;
  if (frame.parent !== null || frame.processId !== main.processId || frame.routingId !== main.routingId) {
    return 'the request came from a sub-frame';
  }
  if (!isAppUrl(frame.url)) return `the page ${frame.url} is not the app`;
  return null;
}

function forbidden(reason: string): InvokeResult {
  const error: ErrorData = { code: 'FORBIDDEN_SENDER', message: `Request refused: ${reason}.` };
  return { ok: false, error };
}

/** Registers the channels; returns a function that removes them again. */
export function registerIpc(options: IpcOptions): () => void {
  const log = options.log ?? ((message: string) => console.warn(`[shoebox] ${message}`));

  ipcMain.handle(INVOKE_CHANNEL, async (event, request: unknown): Promise<InvokeResult> => {
    const refusal = senderRefusal(event, options.getWindow(), options.isAppUrl);
    if (refusal) {
      log(`IPC ${refusal}`);
      return forbidden(refusal);
    }
    const { name, input } = typeof request === 'object' && request !== null ? (request as { name?: unknown; input?: unknown }) : {};
    return invokeSafely(options.handlers, name, input);
  });

  const stopEvents = options.events.onAny((name, payload) => sendEvent(options.getWindow(), name, payload));

  return () => {
    stopEvents();
    ipcMain.removeHandler(INVOKE_CHANNEL);
  };
}
