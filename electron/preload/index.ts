import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EventName, EventPayload, Input, Output, ProcedureName } from '../../shared/contract';
import type { ErrorData } from '../../shared/errors';

/*
 * Runs in a sandboxed renderer, so it is bundled to one CommonJS file that requires nothing but
 * 'electron'. The page gets exactly two functions; ipcRenderer itself never crosses the bridge,
 * and neither does the IPC event object (its `sender` is ipcRenderer).
 */

// Kept in step with electron/main/ipc.ts (importing it would pull main-process code in here).
const INVOKE_CHANNEL = 'shoebox:invoke';
const EVENT_CHANNEL = 'shoebox:event';

export type InvokeResult<T> = { ok: true; data: T } | { ok: false; error: ErrorData };

export interface ShoeboxBridge {
  /** Calls a procedure of the contract; failures come back as `{ ok: false, error }`, never as a rejection. */
  invoke<K extends ProcedureName>(name: K, input: Input<K>): Promise<InvokeResult<Output<K>>>;
  /** Subscribes to one event pushed by the main process; returns the function that unsubscribes. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

function refuse(message: string): Promise<InvokeResult<never>> {
  return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_PROCEDURE', message } });
}

const bridge = {
  invoke(name: unknown, input: unknown) {
    if (typeof name !== 'string') return refuse('A procedure name must be a string');
    return ipcRenderer.invoke(INVOKE_CHANNEL, { name, input });
  },
  on(event: unknown, listener: unknown): () => void {
    if (typeof event !== 'string') throw new TypeError('An event name must be a string');
    if (typeof listener !== 'function') throw new TypeError('An event listener must be a function');
    const handler = (_e: IpcRendererEvent, message: unknown) => {
      if (typeof message !== 'object' || message === null) return;
      const { name, payload } = message as { name?: unknown; payload?: unknown };
      if (name === event) (listener as (payload: unknown) => void)(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('shoebox', bridge);
