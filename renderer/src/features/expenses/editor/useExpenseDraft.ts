import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Expense } from '../../../../../shared/contract';
import type { FieldIssue } from '../../../../../shared/errors';
import { todayIso } from '../../../../../shared/domain/dates';
import { invoke, queryKeys, ShoeboxError } from '../../../lib/api';
import { useSettingsOrDefault } from '../../../lib/queries';
import { queryClient } from '../../../lib/queryClient';
import { toast } from '../../../lib/toasts';
import { retargetEditor, useEditor, type EditorTarget } from '../editorStore';
import { issueLines } from './fieldLabels';
import { formPath, fromExpense, newDraft, sameExpense, toFields, toPatch, type Draft } from './draft';

function issueMap(issues: readonly FieldIssue[], positionKeys: readonly string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const issue of issues) {
    const path = formPath(issue.path, positionKeys);
    map[path] ??= issue.message;
  }
  return map;
}

/** The editor's working copy of one expense: what was loaded, what was typed, and saving the difference. */
export function useExpenseDraft(target: EditorTarget) {
  const id = target.kind === 'existing' ? target.id : null;
  const { defaultCurrency } = useSettingsOrDefault();
  const loaded = useQuery({
    queryKey: queryKeys.expense(id ?? ''),
    queryFn: () => invoke('expenses.get', { id: id! }),
    enabled: id !== null,
  });

  /** The saved expense the draft started from; its version guards the update. */
  const [origin, setOrigin] = useState<Expense | null>(null);
  const [pristine, setPristine] = useState<Draft>(() => newDraft({ currency: defaultCurrency, today: todayIso() }));
  const [draft, setDraft] = useState<Draft>(pristine);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const dirty = !sameExpense(draft, pristine);
  const setDirty = useEditor((s) => s.setDirty);
  useEffect(() => setDirty(dirty), [dirty, setDirty]);

  const adopt = (expense: Expense) => {
    const fresh = fromExpense(expense);
    setOrigin(expense);
    setPristine(fresh);
    setDraft(fresh);
    setErrors({});
  };

  // Follow the saved expense as it changes (status, payment, edits elsewhere) unless someone is typing.
  const latest = loaded.data;
  useEffect(() => {
    if (latest && (!origin || (!dirty && latest.version !== origin.version))) adopt(latest);
    // `origin` and `dirty` are read, not followed: only a new server copy should trigger this.
  }, [latest]);

  const save = useMutation({
    // Conflicts and field problems get their own, more helpful, message below.
    meta: { handledCodes: ['VERSION_CONFLICT', 'VALIDATION_FAILED'] },
    mutationFn: async (): Promise<Expense | null> => {
      const converted = origin ? toPatch(draft, origin) : { ...toFields(draft), patch: null };
      if (converted.issues.length) {
        reportInvalid(converted.issues, converted.positionKeys);
        throw new ShoeboxError('VALIDATION_FAILED', 'Some fields need fixing', { issues: converted.issues });
      }
      try {
        if (!origin) return await invoke('expenses.create', { ...converted.fields, source: 'manual' });
        if (!converted.patch || Object.keys(converted.patch).length === 0) return origin;
        return await invoke('expenses.update', { id: origin.id, patch: converted.patch, expectedVersion: origin.version });
      } catch (err) {
        if (err instanceof ShoeboxError && err.code === 'VALIDATION_FAILED') reportInvalid(err.fieldIssues, converted.positionKeys);
        if (err instanceof ShoeboxError && err.code === 'VERSION_CONFLICT') {
          toast.error(err, { action: { label: 'Load latest', run: () => void reloadLatest() } });
        }
        throw err;
      }
    },
    onSuccess: (saved) => {
      if (!saved) return;
      queryClient.setQueryData(queryKeys.expense(saved.id), saved);
      if (!origin) {
        toast.success(saved.type === 'receipt' ? 'Receipt filed: approved and paid' : 'Invoice saved as a draft');
        retargetEditor({ kind: 'existing', id: saved.id });
      } else {
        adopt(saved);
        toast.success('Changes saved');
      }
    },
  });

  /** Marks each field next to its problem, and lists them all in one message. */
  const reportInvalid = (issues: readonly FieldIssue[], positionKeys: readonly string[]) => {
    setErrors(issueMap(issues, positionKeys));
    const title = issues.length === 1 ? 'One field needs fixing' : `${issues.length} fields need fixing`;
    toast.error(new Error(title), { lines: issueLines(issues, (p) => formPath(p, positionKeys), positionKeys) });
  };

  const reloadLatest = async () => {
    if (!origin) return;
    adopt(await queryClient.fetchQuery({ queryKey: queryKeys.expense(origin.id), queryFn: () => invoke('expenses.get', { id: origin.id }), staleTime: 0 }));
  };

  return {
    /** Null for a new expense, or while the saved one loads. */
    expense: origin,
    loading: id !== null && !origin,
    loadError: loaded.error,
    draft,
    update: (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change })),
    errors,
    dirty,
    /** Saves and resolves with the saved expense, or null when saving failed (the reason is already shown). */
    save: () => save.mutateAsync().catch(() => null),
    saving: save.isPending,
    discard: () => {
      setDraft(pristine);
      setErrors({});
    },
    changedElsewhere: !!(origin && latest && latest.version !== origin.version),
    reloadLatest,
  };
}
