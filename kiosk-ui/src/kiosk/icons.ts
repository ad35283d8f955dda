import { svg } from 'lit';

/** Simple line icons for the business groups (drawn for LobbyFlow; no icon font needed on a kiosk). */
export const ICONS: Record<string, ReturnType<typeof svg>> = {
  cash: svg`<rect x="6" y="16" width="52" height="32" rx="4"/><circle cx="32" cy="32" r="8"/><path d="M14 24v16M50 24v16"/>`,
  bill: svg`<path d="M16 6h32v52l-6-4-6 4-6-4-6 4-6-4-2 1.5z"/><path d="M24 20h16M24 30h16M24 40h10"/>`,
  transfer: svg`<path d="M10 22h40l-8-8M54 42H14l8 8"/>`,
  'non-cash': svg`<rect x="6" y="14" width="52" height="36" rx="5"/><path d="M6 24h52M14 40h14"/>`,
  wealth: svg`<path d="M8 52h48M14 52V36M26 52V26M38 52V32M50 52V16"/><path d="M12 28l14-12 12 8 16-14"/>`,
  corporate: svg`<path d="M10 56V14l22-8v50M32 56V22h22v34M18 20h6M18 30h6M18 40h6M40 30h6M40 40h6"/>`,
  other: svg`<circle cx="32" cy="32" r="24"/><path d="M25 26a7 7 0 1 1 10 6c-2 1-3 3-3 5M32 44v2"/>`,
};

export function icon(name: string) {
  return svg`<svg viewBox="0 0 64 64" width="64" height="64" fill="none" stroke="currentColor" stroke-width="3.2"
    stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">${ICONS[name] ?? ICONS.other}</svg>`;
}
