import { ApiError } from '@lobbyflow/ui-kit';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type ActionStatus = 'pending' | 'done' | 'failed';

/** What the screen says about the last action: pending, done (with what happened), failed (and why). */
export interface ActionReport {
  /** The action's name (`finish`), so that a dialog shows only its own action's report. */
  name: string;
  /** What was done, in the screen's language ("叫号" / "Call next"). */
  label: string;
  status: ActionStatus;
  /** Done: what came of it ("A001"); failed: the server's message. */
  message: string | null;
  /** Failed: the server's error code (`COUNTER_PAUSED`), `NETWORK` when it could not be reached. */
  code: string | null;
  /** Failed: `message` is the screen's own words (a WordedRefusal), not the server's English sentence. */
  worded: boolean;
}

/**
 * A refusal a screen has already put in its own words, in the screen's language ("2 fields to fix, marked
 * next to them"): the status line shows it as it is, with its code.
 */
export class WordedRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'WordedRefusal';
  }
}

/**
 * Runs a screen's commands and reports each as pending, done or failed with the server's message. An
 * action already running is refused: a double click, a key held down or a second press before the answer
 * never sends the same command twice (its button shows as disabled meanwhile). Different actions may
 * overlap (the server orders them per branch, and refuses what no longer fits with a 409); the report
 * follows the latest one, and a failure always shows.
 */
export class ActionController implements ReactiveController {
  report: ActionReport | null = null;
  private readonly running = new Set<string>();
  private latest = 0;
  private clearTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** How long a "done" report stays; failures stay until the next action or until dismissed. */
    private readonly doneSeconds = 4,
  ) {
    host.addController(this);
  }

  /** True while any action runs. */
  get busy(): boolean {
    return this.running.size > 0;
  }

  /** True while the action of this name runs (its button is disabled and shows the pending state). */
  isRunning(name: string): boolean {
    return this.running.has(name);
  }

  /**
   * Runs `work` unless an action of the same name is running. `describe` turns the result into the
   * "done" message. Resolves to the result, or undefined when refused or failed (the report says why).
   */
  async run<T>(
    name: string,
    label: string,
    work: () => Promise<T>,
    describe?: (result: T) => string | null,
  ): Promise<T | undefined> {
    if (this.running.has(name)) return undefined;
    this.running.add(name);
    const id = ++this.latest;
    clearTimeout(this.clearTimer);
    this.report = { name, label, status: 'pending', message: null, code: null, worded: false };
    this.host.requestUpdate();
    try {
      const result = await work();
      if (id === this.latest) {
        this.report = { name, label, status: 'done', message: describe?.(result) ?? null, code: null, worded: false };
        this.clearTimer = setTimeout(() => this.dismiss(), this.doneSeconds * 1000);
      }
      return result;
    } catch (error) {
      clearTimeout(this.clearTimer);
      this.report = {
        name,
        label,
        status: 'failed',
        message: error instanceof Error ? error.message : String(error),
        code: error instanceof ApiError || error instanceof WordedRefusal ? error.code : null,
        worded: error instanceof WordedRefusal,
      };
      return undefined;
    } finally {
      this.running.delete(name);
      this.host.requestUpdate();
    }
  }

  dismiss(): void {
    this.report = null;
    this.host.requestUpdate();
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.clearTimer);
  }
}
