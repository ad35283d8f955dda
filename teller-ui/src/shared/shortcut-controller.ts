import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** One keyboard shortcut: `code` is a KeyboardEvent.code ("F1", "KeyT", "Digit2", "Enter", "Escape"). */
export interface Shortcut {
  code: string;
  alt?: boolean;
  /** Whether the shortcut does anything now (a disabled button's key does nothing either). */
  enabled: boolean;
  run: () => void;
}

/** Keys that act even while the cursor is in a text field: function keys, Alt combinations, Escape. */
const actsInFields = (event: KeyboardEvent) => /^F\d+$/.test(event.code) || event.altKey || event.code === 'Escape';

const NOT_TYPED_INTO = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);

/** Whether a key press types into a field (digits and Enter belong to the field then, not to shortcuts). */
function inTextField(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !NOT_TYPED_INTO.has(target.type);
  return target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/** Whether an element sits in an inert subtree, looking through the shadow roots it is nested in. */
function insideInert(element: Element): boolean {
  for (let node: Element | null = element; node;) {
    if (node.closest('[inert]')) return true;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return false;
}

/**
 * The keyboard-first counter: listens on the window while its host is connected and runs the shortcut
 * the current screen offers (the list is read at each key press, so a dialog can offer its own keys).
 * A key held down fires once; the browser's own meaning of a claimed key (F1 help, F3 find) is suppressed.
 */
export class ShortcutController implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly shortcuts: () => Shortcut[],
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('keydown', this.onKey);
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.onKey);
  }

  private readonly onKey = (event: KeyboardEvent): void => {
    // A screen made inert (the sign-in shown over it) takes no keys.
    if (insideInert(this.host)) return;
    const shortcut = this.shortcuts().find(
      (candidate) => candidate.code === event.code && !!candidate.alt === event.altKey,
    );
    if (!shortcut) return;
    if (inTextField(event) && !actsInFields(event)) return;
    event.preventDefault();
    if (event.repeat || !shortcut.enabled) return;
    shortcut.run();
  };
}

/** How a shortcut is printed on its button: "F1", "Alt+T", "Enter". */
export function keyLabel(shortcut: Pick<Shortcut, 'code' | 'alt'>): string {
  const key = shortcut.code.replace(/^Key|^Digit/, '');
  return shortcut.alt ? `Alt+${key}` : key;
}
