import type { LocalizedText } from '@lobbyflow/contracts';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The UIs speak Simplified Chinese (default) and English. */
export type Locale = 'zh' | 'en';

const STORAGE_KEY = 'lobbyflow.locale';
const listeners = new Set<() => void>();
let current: Locale = readStoredLocale();

function readStoredLocale(): Locale {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function getLocale(): Locale {
  return current;
}

/** Switches every screen on this page (and remembers the choice on this device). */
export function setLocale(locale: Locale): void {
  if (locale === current) return;
  current = locale;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // A kiosk in private mode still switches, it just forgets at reload.
  }
  if (globalThis.document) globalThis.document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  listeners.forEach((listener) => listener());
}

/** Picks the text of the current locale from server copy (`{zh, en}`). */
export function pick(text: LocalizedText): string {
  return text[current];
}

/**
 * A screen's message catalogue: `t('key')` in the current locale, with `{name}` placeholders.
 * Both languages are required for every key, so a missing translation is a type error.
 */
export function catalogue<K extends string>(messages: Record<K, LocalizedText>) {
  return (key: K, values: Record<string, string | number> = {}): string => fill(messages[key][current], values);
}

/** Puts `values` into a message's `{name}` placeholders (an unknown name stays visible). */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/** Re-renders its host when the locale changes. */
export class LocaleController implements ReactiveController {
  private readonly update = () => this.host.requestUpdate();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get locale(): Locale {
    return current;
  }

  hostConnected(): void {
    listeners.add(this.update);
  }

  hostDisconnected(): void {
    listeners.delete(this.update);
  }
}
