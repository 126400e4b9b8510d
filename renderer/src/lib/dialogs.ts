import { create } from 'zustand';

/** Dialogs that code asks a question with and awaits, e.g. a keyboard shortcut asking for a reject reason. */
export type DialogRequest =
  | { kind: 'confirm'; title: string; message?: string; confirmLabel: string; danger?: boolean }
  | { kind: 'reason'; title: string; message?: string; confirmLabel: string }
  | { kind: 'category'; title: string; message?: string; confirmLabel: string };

interface OpenDialog {
  request: DialogRequest;
  /** Settles the question; undefined means cancelled. */
  resolve(value: unknown): void;
}

export const useDialogs = create<{ current: OpenDialog | null }>()(() => ({ current: null }));

function ask(request: DialogRequest): Promise<unknown> {
  useDialogs.getState().current?.resolve(undefined);
  return new Promise((resolve) => {
    useDialogs.setState({
      current: {
        request,
        resolve: (value) => {
          useDialogs.setState({ current: null });
          resolve(value);
        },
      },
    });
  });
}

export async function confirmDialog(options: Omit<Extract<DialogRequest, { kind: 'confirm' }>, 'kind'>): Promise<boolean> {
  return (await ask({ kind: 'confirm', ...options })) === true;
}

/** The reason for a rejection, or undefined when the person backs out. */
export async function askRejectReason(count: number): Promise<string | undefined> {
  const answer = await ask({
    kind: 'reason',
    title: count === 1 ? 'Reject expense' : `Reject ${count} expenses`,
    message: 'Say why, so whoever filed it knows what to fix.',
    confirmLabel: 'Reject',
  });
  return typeof answer === 'string' ? answer : undefined;
}

/** A category id, null for "Uncategorized", or undefined when cancelled. */
export async function askCategory(count: number): Promise<string | null | undefined> {
  const answer = await ask({
    kind: 'category',
    title: count === 1 ? 'Set category' : `Set the category of ${count} expenses`,
    confirmLabel: 'Set category',
  });
  return typeof answer === 'string' || answer === null ? answer : undefined;
}
