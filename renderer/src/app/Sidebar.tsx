import { useQuery } from '@tanstack/react-query';
import { invoke, queryKeys } from '../lib/api';
import { useFormat } from '../lib/format';
import { Icon } from '../ui/Icon';
import { Kbd } from '../ui/Kbd';
import { navigate, SCREENS, setHelpOpen, useNavigation } from './navigation';

const REVIEW_FILTER = { status: ['draft', 'pending_review'] } as const;

export function Sidebar() {
  const screen = useNavigation((s) => s.screen);
  const fmt = useFormat();
  const { data: toReview } = useQuery({
    queryKey: queryKeys.expenseSummary({ status: [...REVIEW_FILTER.status] }),
    queryFn: () => invoke('expenses.summary', { status: [...REVIEW_FILTER.status] }),
  });

  return (
    <div className="sidebar">
      <div className="sidebar__brand">
        <span className="sidebar__logo">
          <Icon name="logo" />
        </span>
        Shoebox
      </div>
      <nav aria-label="Main">
        <ul className="sidebar__nav">
          {SCREENS.map((s, i) => (
            <li key={s.id}>
              <button
                type="button"
                className="sidebar__item"
                aria-current={screen === s.id ? 'page' : undefined}
                aria-keyshortcuts={`Control+${i + 1} Meta+${i + 1}`}
                onClick={() => void navigate(s.id)}
                data-testid={`nav-${s.id}`}
              >
                <Icon name={s.icon} />
                <span className="sidebar__label">{s.label}</span>
                {s.id === 'inbox' && !!toReview?.count && (
                  <span className="sidebar__count" data-testid="inbox-count" aria-label={`${toReview.count} to review`}>
                    {fmt.count(toReview.count)}
                  </span>
                )}
                <span className="sidebar__shortcut" aria-hidden="true">
                  <Kbd keys={`Mod+${i + 1}`} />
                </span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <button type="button" className="sidebar__help" onClick={() => setHelpOpen(true)} data-testid="shortcuts-help">
        <Icon name="keyboard" />
        Keyboard shortcuts
        <Kbd keys="?" />
      </button>
    </div>
  );
}
