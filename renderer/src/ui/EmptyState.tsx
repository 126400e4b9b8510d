import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

export function EmptyState({ icon, title, children, testId }: { icon: IconName; title: string; children?: ReactNode; testId?: string }) {
  return (
    <div className="empty-state" data-testid={testId}>
      <div className="empty-state__icon">
        <Icon name={icon} />
      </div>
      <h2 className="empty-state__title">{title}</h2>
      {children}
    </div>
  );
}
