import { create } from 'zustand';
import { confirmDialog } from '../../lib/dialogs';

export type EditorTarget = { kind: 'new' } | { kind: 'existing'; id: string };

interface EditorState {
  target: EditorTarget | null;
  /** The open editor holds changes that are not saved yet. */
  dirty: boolean;
  setDirty(dirty: boolean): void;
}

export const useEditor = create<EditorState>()((set) => ({
  target: null,
  dirty: false,
  setDirty: (dirty) => set({ dirty }),
}));

/** True when nothing unsaved is in the way, asking the person if something is. */
export async function mayDiscardEdits(): Promise<boolean> {
  if (!useEditor.getState().dirty) return true;
  return confirmDialog({
    title: 'Discard unsaved changes?',
    message: 'The expense you are editing has changes that are not saved.',
    confirmLabel: 'Discard changes',
    danger: true,
  });
}

function sameTarget(a: EditorTarget | null, b: EditorTarget | null): boolean {
  if (!a || !b) return a === b;
  return a.kind === 'new' ? b.kind === 'new' : b.kind === 'existing' && a.id === b.id;
}

export async function openEditor(target: EditorTarget): Promise<boolean> {
  if (sameTarget(useEditor.getState().target, target)) return true;
  if (!(await mayDiscardEdits())) return false;
  useEditor.setState({ target, dirty: false });
  return true;
}

export async function closeEditor(): Promise<boolean> {
  if (!useEditor.getState().target) return true;
  if (!(await mayDiscardEdits())) return false;
  useEditor.setState({ target: null, dirty: false });
  return true;
}

/** After a create the editor keeps going on the saved expense without asking. */
export function retargetEditor(target: EditorTarget): void {
  useEditor.setState({ target, dirty: false });
}

/** For when the expense itself is gone (deleted): nothing is left to keep. */
export function closeEditorNow(): void {
  useEditor.setState({ target: null, dirty: false });
}
