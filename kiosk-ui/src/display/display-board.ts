import type { LocalizedText, PublicTicketView } from '@lobbyflow/contracts';
import { fill, type HallEvent, HallApi, LiveHallController } from '@lobbyflow/ui-kit';
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { deviceKey } from '../shared/device-key';
import { Announcer, type AnnouncerSettings, loadSettings, saveSettings } from './announcer';
import { displayBoardStyles } from './display-board.styles';
import { DISPLAY_COPY } from './messages';

type CopyKey = keyof typeof DISPLAY_COPY;

/** Both languages at once, Chinese first: a TV on the wall speaks to everyone in the hall. */
function both(key: CopyKey, values: Record<string, string | number> = {}) {
  return { zh: fill(DISPLAY_COPY[key].zh, values), en: fill(DISPLAY_COPY[key].en, values) };
}

interface Call {
  id: string;
  number: string;
  counter: string;
  counterName: LocalizedText;
  at: string;
}

/** How long a new call stays highlighted as "now calling". */
const FRESH_MS = 12_000;
const RECENT_CALLS = 6;

/**
 * The display board (1920x1080 TV): the ticket being called, large, with its counter; who is still
 * expected at a counter; the last six calls; waiting counts and estimated waits per queue. Calls are
 * read aloud in Mandarin and English, one after the other.
 */
@customElement('lf-display-board')
export class DisplayBoard extends LitElement {
  static override styles = displayBoardStyles;

  @state() private problem: 'needs-key' | null = null;
  @state() private calls: Call[] = [];
  @state() private freshUntil = 0;
  @state() private now = new Date();
  @state() private settingsOpen = false;
  @state() private settings: AnnouncerSettings = loadSettings();

  private live: LiveHallController | null = null;
  private readonly announcer = new Announcer(this.settings);
  private timer?: ReturnType<typeof setInterval>;

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = setInterval(() => (this.now = new Date()), 1000);
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  private async start(): Promise<void> {
    this.announcer.prepare();
    const key = deviceKey();
    if (!key) {
      this.problem = 'needs-key';
      return;
    }
    const me = await new HallApi('', () => key).whoAmI().catch(() => null);
    const branchId = me?.branchId ?? new URLSearchParams(location.search).get('branch') ?? 'demo';
    this.live = new LiveHallController(this, { baseUrl: '', branchId, token: () => key });
    let seeded = false;
    this.live.onChange((hall) => {
      if (seeded) return;
      seeded = true;
      // After a reload the recent calls are the tickets still at a counter, latest first.
      this.calls = hall.nowServing
        .filter((ticket) => ticket.calledAt && ticket.counter)
        .sort((a, b) => (b.calledAt as string).localeCompare(a.calledAt as string))
        .slice(0, RECENT_CALLS)
        .map((ticket) => this.callOf(ticket, ticket.calledAt as string));
    });
    this.live.onEvent((event) => this.onHallEvent(event));
  }

  private onHallEvent(event: HallEvent): void {
    if (event.type !== 'ticket.called' && event.type !== 'ticket.recalled') return;
    const ticket = event.ticket;
    if (!ticket.counter || !ticket.counterName) return;
    const call = this.callOf(ticket, event.at);
    this.calls = [call, ...this.calls.filter((earlier) => earlier.id !== call.id)].slice(0, RECENT_CALLS);
    this.freshUntil = Date.now() + FRESH_MS;
    this.announcer.announce(ticket.number, { code: ticket.counter, name: ticket.counterName });
  }

  private callOf(ticket: PublicTicketView, at: string): Call {
    return {
      id: ticket.id,
      number: ticket.number,
      counter: ticket.counter as string,
      counterName: ticket.counterName as LocalizedText,
      at,
    };
  }

  override render() {
    const hall = this.live?.state;
    return html`
      <header>
        <div class="branch">${hall?.branchName.zh ?? 'LobbyFlow'}<small>${hall?.branchName.en ?? ''}</small></div>
        <div class="tools">
          ${
            this.announcer.soundAllowed
              ? nothing
              : html`<button class="sound" @click=${this.unlockSound}>
                  ${both('enableSound').zh} · ${both('enableSound').en}
                </button>`
          }
          <span class="clock">${this.clock(hall?.timeZone)}</span>
          <button class="gear" title="语音设置 Voice settings" @click=${() => (this.settingsOpen = true)}>⚙</button>
        </div>
      </header>
      ${
        this.problem === 'needs-key'
          ? html`<p class="notice">${both('needsKey').zh}<br />${both('needsKey').en}</p>`
          : this.live?.status === 'refused'
            ? html`<p class="notice">${both('refused').zh}<br />${both('refused').en}</p>`
            : this.renderHall()
      }
      ${
        this.live && (this.live.status === 'offline' || (this.live.status === 'connecting' && !hall))
          ? html`<div class="banner" role="status">${both('offline').zh} ${both('offline').en}</div>`
          : nothing
      }
      ${this.settingsOpen ? this.renderSettings() : nothing}
    `;
  }

  /** The branch's local time (a fixed offset such as +08:00 falls back to the screen's own clock). */
  private clock(timeZone?: string): string {
    const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    try {
      return this.now.toLocaleTimeString('zh-CN', { ...options, timeZone });
    } catch {
      return this.now.toLocaleTimeString('zh-CN', options);
    }
  }

  private renderHall() {
    const hall = this.live?.state;
    if (!hall)
      return html`<main></main>
        <footer></footer>`;
    const latest = this.calls[0];
    const fresh = latest && Date.now() < this.freshUntil;
    const awaiting = hall.nowServing.filter((ticket) => ticket.status === 'called' && ticket.id !== latest?.id);
    return html`
      <main>
        <section aria-live="polite">
          <h2>${DISPLAY_COPY.nowCalling.zh}<span>${DISPLAY_COPY.nowCalling.en}</span></h2>
          <div class="calling ${fresh ? 'fresh' : ''}">
            ${
              latest
                ? html`
                    <div class="number">${latest.number}</div>
                    <div class="arrow">→ ${latest.counterName.zh}</div>
                    <div class="sentence">
                      ${both('pleaseGo', { number: latest.number, counter: latest.counterName.zh }).zh}
                    </div>
                    <div class="sentence-en">
                      ${both('pleaseGo', { number: latest.number, counter: latest.counterName.en }).en}
                    </div>
                  `
                : html`<div class="idle">${both('nobodyCalled').zh}<br />${both('nobodyCalled').en}</div>`
            }
          </div>
          <div class="awaiting">
            ${
              awaiting.length
                ? html`<div class="label">${DISPLAY_COPY.waitingForYou.zh} · ${DISPLAY_COPY.waitingForYou.en}</div>
                    ${awaiting.map(
                      (ticket) =>
                        html`<span class="chip"
                          >${ticket.number}<span class="to">→ ${ticket.counterName?.zh}</span></span
                        >`,
                    )}`
                : nothing
            }
          </div>
        </section>
        <section>
          <h2>${DISPLAY_COPY.recentCalls.zh}<span>${DISPLAY_COPY.recentCalls.en}</span></h2>
          <ol>
            ${this.calls.map(
              (call) =>
                html`<li>
                  <span class="number">${call.number}</span>
                  <span class="where">${call.counterName.zh} · ${call.counterName.en}</span>
                </li>`,
            )}
          </ol>
        </section>
      </main>
      <footer>
        ${hall.queues.map(
          (queue) =>
            html`<div class="queue">
              <div class="name">${queue.name.zh} ${queue.prefix}<small>${queue.name.en}</small></div>
              <div class="figures">
                <strong>${both('waiting', { count: queue.waiting }).zh}</strong>
                <span
                  >·
                  ${queue.waiting ? both('about', { minutes: queue.estimatedWaitMinutes }).zh : both('noWait').zh}</span
                >
                <br /><span>${both('waiting', { count: queue.waiting }).en}</span>
                <span
                  >·
                  ${queue.waiting ? both('about', { minutes: queue.estimatedWaitMinutes }).en : both('noWait').en}</span
                >
              </div>
            </div>`,
        )}
      </footer>
    `;
  }

  private renderSettings() {
    const toggle = (language: 'zh' | 'en', on: boolean) => {
      const languages = on
        ? (['zh', 'en'] as const).filter((code) => code === language || this.settings.languages.includes(code))
        : this.settings.languages.filter((code) => code !== language);
      this.updateSettings({ ...this.settings, languages: [...languages] });
    };
    return html`<dialog open>
      <h2>${DISPLAY_COPY.voiceSettings.zh} · ${DISPLAY_COPY.voiceSettings.en}</h2>
      <div>${DISPLAY_COPY.languages.zh} · ${DISPLAY_COPY.languages.en}</div>
      <label
        ><input
          type="checkbox"
          .checked=${this.settings.languages.includes('zh')}
          @change=${(e: Event) => toggle('zh', (e.target as HTMLInputElement).checked)}
        />
        普通话 Mandarin</label
      >
      <label
        ><input
          type="checkbox"
          .checked=${this.settings.languages.includes('en')}
          @change=${(e: Event) => toggle('en', (e.target as HTMLInputElement).checked)}
        />
        English</label
      >
      <label
        >${DISPLAY_COPY.repeat.zh} · ${DISPLAY_COPY.repeat.en}
        <select
          @change=${(e: Event) => this.updateSettings({ ...this.settings, repeat: Number((e.target as HTMLSelectElement).value) })}
        >
          ${[1, 2, 3].map((count) => html`<option value=${count} ?selected=${count === this.settings.repeat}>${count}</option>`)}
        </select>
      </label>
      <button @click=${() => (this.settingsOpen = false)}>${DISPLAY_COPY.close.zh} · ${DISPLAY_COPY.close.en}</button>
    </dialog>`;
  }

  private updateSettings(settings: AnnouncerSettings): void {
    this.settings = settings;
    saveSettings(settings);
    this.announcer.update(settings);
  }

  private unlockSound = (): void => {
    this.announcer.unlock();
    this.requestUpdate();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-display-board': DisplayBoard;
  }
}
