import {
  STAFF_ROLES,
  type AdminCounterView,
  type AdminStaffView,
  type CreateStaffRequest,
  type StaffRole,
} from '@lobbyflow/contracts';
import { pick } from '@lobbyflow/ui-kit';
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { sharedStyles } from '../../shared/styles';
import { AdminSection } from '../admin-section';
import { adminStyles } from '../admin.styles';
import { fieldError, otherErrors } from '../field-errors';
import { t } from '../messages';

/** A staff account as the forms edit it: the create request, specialties typed as one line. */
interface StaffDraft {
  username: string;
  displayName: string;
  role: StaffRole;
  counterId: string;
  specialties: string;
  password: string;
}

const STAFF_FIELDS = ['username', 'displayName', 'role', 'counterId', 'specialties', 'password'];

/** Roles that sign in at a counter or desk of their own. */
const AT_A_COUNTER: readonly StaffRole[] = ['teller', 'rm'];

const blankStaff = (): StaffDraft => ({
  username: '',
  displayName: '',
  role: 'teller',
  counterId: '',
  specialties: '',
  password: '',
});

const specialtiesOf = (text: string) =>
  text
    .split(/[,，、\s]+/)
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * Staff and roles (员工): create an account with its first password, change a person's role, counter or
 * specialties, deactivate and reactivate, reset a password. A role change, deactivation or password reset
 * ends the person's sessions at once (the server does it; their screen says why).
 */
@customElement('lf-admin-staff')
export class AdminStaff extends AdminSection {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      tr.inactive td {
        color: var(--lf-ink-soft);
      }
      tr.editor > td {
        background: var(--lf-background);
        padding: 12px;
      }
      .editor-grid {
        display: grid;
        grid-template-columns: repeat(4, minmax(0, 1fr));
        gap: 10px 16px;
        align-items: start;
      }
      .password-reset {
        display: flex;
        gap: 10px;
        align-items: end;
        border-top: 1px dashed var(--lf-line);
        padding-top: 10px;
        margin-top: 10px;
      }
      .password-reset label {
        flex: 0 1 280px;
      }
    `,
  ];

  @state() private people: AdminStaffView[] = [];
  @state() private counters: AdminCounterView[] = [];
  @state() private fresh: StaffDraft = blankStaff();
  /** The person whose row is open for editing, and the row's draft. */
  @state() private editing: { id: string; draft: StaffDraft } | null = null;

  protected async load(): Promise<void> {
    const [people, counters] = await Promise.all([this.api.staff(this.branchId), this.api.counters(this.branchId)]);
    this.people = people;
    this.counters = counters;
  }

  private replace(saved: AdminStaffView): void {
    this.people = this.people.map((person) => (person.id === saved.id ? saved : person));
  }

  private openEditor(person: AdminStaffView): void {
    this.errors.clear();
    this.editing = {
      id: person.id,
      draft: {
        username: person.username,
        displayName: person.displayName,
        role: person.role,
        counterId: person.counterId ?? '',
        specialties: person.specialties.join(', '),
        password: '',
      },
    };
  }

  private async create(event: Event): Promise<void> {
    event.preventDefault();
    const draft = this.fresh;
    const request: CreateStaffRequest = {
      username: draft.username.trim(),
      displayName: draft.displayName.trim(),
      role: draft.role,
      password: draft.password,
      ...(AT_A_COUNTER.includes(draft.role) ? { counterId: draft.counterId || null } : {}),
      ...(draft.role === 'rm' ? { specialties: specialtiesOf(draft.specialties) } : {}),
    };
    const created = await this.submit(
      'create-staff',
      t('createStaff'),
      () => this.api.createStaff(this.branchId, request),
      {
        prefix: 'new',
        describe: (person) => person.username,
      },
    );
    if (created) {
      this.people = [...this.people, created];
      this.fresh = blankStaff();
    }
  }

  private async save(person: AdminStaffView, draft: StaffDraft): Promise<void> {
    const saved = await this.submit(
      `save-${person.id}`,
      t('saveStaff', { who: person.username }),
      () =>
        this.api.updateStaff(this.branchId, person.id, {
          displayName: draft.displayName.trim(),
          role: draft.role,
          ...(AT_A_COUNTER.includes(draft.role) ? { counterId: draft.counterId || null } : {}),
          ...(draft.role === 'rm' ? { specialties: specialtiesOf(draft.specialties) } : {}),
        }),
      { prefix: `row.${person.id}` },
    );
    if (saved) {
      this.replace(saved);
      this.editing = null;
    }
  }

  private async setActive(person: AdminStaffView, active: boolean): Promise<void> {
    const label = active
      ? t('reactivateStaff', { who: person.username })
      : t('deactivateStaff', { who: person.username });
    const saved = await this.submit(
      `active-${person.id}`,
      label,
      () =>
        active
          ? this.api.reactivateStaff(this.branchId, person.id)
          : this.api.deactivateStaff(this.branchId, person.id),
      { prefix: `row.${person.id}` },
    );
    if (saved) this.replace(saved);
  }

  private async resetPassword(person: AdminStaffView, password: string): Promise<void> {
    const done = await this.submit(
      `password-${person.id}`,
      t('resetPasswordOf', { who: person.username }),
      async () => {
        await this.api.resetPassword(this.branchId, person.id, password);
        return true;
      },
      { prefix: `row.${person.id}` },
    );
    if (done && this.editing) this.editing = { ...this.editing, draft: { ...this.editing.draft, password: '' } };
  }

  override render() {
    return this.whenLoaded(
      () =>
        html`<section class="card">
            <header class="section-head"><h2>${t('section-staff')}</h2></header>
            <p class="intro">${t('staffIntro')}</p>
            ${this.statusExcept('create-staff')}
            <table>
              <thead>
                <tr>
                  <th>${t('username')}</th>
                  <th>${t('displayName')}</th>
                  <th>${t('role')}</th>
                  <th>${t('counter')}</th>
                  <th>${t('specialties')}</th>
                  <th>${t('state')}</th>
                  <th></th>
                </tr>
              </thead>
              <tbody>
                ${this.people.map((person) => this.renderPerson(person))}
              </tbody>
            </table>
          </section>
          <section class="card">
            <header class="section-head"><h2>${t('newStaff')}</h2></header>
            <form @submit=${(event: Event) => void this.create(event)} novalidate>
              <div class="editor-grid">
                ${this.textField(t('username'), 'new.username', this.fresh.username, (username) => this.editFresh({ username }))}
                ${this.draftFields('new', this.fresh, (change) => this.editFresh(change))}
                ${this.textField(t('initialPassword'), 'new.password', this.fresh.password, (password) => this.editFresh({ password }), { type: 'password', hint: t('passwordHint') })}
              </div>
              <div class="actions">
                ${this.submitButton('create-staff', t('createStaff'))} ${this.statusOf('create-staff')}
              </div>
              ${otherErrors(this.errors, 'new', STAFF_FIELDS)}
            </form>
          </section>`,
    );
  }

  private editFresh(change: Partial<StaffDraft>): void {
    this.fresh = { ...this.fresh, ...change };
  }

  private renderPerson(person: AdminStaffView) {
    const self = person.id === this.session.user.id;
    const open = this.editing?.id === person.id;
    const activeAction = `active-${person.id}`;
    return html`<tr class="${person.active ? '' : 'inactive'} ${open ? 'selected' : ''}" data-user=${person.username}>
        <td><code>${person.username}</code>${self ? html` <span class="badge">${t('you')}</span>` : nothing}</td>
        <td>${person.displayName}</td>
        <td>${t(`role-${person.role}`)}</td>
        <td>${person.counter ?? '—'}</td>
        <td>${person.specialties.join(', ') || '—'}</td>
        <td>${person.active ? t('active') : html`<span class="badge alert">${t('deactivated')}</span>`}</td>
        <td>
          <div class="row-buttons">
            <button @click=${() => (open ? (this.editing = null) : this.openEditor(person))}>
              ${open ? t('close') : t('edit')}
            </button>
            ${
              person.active
                ? html`<button
                    class="danger"
                    ?disabled=${self || this.actions.isRunning(activeAction)}
                    title=${self ? t('cannotDeactivateSelf') : ''}
                    @click=${() => void this.setActive(person, false)}
                  >
                    ${t('deactivate')}
                  </button>`
                : html`<button
                    ?disabled=${this.actions.isRunning(activeAction)}
                    @click=${() => void this.setActive(person, true)}
                  >
                    ${t('reactivate')}
                  </button>`
            }
          </div>
          ${open ? nothing : otherErrors(this.errors, `row.${person.id}`, [])}
        </td>
      </tr>
      ${open && this.editing ? this.renderEditor(person, this.editing.draft) : nothing}`;
  }

  private renderEditor(person: AdminStaffView, draft: StaffDraft) {
    const at = `row.${person.id}`;
    const change = (patch: Partial<StaffDraft>) => {
      if (this.editing) this.editing = { ...this.editing, draft: { ...this.editing.draft, ...patch } };
    };
    return html`<tr class="editor">
      <td colspan="7">
        <form
          @submit=${(event: Event) => {
            event.preventDefault();
            void this.save(person, draft);
          }}
          novalidate
        >
          <div class="editor-grid">${this.draftFields(at, draft, change)}</div>
          <div class="actions">
            ${this.submitButton(`save-${person.id}`, t('save'))}
            <span class="muted">${t('roleChangeEndsSessions')}</span>
          </div>
          ${otherErrors(this.errors, at, STAFF_FIELDS)}
        </form>
        <form
          class="password-reset"
          @submit=${(event: Event) => {
            event.preventDefault();
            void this.resetPassword(person, draft.password);
          }}
          novalidate
        >
          ${this.textField(t('newPassword'), `${at}.password`, draft.password, (password) => change({ password }), { type: 'password', hint: t('passwordHint') })}
          ${this.submitButton(`password-${person.id}`, t('resetPassword'), 'plain')}
        </form>
      </td>
    </tr>`;
  }

  /** Display name, role, counter (tellers and RMs), specialties (RMs). */
  private draftFields(at: string, draft: StaffDraft, change: (patch: Partial<StaffDraft>) => void) {
    const counterOptions = [
      { value: '', label: t('noCounter') },
      ...this.counters.map((counter) => ({ value: counter.id, label: `${counter.code} · ${pick(counter.name)}` })),
    ];
    return html`${this.textField(t('displayName'), `${at}.displayName`, draft.displayName, (displayName) => change({ displayName }))}
    ${this.selectField(
      t('role'),
      `${at}.role`,
      draft.role,
      STAFF_ROLES.map((role) => ({ value: role, label: t(`role-${role}`) })),
      (role) => change({ role: role as StaffRole }),
    )}
    ${
      AT_A_COUNTER.includes(draft.role)
        ? this.selectField(t('counter'), `${at}.counterId`, draft.counterId, counterOptions, (counterId) =>
            change({ counterId }),
          )
        : html`<div class="field">
            <span class="label">${t('counter')}</span><span class="muted">${t('noCounterForRole')}</span>
          </div>`
    }
    ${
      draft.role === 'rm'
        ? this.textField(
            t('specialties'),
            `${at}.specialties`,
            draft.specialties,
            (specialties) => change({ specialties }),
            { hint: t('specialtiesHint') },
          )
        : nothing
    }
    ${fieldError(this.errors, `${at}.specialties.0`)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-admin-staff': AdminStaff;
  }
}
