import { domainErrorOf } from '../testing/domain-error-of';
import {
  assertStaffChangeAllowed,
  type StaffAccount,
  type StaffMemberConfig,
  validatePassword,
  validateStaffMember,
} from './staff-accounts';

const teller: StaffMemberConfig = {
  username: 'teller7',
  displayName: '孙柜员',
  role: 'teller',
  counterId: 'c-7',
  specialties: [],
};

describe('staff accounts', () => {
  describe('validateStaffMember', () => {
    it('accepts a teller at a counter and an RM with specialties', () => {
      expect(validateStaffMember(teller)).toEqual([]);
      expect(validateStaffMember({ ...teller, role: 'rm', specialties: ['funds', 'retirees'] })).toEqual([]);
    });

    it('gives a counter only to tellers and RMs (signing in takes its seat)', () => {
      expect(validateStaffMember({ ...teller, role: 'lobby-manager' })).toEqual([
        { path: 'counterId', message: 'only teller and rm accounts work at a counter' },
      ]);
      expect(validateStaffMember({ ...teller, role: 'admin', counterId: null })).toEqual([]);
    });

    it('gives specialties only to RMs, as codes, each once', () => {
      expect(validateStaffMember({ ...teller, specialties: ['fx'] })).toEqual([
        { path: 'specialties', message: 'only relationship managers have specialties' },
      ]);
      expect(validateStaffMember({ ...teller, role: 'rm', specialties: ['FX funds', 'fx', 'fx'] })).toEqual([
        { path: 'specialties[0]', message: 'must be a lower-case code such as "funds"' },
        { path: 'specialties[2]', message: '"fx" is listed twice' },
      ]);
    });

    it('names a bad login name, an empty display name and an unknown role', () => {
      const problems = validateStaffMember({
        ...teller,
        username: 'Teller 7',
        displayName: ' ',
        role: 'boss' as never,
        counterId: null,
      });
      expect(problems.map((problem) => problem.path)).toEqual(['username', 'displayName', 'role']);
    });
  });

  it('wants passwords of 8 to 128 characters and never repeats them', () => {
    expect(validatePassword('correct horse')).toEqual([]);
    expect(validatePassword('short')).toEqual([{ path: 'password', message: 'must be 8 to 128 characters' }]);
    expect(validatePassword('        ')).toHaveLength(1);
    expect(validatePassword('x'.repeat(129))).toHaveLength(1);
    expect(JSON.stringify(validatePassword('hunter2'))).not.toContain('hunter2');
  });

  describe('assertStaffChangeAllowed', () => {
    const head: StaffAccount = { id: 'head', role: 'admin', active: true };
    const deputy: StaffAccount = { id: 'deputy', role: 'admin', active: true };
    const clerk: StaffAccount = { id: 'clerk', role: 'teller', active: true };

    it('lets an admin deactivate or promote anyone else', () => {
      expect(() =>
        assertStaffChangeAllowed('head', clerk, { role: 'teller', active: false }, [head, clerk]),
      ).not.toThrow();
      expect(() =>
        assertStaffChangeAllowed('head', deputy, { role: 'admin', active: false }, [head, deputy]),
      ).not.toThrow();
      expect(() =>
        assertStaffChangeAllowed('head', clerk, { role: 'admin', active: true }, [head, clerk]),
      ).not.toThrow();
    });

    it('refuses deactivating your own account', () => {
      const error = domainErrorOf(() =>
        assertStaffChangeAllowed('head', head, { role: 'admin', active: false }, [head, deputy]),
      );
      expect(error.code).toBe('CANNOT_DEACTIVATE_SELF');
      expect(error.details).toEqual({
        problems: [{ path: 'active', message: 'you cannot deactivate your own account' }],
      });
    });

    it('refuses taking the admin role from the last active admin, yourself included', () => {
      const error = domainErrorOf(() =>
        assertStaffChangeAllowed('head', head, { role: 'teller', active: true }, [head, clerk]),
      );
      expect(error.code).toBe('LAST_ADMIN');
      expect(error.details).toEqual({
        problems: [{ path: 'role', message: 'the branch needs at least one active admin' }],
      });
      const inactiveDeputy = { ...deputy, active: false };
      expect(
        domainErrorOf(() =>
          assertStaffChangeAllowed('head', head, { role: 'rm', active: true }, [head, inactiveDeputy]),
        ).code,
      ).toBe('LAST_ADMIN');
      // With a second active admin, the head may hand the role over.
      expect(() =>
        assertStaffChangeAllowed('head', head, { role: 'lobby-manager', active: true }, [head, deputy]),
      ).not.toThrow();
    });
  });
});
