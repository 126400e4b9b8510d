// @ts-check
/*
 * The browser stand-in for electron/preload/index.ts: the same `window.shoebox` with the same two
 * functions and the same answers, over loopback HTTP to test/harness/server.ts instead of IPC.
 * Plain JavaScript, because Playwright's page.addInitScript({ path }) injects the file as it is,
 * before any script of the page runs.
 */
(() => {
  // The preload runs once, in the app's own top-level page only (not in about:blank or sub-frames).
  if (window.top !== window || !/^https?:$/.test(location.protocol) || 'shoebox' in window) return;

  /** @type {Set<{ event: string, listener: (payload: unknown) => void }>} */
  const subscriptions = new Set();

  // Opened at once rather than on the first subscription: IPC needs no connection, so an event
  // that follows the page load must not be lost to one still being set up.
  const source = new EventSource('/__shoebox/events');
  source.onmessage = (message) => {
    const { name, payload } = JSON.parse(message.data);
    for (const s of [...subscriptions]) if (s.event === name) s.listener(payload);
  };

  /** @param {unknown} name @param {unknown} input */
  async function invoke(name, input) {
    if (typeof name !== 'string') return { ok: false, error: { code: 'UNKNOWN_PROCEDURE', message: 'A procedure name must be a string' } };
    const response = await fetch('/__shoebox/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, input }),
    });
    // Like a failed ipcRenderer.invoke: the transport broke, so the promise rejects.
    if (!response.ok) throw new Error(`The test harness answered ${response.status}: ${await response.text()}`);
    return response.json();
  }

  /** @param {unknown} event @param {unknown} listener */
  function on(event, listener) {
    if (typeof event !== 'string') throw new TypeError('An event name must be a string');
    if (typeof listener !== 'function') throw new TypeError('An event listener must be a function');
    const subscription = { event, listener: /** @type {(payload: unknown) => void} */ (listener) };
    subscriptions.add(subscription);
    return () => void subscriptions.delete(subscription);
  }

  // contextBridge.exposeInMainWorld defines a read-only property holding a frozen copy.
  Object.defineProperty(window, 'shoebox', {
    value: Object.freeze({ invoke: Object.freeze(invoke), on: Object.freeze(on) }),
    enumerable: true,
    writable: false,
    configurable: false,
  });
})();
