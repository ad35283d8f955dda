import type { ReferralStatus, ReferralView } from '@lobbyflow/contracts';
import type { HallEvent, LiveHallController, StaffApi } from '@lobbyflow/ui-kit';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Referrals that still need the RM today: a call-over to answer, a customer to go to, a meeting on. */
const OPEN: readonly ReferralStatus[] = ['alerted', 'deferred', 'accepted', 'met'];
/** Referrals the RM keeps contacting after the visit (GET /api/follow-ups lists these). */
const FOLLOWING: readonly ReferralStatus[] = ['follow-up', 'converted'];
/** Call-overs the RM has not gone to yet: these can pass to another RM (a decline, or no answer in time). */
const PASSABLE: readonly ReferralStatus[] = ['alerted', 'deferred'];

/** How long to gather referral changes of other RMs before reading this RM's list again. */
const RELOAD_DEBOUNCE_MS = 400;

/**
 * A call-over that left this RM's desk: passed on to another RM (declined by this RM, or not answered in
 * time), or returned to the lobby manager because no other RM could take it.
 */
export interface PassedOnNotice {
  id: string;
  kind: 'passed-on' | 'returned';
  /** The ticket number, or the walk-in's description. */
  who: string;
  /** The RM who has it now, when known (after this RM's own decline). */
  to: string | null;
}

/**
 * The RM's desk: their open call-overs and their follow-ups, kept live. It reads `GET /api/referrals` and
 * `GET /api/follow-ups` whenever the hall goes live (first load, every reconnect), and then follows the
 * referral events of the live hall: the server sends a referral in full only to the RM it addresses, so
 * a call-over for this RM arrives whole (`onCallover` rings), while a change to another RM's referral
 * arrives as an envelope. An envelope while this RM holds an unanswered call-over may mean it was passed
 * on (no answer in time): the lists are read again, and a call-over that is gone leaves a notice.
 */
export class RmDeskController implements ReactiveController {
  callovers: ReferralView[] = [];
  followUps: ReferralView[] = [];
  notices: PassedOnNotice[] = [];
  /** The referral whose outcome or latest contact was just recorded (the screen confirms its next day). */
  recorded: ReferralView | null = null;
  /** Set when the lists could not be read (the screen says so; the next reconnect tries again). */
  loadFailed = false;

  private unsubscribe: (() => void) | null = null;
  private wasLive = false;
  /** While the lists are being read: the referrals changed since the read began. */
  private changedDuringReload: Set<string> | null = null;
  private reloadTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: StaffApi,
    private readonly live: LiveHallController,
    /** The signed-in RM's id: referrals addressed to somebody else are not theirs to hold. */
    private readonly me: string,
    /** A call-over for this RM that was not waiting for them before (the screen chimes). */
    private readonly onCallover: (referral: ReferralView) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.unsubscribe ??= this.live.onEvent((event) => this.receive(event));
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.wasLive = false;
    clearTimeout(this.reloadTimer);
  }

  hostUpdated(): void {
    // The desk has no log of its own: read it whenever the hall is live again (first load, reconnect).
    const live = this.live.status === 'live';
    if (live && !this.wasLive) void this.reload();
    this.wasLive = live;
  }

  /**
   * The referral as the server now has it, from the answer to this screen's command or from its live event
   * (whichever comes first; the second changes nothing).
   */
  apply(referral: ReferralView): void {
    this.changedDuringReload?.add(referral.id);
    if (referral.rm.id !== this.me) {
      // Declined by this RM and passed to the next one: it leaves this desk.
      this.dropPassedOn(referral.id, 'passed-on', referral.rm.displayName);
    } else if (referral.status === 'declined') {
      // Declined, and no other RM was left to take it: the lobby manager arranges it.
      this.dropPassedOn(referral.id, 'returned', null);
    } else {
      this.upsert(referral);
    }
  }

  dismissRecorded(): void {
    this.recorded = null;
    this.host.requestUpdate();
  }

  dismissNotice(id: string): void {
    this.notices = this.notices.filter((notice) => notice.id !== id);
    this.host.requestUpdate();
  }

  /**
   * Reads both lists again; a call-over this RM held that is no longer theirs was passed on. A referral
   * that a live event or a command's answer changed while the lists were being read is newer than the
   * read, and is kept as it is.
   */
  async reload(): Promise<void> {
    const changedMeanwhile = new Set<string>();
    this.changedDuringReload = changedMeanwhile;
    try {
      const [referrals, followUps] = await Promise.all([this.api.referrals(), this.api.followUps()]);
      // A later reload started meanwhile: its answer is the newer one.
      if (this.changedDuringReload !== changedMeanwhile) return;
      const read = (list: ReferralView[]) => list.filter((referral) => !changedMeanwhile.has(referral.id));
      const kept = (list: ReferralView[]) => list.filter((referral) => changedMeanwhile.has(referral.id));
      const mine = new Map(referrals.map((referral) => [referral.id, referral]));
      for (const held of read(this.callovers)) {
        if (!PASSABLE.includes(held.status)) continue;
        const now = mine.get(held.id);
        if (!now) this.dropPassedOn(held.id, 'passed-on', null);
        else if (now.status === 'declined') this.dropPassedOn(held.id, 'returned', null);
      }
      const ringing = new Set(this.callovers.filter((referral) => referral.status === 'alerted').map((r) => r.id));
      this.callovers = sortCallovers([
        ...read(referrals).filter((referral) => OPEN.includes(referral.status)),
        ...kept(this.callovers),
      ]);
      this.followUps = sortFollowUps([...read(followUps), ...kept(this.followUps)]);
      this.loadFailed = false;
      for (const referral of this.callovers) {
        if (referral.status === 'alerted' && !ringing.has(referral.id)) this.onCallover(referral);
      }
    } catch {
      this.loadFailed = true;
    } finally {
      if (this.changedDuringReload === changedMeanwhile) this.changedDuringReload = null;
    }
    this.host.requestUpdate();
  }

  private receive(event: HallEvent): void {
    if (event.type !== 'rm.callover' && event.type !== 'referral.updated') return;
    if ('referral' in event && event.referral.rm.id === this.me) {
      this.apply(event.referral);
      return;
    }
    // Another RM's referral, as an envelope: perhaps one of this RM's unanswered call-overs moving on.
    if (this.callovers.some((referral) => PASSABLE.includes(referral.status))) {
      clearTimeout(this.reloadTimer);
      this.reloadTimer = setTimeout(() => void this.reload(), RELOAD_DEBOUNCE_MS);
    }
  }

  private upsert(referral: ReferralView): void {
    const before = this.callovers.find((known) => known.id === referral.id);
    const followed = this.followUps.find((known) => known.id === referral.id);
    const graded =
      (before?.status === 'met' && FOLLOWING.includes(referral.status)) ||
      (!!followed && referral.contacts.length > followed.contacts.length);
    if (graded) this.recorded = referral;
    const others = (list: ReferralView[]) => list.filter((known) => known.id !== referral.id);
    this.callovers = OPEN.includes(referral.status)
      ? sortCallovers([...others(this.callovers), referral])
      : others(this.callovers);
    this.followUps = FOLLOWING.includes(referral.status)
      ? sortFollowUps([...others(this.followUps), referral])
      : others(this.followUps);
    if (referral.status === 'alerted' && before?.status !== 'alerted') this.onCallover(referral);
    this.host.requestUpdate();
  }

  private dropPassedOn(id: string, kind: PassedOnNotice['kind'], to: string | null): void {
    const held = this.callovers.find((referral) => referral.id === id);
    this.callovers = this.callovers.filter((referral) => referral.id !== id);
    const known = this.notices.find((notice) => notice.id === id);
    if (known) {
      // Seen gone in a re-read first, then the answer to this RM's decline says who has it now.
      this.notices = this.notices.map((notice) =>
        notice === known ? { ...notice, kind, to: to ?? notice.to } : notice,
      );
    } else if (held) {
      this.notices = [...this.notices, { id, kind, who: held.ticketNumber ?? held.walkIn ?? '', to }];
    }
    this.host.requestUpdate();
  }
}

/** Unanswered call-overs first, the longest-waiting first; then those answered, then meetings. */
function sortCallovers(referrals: ReferralView[]): ReferralView[] {
  const rank = (referral: ReferralView) => OPEN.indexOf(referral.status);
  const since = (referral: ReferralView) => referral.alertedAt ?? referral.createdAt;
  return referrals.sort((a, b) => rank(a) - rank(b) || since(a).localeCompare(since(b)));
}

/** By the day each customer is due, the most overdue first (the server's order). */
function sortFollowUps(referrals: ReferralView[]): ReferralView[] {
  return referrals.sort(
    (a, b) =>
      (a.nextContactOn ?? '9999-12-31').localeCompare(b.nextContactOn ?? '9999-12-31') ||
      a.createdAt.localeCompare(b.createdAt),
  );
}
