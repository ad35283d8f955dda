import { REFERRAL_STATUSES } from '@lobbyflow/contracts';
import { assertReferralCan, canReferralDo, REFERRAL_TRANSITIONS, type ReferralAction } from './referral-lifecycle';
import { domainErrorOf } from '../testing/domain-error-of';

describe('referral lifecycle', () => {
  const allowed: Record<ReferralAction, string[]> = {
    accept: ['alerted', 'deferred'],
    defer: ['alerted', 'deferred'],
    'pass-on': ['alerted', 'deferred'],
    meet: ['accepted', 'deferred', 'follow-up'],
    outcome: ['met'],
    contact: ['follow-up', 'converted'],
  };

  for (const [action, from] of Object.entries(allowed) as [ReferralAction, string[]][]) {
    for (const status of REFERRAL_STATUSES) {
      const can = from.includes(status);
      it(`${can ? 'allows' : 'refuses'} ${action} from ${status}`, () => {
        expect(canReferralDo(status, action)).toBe(can);
        if (can) expect(() => assertReferralCan(status, action)).not.toThrow();
        else
          expect(domainErrorOf(() => assertReferralCan(status, action))).toMatchObject({
            code: 'ILLEGAL_TRANSITION',
            message: expect.stringContaining(`This referral is ${status}`),
          });
      });
    }
  }

  it('leads only to known statuses, and a declined referral is final', () => {
    for (const { to } of Object.values(REFERRAL_TRANSITIONS)) {
      for (const status of to) expect(REFERRAL_STATUSES).toContain(status);
    }
    expect(Object.values(REFERRAL_TRANSITIONS).some(({ from }) => from.includes('declined'))).toBe(false);
  });
});
