import { Injectable } from '@nestjs/common';

/**
 * The server's source of time. Every rule that depends on "now" (business day, recall delay, waits)
 * asks this, so that a test can move a real server to tomorrow without touching the system clock.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
