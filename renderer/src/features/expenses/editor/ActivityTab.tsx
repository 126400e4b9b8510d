import { useQuery } from '@tanstack/react-query';
import type { Expense, Output } from '../../../../../shared/contract';
import { invoke, queryKeys } from '../../../lib/api';
import { useFormat, type Formatters } from '../../../lib/format';
import { useCategoryMap } from '../../../lib/useCategoryMap';
import { STATUS_LABEL } from '../../../ui/Badges';
import { fieldLabel } from './fieldLabels';

type Entry = Output<'expenses.activity'>[number];

interface Described {
  title: string;
  lines: string[];
}

const statusLabel = (s: unknown) => STATUS_LABEL[s as Expense['status']] ?? String(s);

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ') || '—';
  return 'changed';
}

/** Turns the service's log entry into words; unknown actions still show, just plainly. */
function describe(entry: Entry, fmt: Formatters, categoryName: (id: unknown) => string): Described {
  const d = entry.details ?? {};
  switch (entry.action) {
    case 'created':
      return {
        title: 'Created',
        lines: typeof d.gross === 'number' && typeof d.currency === 'string' ? [`${statusLabel(d.status)}, ${fmt.money(d.gross, d.currency)}`] : [],
      };
    case 'status':
      return {
        title: `${statusLabel(d.from)} → ${statusLabel(d.to)}`,
        lines: typeof d.reason === 'string' ? [`Reason: ${d.reason}`] : [],
      };
    case 'category': {
      const [from, to] = Array.isArray(d.categoryId) ? d.categoryId : [];
      return { title: 'Category changed', lines: [`${categoryName(from)} → ${categoryName(to)}`, ...(typeof d.reason === 'string' ? [d.reason] : [])] };
    }
    case 'paid':
    case 'unpaid': {
      const after = Array.isArray(d.paidAt) ? d.paidAt[1] : undefined;
      return { title: typeof after === 'string' ? `Marked paid on ${fmt.date(after)}` : 'Marked unpaid', lines: [] };
    }
    case 'commented':
      return { title: 'Commented', lines: [] };
    case 'deleted':
      return { title: 'Moved to the trash', lines: [] };
    case 'restored':
      return { title: 'Restored from the trash', lines: [] };
    default:
      // "updated" and "flags" carry { field: [before, after] }.
      return {
        title: entry.action === 'flags' ? 'Flags changed' : entry.action === 'updated' ? 'Edited' : entry.action,
        lines: Object.entries(d).map(([key, value]) =>
          Array.isArray(value) && value.length === 2 ? `${fieldLabel(key, [])}: ${show(value[0])} → ${show(value[1])}` : `${fieldLabel(key, [])}: ${show(value)}`
        ),
      };
  }
}

export function ActivityTab({ expenseId }: { expenseId: string }) {
  const fmt = useFormat();
  const categories = useCategoryMap();
  const categoryName = (id: unknown) => (typeof id === 'string' ? (categories.get(id)?.name ?? 'a deleted category') : 'Uncategorized');
  const { data, isPending } = useQuery({ queryKey: queryKeys.activity(expenseId), queryFn: () => invoke('expenses.activity', { id: expenseId }) });
  if (isPending) return <p className="muted">Loading activity…</p>;
  if (!data?.length) return <p className="muted">No activity recorded yet.</p>;
  return (
    <ol className="timeline" data-testid="activity-log">
      {data.map((entry) => {
        const { title, lines } = describe(entry, fmt, categoryName);
        return (
          <li key={entry.id} className="timeline__item">
            <p className="timeline__title">
              {title}
              <span className="muted">
                {' '}
                · <time dateTime={entry.at}>{fmt.dateTime(entry.at)}</time>
                {entry.actor !== 'user' && ` · ${entry.actor}`}
              </span>
            </p>
            {lines.map((line) => (
              <p key={line} className="timeline__detail">
                {line}
              </p>
            ))}
          </li>
        );
      })}
    </ol>
  );
}
