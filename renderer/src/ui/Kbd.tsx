import { modKeyLabel } from '../lib/keyboard';

/** A key as printed on the keyboard; "Mod" becomes ⌘ on a Mac and Ctrl elsewhere. */
export function Kbd({ keys }: { keys: string }) {
  return (
    <span className="kbd-group">
      {keys.split('+').map((k) => (
        <kbd key={k} className="kbd">
          {k === 'Mod' ? modKeyLabel : k}
        </kbd>
      ))}
    </span>
  );
}
