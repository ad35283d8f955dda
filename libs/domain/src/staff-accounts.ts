import { STAFF_ROLES, type RuleProblem, type StaffRole } from '@lobbyflow/contracts';
import { DomainError } from './errors';

/** Login names: lower-case letters, digits, dots, dashes and underscores. */
export const USERNAME = /^[a-z0-9._-]{1,64}$/;
/** An RM's specialty: a customer segment or product family (`retirees`, `funds`, `fx`). */
export const SPECIALTY = /^[a-z0-9-]{1,32}$/;
/** Roles that work at a counter or desk; the others sign in without one. */
export const COUNTER_ROLES: readonly StaffRole[] = ['teller', 'rm'];

/** A staff account as an admin configures it. */
export interface StaffMemberConfig {
  username: string;
  displayName: string;
  role: StaffRole;
  /** The counter or desk this person normally works at, if any. */
  counterId: string | null;
  specialties: string[];
}

/**
 * A staff account on its own: a counter only for tellers and RMs (signing in takes that counter's seat),
 * specialties only for RMs (call-overs are matched on them).
 */
export function validateStaffMember(member: StaffMemberConfig): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const check = (ok: unknown, path: string, message: string) => {
    if (!ok) problems.push({ path, message });
  };
  check(USERNAME.test(member.username ?? ''), 'username', 'must be a lower-case login name (a-z, 0-9, . _ -)');
  check(
    typeof member.displayName === 'string' && member.displayName.trim().length > 0 && member.displayName.length <= 128,
    'displayName',
    'must be a name of 1 to 128 characters',
  );
  check((STAFF_ROLES as readonly string[]).includes(member.role), 'role', `must be one of ${STAFF_ROLES.join(', ')}`);
  check(
    member.counterId === null || COUNTER_ROLES.includes(member.role),
    'counterId',
    `only ${COUNTER_ROLES.join(' and ')} accounts work at a counter`,
  );
  const specialties = member.specialties ?? [];
  check(specialties.length === 0 || member.role === 'rm', 'specialties', 'only relationship managers have specialties');
  check(specialties.length <= 20, 'specialties', 'at most 20 specialties');
  specialties.forEach((specialty, index) => {
    check(SPECIALTY.test(specialty), `specialties[${index}]`, 'must be a lower-case code such as "funds"');
    check(specialties.indexOf(specialty) === index, `specialties[${index}]`, `"${specialty}" is listed twice`);
  });
  return problems;
}

/** An initial or reset password; the message never repeats it. */
export function validatePassword(password: string): RuleProblem[] {
  const ok = typeof password === 'string' && password.trim().length >= 8 && password.length <= 128;
  return ok ? [] : [{ path: 'password', message: 'must be 8 to 128 characters' }];
}

/** What the admin rules need to know about an account. */
export interface StaffAccount {
  id: string;
  role: StaffRole;
  active: boolean;
}

/**
 * Refuses an account change that would lock the branch out of its own configuration: nobody deactivates
 * their own account, and the last active admin can neither be deactivated nor lose the admin role.
 * `branchStaff` is every account of the branch as it is before the change.
 */
export function assertStaffChangeAllowed(
  actorId: string,
  target: StaffAccount,
  next: Pick<StaffAccount, 'role' | 'active'>,
  branchStaff: readonly StaffAccount[],
): void {
  if (target.id === actorId && target.active && !next.active) {
    throw new DomainError('CANNOT_DEACTIVATE_SELF', 'You cannot deactivate your own account; ask another admin.', {
      problems: [{ path: 'active', message: 'you cannot deactivate your own account' }],
    });
  }
  const wasAdmin = target.active && target.role === 'admin';
  const staysAdmin = next.active && next.role === 'admin';
  const otherAdmins = branchStaff.filter(
    (account) => account.id !== target.id && account.active && account.role === 'admin',
  );
  if (wasAdmin && !staysAdmin && otherAdmins.length === 0) {
    const path = next.active ? 'role' : 'active';
    throw new DomainError(
      'LAST_ADMIN',
      "This is the branch's last admin: make someone else an admin first, or nobody could configure the branch.",
      { problems: [{ path, message: 'the branch needs at least one active admin' }] },
    );
  }
}
