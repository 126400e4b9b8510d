import { create } from 'zustand';
import { errorMessage, ShoeboxError } from './api';

export type ToastKind = 'success' | 'error' | 'info';

export interface Toast {
  id: number;
  kind: ToastKind;
  title: string;
  /** Extra lines, e.g. which expenses a bulk action could not change. */
  lines?: string[];
  action?: { label: string; run: () => void };
  /** Milliseconds on screen; errors stay longer so they can be read. */
  duration: number;
}

interface ToastState {
  toasts: Toast[];
  push(t: Omit<Toast, 'id' | 'duration'> & { duration?: number }): number;
  dismiss(id: number): void;
}

const MAX_VISIBLE = 4;
let nextId = 1;

export const useToasts = create<ToastState>()((set) => ({
  toasts: [],
  push: (t) => {
    const id = nextId++;
    const duration = t.duration ?? (t.kind === 'error' ? 12_000 : t.action ? 8_000 : 4_000);
    // The same failure from several queries at once is one message, not a stack of them.
    const others = t.action ? undefined : (s: ToastState) => s.toasts.filter((o) => o.action || o.kind !== t.kind || o.title !== t.title);
    set((s) => ({ toasts: [...(others ? others(s) : s.toasts), { ...t, id, duration }].slice(-MAX_VISIBLE) }));
    return id;
  },
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));

export const toast = {
  success: (title: string, extra: Partial<Pick<Toast, 'lines' | 'action' | 'duration'>> = {}) =>
    useToasts.getState().push({ kind: 'success', title, ...extra }),
  info: (title: string, extra: Partial<Pick<Toast, 'lines' | 'action' | 'duration'>> = {}) =>
    useToasts.getState().push({ kind: 'info', title, ...extra }),
  error: (err: unknown, extra: Partial<Pick<Toast, 'lines' | 'action'>> = {}) => {
    const lines = err instanceof ShoeboxError && err.fieldIssues.length > 1 ? err.fieldIssues.map((i) => `${i.path}: ${i.message}`) : undefined;
    return useToasts.getState().push({ kind: 'error', title: errorMessage(err), lines, ...extra });
  },
};
