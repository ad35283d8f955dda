import { matchRm, type RmCandidate } from './rm-matching';

const rm = (id: string, specialties: string[], available = true, load = 0): RmCandidate => ({
  id,
  specialties,
  available,
  load,
});

describe('matchRm', () => {
  const zhou = rm('rm1', ['retirees', 'insurance']);
  const wu = rm('rm2', ['business-owners', 'funds', 'fx']);

  it("calls the customer's own RM when they are free", () => {
    expect(matchRm([zhou, wu], { ownRmId: 'rm1', needs: ['fx'] })).toEqual({ rmId: 'rm1', reason: 'own-rm' });
  });

  it('passes a busy own RM over for a free specialist', () => {
    const busy = { ...zhou, available: false };
    expect(matchRm([busy, wu], { ownRmId: 'rm1', needs: ['fx'] })).toEqual({ rmId: 'rm2', reason: 'specialty' });
  });

  it('picks the RM matching the most needs, ties to the lighter load', () => {
    expect(matchRm([zhou, wu], { needs: ['funds', 'fx', 'retirees'] })).toEqual({ rmId: 'rm2', reason: 'specialty' });
    const a = rm('a', ['funds'], true, 3);
    const b = rm('b', ['funds'], true, 1);
    expect(matchRm([a, b], { needs: ['funds'] })).toEqual({ rmId: 'b', reason: 'specialty' });
  });

  it('falls back to the least-loaded free RM when no specialty matches', () => {
    expect(matchRm([rm('a', [], true, 2), rm('b', [], true, 0)], { needs: ['gold'] })).toEqual({
      rmId: 'b',
      reason: 'least-loaded',
    });
  });

  it('still names an RM when nobody is free: the own RM first, else the lightest load', () => {
    const busy = [rm('a', [], false, 2), rm('b', [], false, 1)];
    expect(matchRm(busy, { ownRmId: 'a', needs: [] })).toEqual({ rmId: 'a', reason: 'nobody-free' });
    expect(matchRm(busy, { needs: [] })).toEqual({ rmId: 'b', reason: 'nobody-free' });
  });

  it('skips RMs who declined or did not answer, and answers null with nobody left', () => {
    expect(matchRm([zhou, wu], { needs: ['fx'] }, ['rm2'])).toEqual({ rmId: 'rm1', reason: 'least-loaded' });
    expect(matchRm([zhou], { needs: [] }, ['rm1'])).toBeNull();
    expect(matchRm([], { needs: [] })).toBeNull();
  });
});
