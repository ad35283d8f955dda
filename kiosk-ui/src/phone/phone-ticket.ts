import type { RatingGrade } from '@lobbyflow/contracts';
import { ApiError, catalogue, LiveTicketController, LocaleController, pick, setLocale } from '@lobbyflow/ui-kit';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { gradeButtons } from '../shared/rating-faces';

const t = catalogue({
  title: { zh: '我的排队号', en: 'My ticket' },
  ahead: { zh: '前面还有 {count} 位', en: '{count} ahead of you' },
  wait: { zh: '预计等候约 {minutes} 分钟', en: 'Estimated wait about {minutes} min' },
  next: { zh: '下一位就是您，请留意叫号', en: "You're next — please watch the display" },
  goTo: { zh: '请到 {counter} 办理', en: 'Please go to {counter}' },
  serving: { zh: '正在为您办理', en: 'You are being served' },
  done: { zh: '业务已办理完毕，感谢光临', en: 'All done — thank you for visiting' },
  noShow: {
    zh: '多次叫号未到，此号已过号，请重新取号',
    en: 'Called several times without answer; please take a new ticket',
  },
  cancelled: { zh: '此号已取消', en: 'This ticket was cancelled' },
  expired: { zh: '此号已过期（营业日已结束）', en: 'This ticket has expired (the business day ended)' },
  parked: { zh: '请稍候，工作人员会请您过去', en: 'Please wait; a staff member will call you over' },
  offline: { zh: '网络连接中断，正在重新连接……', en: 'Connection lost — reconnecting…' },
  notFound: {
    zh: '未找到此排队号，请重新扫描小票上的二维码',
    en: 'Ticket not found; please scan the code on your ticket again',
  },
  loading: { zh: '正在载入……', en: 'Loading…' },
  rate: { zh: '请您为本次服务评价', en: 'How was our service today?' },
  rated: { zh: '感谢您的评价！', en: 'Thank you for your rating!' },
  rateClosed: { zh: '评价时间已过，感谢您的光临', en: 'The time to rate has passed; thank you for visiting' },
  privacy: {
    zh: '本页面只显示您自己的排队号，不会显示其他客户的信息。',
    en: 'This page shows only your own ticket, never anything about other customers.',
  },
});

/**
 * The phone ticket page (`/t/<token>`): live position, estimated wait, "you're next" and "go to counter
 * N" (with vibration where the phone supports it). Works after a reload: the token is in the address.
 */
@customElement('lf-phone-ticket')
export class PhoneTicket extends LitElement {
  static override styles = css`
    :host {
      display: block;
      min-height: 100vh;
      padding: 20px 18px 40px;
      box-sizing: border-box;
      font-family: var(--lf-font);
      color: var(--lf-ink);
      background: var(--lf-background);
      max-width: 520px;
      margin: 0 auto;
    }
    .top {
      display: flex;
      justify-content: space-between;
      align-items: center;
      color: var(--lf-ink-soft);
    }
    .lang {
      border: 1px solid var(--lf-line);
      background: var(--lf-surface);
      border-radius: 999px;
      padding: 6px 14px;
      font-size: 15px;
    }
    .card {
      margin-top: 16px;
      background: var(--lf-surface);
      border-radius: var(--lf-radius);
      box-shadow: var(--lf-shadow);
      padding: 28px 20px;
      text-align: center;
    }
    .number {
      font-family: var(--lf-font-digits);
      font-size: 72px;
      font-weight: 800;
      color: var(--lf-brand-strong);
      letter-spacing: 0.04em;
    }
    .queue {
      color: var(--lf-ink-soft);
      font-size: 18px;
    }
    .status {
      margin-top: 20px;
      font-size: 22px;
      font-weight: 600;
      line-height: 1.5;
    }
    .status.next {
      color: var(--lf-warn);
    }
    .status.go {
      color: #fff;
      background: var(--lf-ok);
      border-radius: 12px;
      padding: 16px;
      font-size: 26px;
    }
    .sub {
      color: var(--lf-ink-soft);
      font-size: 17px;
      margin-top: 6px;
    }
    .banner {
      margin-top: 16px;
      padding: 12px;
      border-radius: 10px;
      background: #fde8ea;
      color: var(--lf-accent);
      text-align: center;
    }
    .rating {
      margin-top: 16px;
      background: var(--lf-surface);
      border-radius: var(--lf-radius);
      box-shadow: var(--lf-shadow);
      padding: 20px 16px;
      text-align: center;
      font-size: 20px;
      font-weight: 600;
    }
    .grades {
      display: grid;
      grid-template-columns: repeat(3, 1fr);
      gap: 10px;
      margin-top: 14px;
    }
    .grade {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 6px;
      padding: 12px 4px;
      border: 2px solid var(--lf-line);
      border-radius: 12px;
      background: var(--lf-surface);
      font: inherit;
      font-size: 16px;
      touch-action: manipulation;
    }
    .grade svg {
      width: 48px;
      height: 48px;
    }
    .satisfied {
      color: var(--lf-ok);
    }
    .basically-satisfied {
      color: var(--lf-brand);
    }
    .dissatisfied {
      color: var(--lf-accent);
    }
    .privacy {
      margin-top: 24px;
      font-size: 13px;
      color: var(--lf-ink-soft);
      text-align: center;
    }
  `;

  private readonly locale = new LocaleController(this);
  /** The answer came too late (the window closed while the page was open). */
  @state() private rateClosed = false;
  /** The request whose closing is scheduled to re-render the page (so the buttons go away on their own). */
  private closingScheduledFor: string | null = null;
  private readonly live = new LiveTicketController(this, {
    baseUrl: '',
    token: decodeURIComponent(location.pathname.split('/').filter(Boolean).at(-1) ?? ''),
  });

  constructor() {
    super();
    this.live.onMoment(() => navigator.vibrate?.([300, 120, 300]));
  }

  override render() {
    const ticket = this.live.ticket;
    const other = this.locale.locale === 'zh' ? 'en' : 'zh';
    return html`
      <div class="top">
        <span>${ticket ? pick(ticket.branch.name) : 'LobbyFlow'} · ${t('title')}</span>
        <button class="lang" @click=${() => setLocale(other)}>${other === 'en' ? 'English' : '中文'}</button>
      </div>
      ${
        this.live.status === 'refused'
          ? html`<div class="card"><div class="status">${t('notFound')}</div></div>`
          : ticket
            ? html`<div class="card">
                <div class="number">${ticket.number}</div>
                <div class="queue">${pick(ticket.queueName)}</div>
                ${this.renderStatus()}
              </div>`
            : html`<div class="card"><div class="sub">${t('loading')}</div></div>`
      }
      ${this.renderRating()}
      ${this.live.status === 'offline' ? html`<div class="banner" role="status">${t('offline')}</div>` : nothing}
      <p class="privacy">${t('privacy')}</p>
    `;
  }

  /** The teller asked for a rating: three faces until the window closes, then thanks. */
  private renderRating() {
    const rating = this.live.ticket?.rating;
    if (!rating) return nothing;
    if (rating.rated) return html`<div class="rating" role="status">${t('rated')}</div>`;
    const left = Date.parse(rating.expiresAt) - Date.now();
    if (this.rateClosed || left <= 0) return nothing;
    if (this.closingScheduledFor !== rating.expiresAt) {
      this.closingScheduledFor = rating.expiresAt;
      setTimeout(() => this.requestUpdate(), left + 100);
    }
    return html`<div class="rating">${t('rate')} ${gradeButtons(t('rate'), (grade) => void this.rate(grade))}</div>`;
  }

  private async rate(grade: RatingGrade): Promise<void> {
    try {
      await this.live.rate(grade);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) this.rateClosed = true;
    }
  }

  private renderStatus() {
    const ticket = this.live.ticket;
    if (!ticket) return nothing;
    switch (ticket.status) {
      case 'waiting':
        return this.live.youAreNext
          ? html`<div class="status next" role="status">${t('next')}</div>`
          : html`<div class="status" role="status">${t('ahead', { count: ticket.ahead })}</div>
              <div class="sub">${t('wait', { minutes: ticket.estimatedWaitMinutes })}</div>`;
      case 'called':
        return html`<div class="status go" role="alert">
          ${t('goTo', { counter: ticket.counterName ? pick(ticket.counterName) : (ticket.counter ?? '') })}
        </div>`;
      case 'serving':
        return html`<div class="status">${t('serving')}</div>`;
      case 'parked':
        return html`<div class="status">${t('parked')}</div>`;
      case 'done':
        return html`<div class="status">${t('done')}</div>`;
      case 'no-show':
        return html`<div class="status">${t('noShow')}</div>`;
      case 'cancelled':
        return html`<div class="status">${t('cancelled')}</div>`;
      case 'expired':
        return html`<div class="status">${t('expired')}</div>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-phone-ticket': PhoneTicket;
  }
}
