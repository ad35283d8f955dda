import {
  type AdminCounterView,
  DEVICE_KINDS,
  type DeviceKind,
  type DeviceRegistered,
  type DeviceView,
} from '@lobbyflow/contracts';
import { pick } from '@lobbyflow/ui-kit';
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { sharedStyles } from '../../shared/styles';
import { actionStatus } from '../../shared/templates';
import { AdminSection } from '../admin-section';
import { adminStyles } from '../admin.styles';
import { otherErrors } from '../field-errors';
import { branchDateTime } from '../format';
import { t } from '../messages';

/** Where each kind of device opens its screen with the key. */
const KEY_USE = { kiosk: 'keyUseKiosk', display: 'keyUseDisplay', 'rating-pad': 'keyUsePad' } as const;

/**
 * Kiosks, display boards and counter rating pads (设备): register one (a pad on its counter) — its key is shown here once, with a copy button, because
 * the server keeps only a hash —, see which are registered, revoke a key at once.
 */
@customElement('lf-admin-devices')
export class AdminDevices extends AdminSection {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      .new-device {
        display: grid;
        grid-template-columns: 200px minmax(0, 360px) max-content;
        gap: 12px;
        align-items: end;
      }
      .key-once {
        border: 2px solid var(--lf-warn);
        background: var(--lf-warn-soft);
        border-radius: var(--lf-radius);
        padding: 14px 16px;
        display: grid;
        gap: 10px;
      }
      .key-once strong {
        color: var(--lf-warn);
      }
      .key-line {
        display: flex;
        gap: 10px;
        align-items: center;
      }
      .key-line output {
        flex: 1;
        font-family: var(--lf-font-digits);
        font-size: 15px;
        background: var(--lf-surface);
        border: 1px solid var(--lf-line);
        border-radius: 8px;
        padding: 8px 10px;
        word-break: break-all;
        user-select: all;
      }
      tr.revoked td {
        color: var(--lf-ink-soft);
        text-decoration: line-through;
      }
      tr.revoked td:last-child {
        text-decoration: none;
      }
    `,
  ];

  @state() private devices: DeviceView[] = [];
  @state() private kind: DeviceKind = 'kiosk';
  @state() private name = '';
  /** The counter a rating pad stands on (its code). */
  @state() private counter = '';
  @state() private counters: AdminCounterView[] = [];
  /** The device just registered, with its key: shown until the admin puts it away, never again. */
  @state() private registered: DeviceRegistered | null = null;
  /** Whether the key went to the clipboard, or was selected for the admin to copy by hand. */
  @state() private copied: 'no' | 'copied' | 'by-hand' = 'no';
  @state() private confirmingRevoke: string | null = null;

  @state() private timeZone: string | undefined;

  protected async load(): Promise<void> {
    const [devices, settings, counters] = await Promise.all([
      this.api.devices(this.branchId),
      this.api.adminSettings(this.branchId),
      this.api.counters(this.branchId),
    ]);
    this.devices = devices;
    this.counters = counters;
    this.timeZone = settings.timeZone;
  }

  private async register(event: Event): Promise<void> {
    event.preventDefault();
    const name = this.name.trim();
    const device = await this.submit(
      'register-device',
      t('registerDevice'),
      () =>
        this.api.registerDevice(this.branchId, this.kind, name, this.kind === 'rating-pad' ? this.counter : undefined),
      {
        describe: (registered) => registered.name,
      },
    );
    if (!device) return;
    this.registered = device;
    this.copied = 'no';
    this.name = '';
    this.devices = await this.api.devices(this.branchId).catch(() => this.devices);
  }

  private async copyKey(key: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(key);
      this.copied = 'copied';
    } catch {
      // Without clipboard access (plain http away from localhost) the key is selected for Ctrl+C instead.
      const output = this.renderRoot.querySelector('.key-line output');
      if (output) getSelection()?.selectAllChildren(output);
      this.copied = 'by-hand';
    }
  }

  private async revoke(device: DeviceView): Promise<void> {
    if (this.confirmingRevoke !== device.id) {
      this.confirmingRevoke = device.id;
      return;
    }
    this.confirmingRevoke = null;
    const done = await this.submit(`revoke-${device.id}`, t('revokeDevice', { name: device.name }), async () => {
      await this.api.revokeDevice(this.branchId, device.id);
      return true;
    });
    if (done) this.devices = await this.api.devices(this.branchId).catch(() => this.devices);
  }

  override render() {
    return this.whenLoaded(
      () =>
        html`<section class="card">
          <header class="section-head"><h2>${t('section-devices')}</h2></header>
          <p class="intro">${t('devicesIntro')}</p>
          ${this.registered ? this.renderKey(this.registered) : nothing}
          <form class="new-device" @submit=${(event: Event) => void this.register(event)} novalidate>
            ${this.selectField(
              t('deviceKind'),
              'kind',
              this.kind,
              DEVICE_KINDS.map((kind) => ({ value: kind, label: t(`deviceKind-${kind}`) })),
              (kind) => (this.kind = kind as DeviceKind),
            )}
            ${
              this.kind === 'rating-pad'
                ? this.selectField(
                    t('padCounter'),
                    'counter',
                    this.counter,
                    [
                      { value: '', label: '—' },
                      ...this.counters.map((counter) => ({ value: counter.code, label: pick(counter.name) })),
                    ],
                    (counter) => (this.counter = counter),
                  )
                : nothing
            }
            ${this.textField(t('deviceName'), 'name', this.name, (name) => (this.name = name), { placeholder: t('deviceNamePlaceholder') })}
            ${this.submitButton('register-device', t('registerDevice'))}
          </form>
          ${otherErrors(this.errors, '', ['kind', 'name', 'counter'])} ${actionStatus(this.actions)}
          <table>
            <thead>
              <tr>
                <th>${t('deviceName')}</th>
                <th>${t('deviceKind')}</th>
                <th>${t('keyStartsWith')}</th>
                <th>${t('registeredAt')}</th>
                <th>${t('state')}</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              ${this.devices.map((device) => this.renderDevice(device))}
            </tbody>
          </table>
        </section>`,
    );
  }

  private renderKey(device: DeviceRegistered) {
    return html`<div class="key-once" role="alert">
      <strong>${t('keyShownOnce', { name: device.name })}</strong>
      <div class="key-line">
        <output aria-label=${t('deviceKey')} tabindex="0">${device.key}</output>
        <button class="primary" @click=${() => void this.copyKey(device.key)}>
          ${this.copied === 'copied' ? t('copied') : t('copyKey')}
        </button>
      </div>
      ${this.copied === 'by-hand' ? html`<span>${t('copyByHand')}</span>` : nothing}
      <span>${t(KEY_USE[device.kind])}</span>
      <div class="actions">
        <button @click=${() => (this.registered = null)}>${t('keyStored')}</button>
      </div>
    </div>`;
  }

  private renderDevice(device: DeviceView) {
    const revoking = this.confirmingRevoke === device.id;
    return html`<tr class=${device.revokedAt ? 'revoked' : ''} data-device=${device.name}>
      <td>${device.name}</td>
      <td>${t(`deviceKind-${device.kind}`)}${device.counter ? ` · ${device.counter}` : ''}</td>
      <td><code>${device.keyPrefix}…</code></td>
      <td>${this.dateTime(device.createdAt)}</td>
      <td>${device.revokedAt ? t('revokedAt', { at: this.dateTime(device.revokedAt) }) : t('active')}</td>
      <td>
        <div class="row-buttons">
          ${
            device.revokedAt
              ? nothing
              : html`<button
                  class="danger ${revoking ? 'solid' : ''}"
                  ?disabled=${this.actions.isRunning(`revoke-${device.id}`)}
                  @click=${() => void this.revoke(device)}
                >
                  ${revoking ? t('confirmRevoke') : t('revoke')}
                </button>`
          }
        </div>
      </td>
    </tr>`;
  }

  private dateTime(iso: string): string {
    return branchDateTime(iso, this.timeZone);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-admin-devices': AdminDevices;
  }
}
