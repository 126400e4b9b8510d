import { useEffect, useState } from 'react';
import { useToasts, type Toast } from '../lib/toasts';
import { Icon } from './Icon';

export function Toaster() {
  const toasts = useToasts((s) => s.toasts);
  return (
    <section className="toaster" aria-label="Notifications" aria-live="polite">
      {toasts.map((t) => (
        <ToastItem key={t.id} toast={t} />
      ))}
    </section>
  );
}

function ToastItem({ toast }: { toast: Toast }) {
  const dismiss = useToasts((s) => s.dismiss);
  // Hovering or focusing a toast holds it, so an Undo is never pulled away mid-reach.
  const [held, setHeld] = useState(false);

  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => dismiss(toast.id), toast.duration);
    return () => clearTimeout(timer);
  }, [held, toast.id, toast.duration, dismiss]);

  return (
    <div
      className={`toast toast--${toast.kind}`}
      role={toast.kind === 'error' ? 'alert' : 'status'}
      data-testid="toast"
      data-kind={toast.kind}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <Icon name={toast.kind === 'error' ? 'alert' : toast.kind === 'success' ? 'check' : 'info'} className="toast__icon" />
      <div className="toast__content">
        <p className="toast__title">{toast.title}</p>
        {toast.lines && (
          <ul className="toast__lines">
            {toast.lines.slice(0, 5).map((line, i) => (
              <li key={i}>{line}</li>
            ))}
            {toast.lines.length > 5 && <li>and {toast.lines.length - 5} more</li>}
          </ul>
        )}
      </div>
      {toast.action && (
        <button
          type="button"
          className="toast__action"
          data-testid="toast-action"
          onClick={() => {
            toast.action?.run();
            dismiss(toast.id);
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="icon-button toast__close" aria-label="Dismiss notification" onClick={() => dismiss(toast.id)}>
        <Icon name="x" />
      </button>
    </div>
  );
}
