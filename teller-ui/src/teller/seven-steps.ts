import type { StaffTicketView } from '@lobbyflow/contracts';
import type { MessageKey } from '../shared/messages';

/** The teller's seven steps (柜员服务七步曲, domain.md §5), numbered 1 to 7. */
export type StepNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const STEPS: { step: StepNumber; name: MessageKey; hint: MessageKey }[] = [
  { step: 1, name: 'step1', hint: 'hint1' },
  { step: 2, name: 'step2', hint: 'hint2' },
  { step: 3, name: 'step3', hint: 'hint3' },
  { step: 4, name: 'step4', hint: 'hint4' },
  { step: 5, name: 'step5', hint: 'hint5' },
  { step: 6, name: 'step6', hint: 'hint6' },
  { step: 7, name: 'step7', hint: 'hint7' },
];

/** Where the counter is in the seven steps: what the screen highlights and whose hints it shows. */
export interface StepsInput {
  /** The ticket called or served at this counter, if any. */
  current: StaffTicketView | null;
  /** The teller is finishing (choosing the business done). */
  finishing: boolean;
  /** The number just finished, until the next call (step 7, see the customer off). */
  justFinished: string | null;
}

export function activeSteps({ current, finishing, justFinished }: StepsInput): StepNumber[] {
  if (!current) return justFinished ? [7] : [1];
  if (current.status === 'called') return [1, 2];
  if (finishing) return [5, 6];
  return [3, 4];
}
