import type { IdentificationResult, IdentificationRules, StaffTicketView } from '@lobbyflow/contracts';
import { identify } from '@lobbyflow/domain';

/** Signal codes a ticket's verdict already counts: raised at the kiosk or recorded by staff earlier. */
export function countedSignals(ticket: StaffTicketView): Set<string> {
  return new Set([...ticket.signals, ...(ticket.identification?.reasons ?? []).map((reason) => reason.code)]);
}

/**
 * The verdict to show while staff tick signals: the server's verdict, or — when new signals are ticked —
 * what the branch's rules make of them (libs/domain `identify()`, the same rule the server runs when they
 * are recorded; the server's answer then replaces the preview). An existing VIP stays one: signals never
 * change what the bank's own books say.
 */
export function previewVerdict(
  ticket: StaffTicketView,
  ticked: Iterable<string>,
  rules: IdentificationRules | null,
): { result: IdentificationResult | null; preview: boolean; added: string[] } {
  const server = ticket.identification;
  const counted = countedSignals(ticket);
  const added = [...ticked].filter((code) => !counted.has(code));
  if (!rules || added.length === 0 || server?.classification === 'vip')
    return { result: server, preview: false, added };
  try {
    const signals = [...counted, ...added].map((code) => ({ code }));
    return { result: identify({ signals }, rules), preview: true, added };
  } catch {
    // Rules changed under the screen (a code it no longer knows): show the server's verdict.
    return { result: server, preview: false, added };
  }
}
