/**
 * The server's time as a screen estimates it. Waiting and service times, and the recall delay, are measured
 * on the server's clock (the times in tickets are the server's), so a counter PC whose own clock is off
 * would show wrong figures if it used `Date.now()` alone.
 *
 * Every server time the screen learns (a snapshot's `at`, an event's `at`, a command's answer) says the
 * server's clock was at least that far when the screen received it. The estimate keeps the largest such
 * offset: replayed events carry old times and must not pull the clock back.
 */
export class ServerClock {
  private offset: number | null = null;

  constructor(private readonly localNow: () => number = () => Date.now()) {}

  /** Learns from a server time (ISO 8601) just received; ignores nothing-times and older news. */
  observe(serverTime: string | null | undefined): void {
    if (!serverTime) return;
    const at = Date.parse(serverTime);
    if (Number.isNaN(at)) return;
    const offset = at - this.localNow();
    if (this.offset === null || offset > this.offset) this.offset = offset;
  }

  /** The server's time now, in epoch milliseconds. */
  now(): number {
    return this.localNow() + (this.offset ?? 0);
  }

  /** Whole seconds from a server time until now (0 for a time not yet reached, or none). */
  secondsSince(serverTime: string | null | undefined): number {
    if (!serverTime) return 0;
    const at = Date.parse(serverTime);
    return Number.isNaN(at) ? 0 : Math.max(0, Math.floor((this.now() - at) / 1000));
  }
}
