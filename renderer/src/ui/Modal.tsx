import { useEffect, useId, useRef, type ReactNode } from 'react';

interface ModalProps {
  title: string;
  description?: ReactNode;
  /** Esc, the close button or a click on the backdrop. */
  onCancel(): void;
  children: ReactNode;
  testId?: string;
  wide?: boolean;
}

/**
 * A native modal <dialog>: the browser traps focus, makes the page inert and restores focus on close.
 * Mark the control that should start with focus `data-autofocus`.
 */
export function Modal({ title, description, onCancel, children, testId, wide }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    // showModal() focuses the first control; `data-autofocus` names a better one.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => dialog.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className={wide ? 'modal modal--wide' : 'modal'}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onCancel();
      }}
    >
      <div className="modal__body">
        <h2 id={titleId} className="modal__title">
          {title}
        </h2>
        {description && (
          <div id={descriptionId} className="modal__description">
            {description}
          </div>
        )}
        {children}
      </div>
    </dialog>
  );
}
