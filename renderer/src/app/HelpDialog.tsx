import { Kbd } from '../ui/Kbd';
import { Modal } from '../ui/Modal';
import { setHelpOpen } from './navigation';

const GROUPS: { title: string; keys: [string, string][] }[] = [
  {
    title: 'Anywhere',
    keys: [
      ['Mod+1', 'Inbox'],
      ['Mod+2', 'Expenses'],
      ['Mod+3', 'Categories'],
      ['Mod+4', 'Settings'],
      ['?', 'This list'],
    ],
  },
  {
    title: 'In a list',
    keys: [
      ['↓ / J', 'Next expense'],
      ['↑ / K', 'Previous expense'],
      ['Shift+↓', 'Extend the selection'],
      ['Mod+A', 'Select all'],
      ['Space', 'Select or deselect'],
      ['Enter', 'Open in the editor'],
      ['/', 'Search'],
      ['N', 'New expense'],
      ['Esc', 'Close the editor, then clear the selection'],
    ],
  },
  {
    title: 'Selected or current expenses',
    keys: [
      ['A', 'Approve'],
      ['R', 'Reject, with a reason'],
      ['S', 'Submit for review'],
      ['C', 'Set category'],
      ['Delete', 'Delete (undoable)'],
    ],
  },
  {
    title: 'In the editor',
    keys: [
      ['Mod+S', 'Save'],
      ['Esc', 'Close'],
      ['A / R / S', 'Approve, reject, submit'],
    ],
  },
];

export function HelpDialog() {
  return (
    <Modal title="Keyboard shortcuts" onCancel={() => setHelpOpen(false)} testId="help-dialog" wide>
      <div className="shortcuts">
        {GROUPS.map((g) => (
          <section key={g.title} className="shortcuts__group">
            <h3 className="shortcuts__title">{g.title}</h3>
            <dl className="shortcuts__list">
              {g.keys.map(([keys, what]) => (
                <div key={keys} className="shortcuts__item">
                  <dt>
                    {keys.split(' / ').map((k, i) => (
                      <span key={k}>
                        {i > 0 && <span className="muted"> or </span>}
                        <Kbd keys={k} />
                      </span>
                    ))}
                  </dt>
                  <dd>{what}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <div className="modal__actions">
        <button type="button" className="button button--primary" onClick={() => setHelpOpen(false)} data-autofocus>
          Done
        </button>
      </div>
    </Modal>
  );
}
