/** The bridge the preload script (or the browser test harness) installs; the renderer's only way out. */
interface ShoeboxBridge {
  invoke(
    name: string,
    input: unknown
  ): Promise<{ ok: true; data: unknown } | { ok: false; error: { code: string; message: string; details?: unknown } }>;
  on(event: string, cb: (payload: unknown) => void): () => void;
}

interface Window {
  readonly shoebox: ShoeboxBridge;
}
