import type { CounterStatus, LocalizedText, StaffingHint } from '@lobbyflow/contracts';

/** A queue as the staffing hint reads it. */
export interface HintQueue {
  code: string;
  name: LocalizedText;
  waiting: number;
  estimatedWaitMinutes: number;
  /** Minutes since a customer last joined this queue (null when nobody has today). */
  quietMinutes: number | null;
}

/** A counter as the staffing hint reads it. */
export interface HintCounter {
  code: string;
  name: LocalizedText;
  status: CounterStatus;
  /** Somebody is signed in at it. */
  staffed: boolean;
  /** A customer is at it now. */
  busy: boolean;
  queues: { queue: string; weight: number }[];
}

export interface HintSettings {
  serviceLevelMinutes: number;
  /** A queue nobody joined for this long, with nobody waiting, may spare a counter. */
  quietMinutesBeforePause: number;
}

/** The default quiet time before a pause is suggested. */
export const QUIET_MINUTES_BEFORE_PAUSE = 20;

const serving = (counter: HintCounter) => counter.status === 'open' && counter.staffed;
const weightFor = (counter: HintCounter, queue: string) =>
  counter.queues.find((served) => served.queue === queue)?.weight ?? 0;

/**
 * What the lobby manager could do about staffing now (issue #7): when a queue's predicted wait breaks the
 * service level, which counter to open (a paused, closed or unstaffed one serving that queue, the one that
 * gives it the most weight); when a queue has been quiet for long with nobody waiting, which counter could
 * pause (one that is idle and serves only quiet queues, never the last one serving a queue).
 */
export function staffingHints(
  queues: readonly HintQueue[],
  counters: readonly HintCounter[],
  settings: HintSettings,
): StaffingHint[] {
  const hints: StaffingHint[] = [];
  const level = settings.serviceLevelMinutes;
  for (const queue of queues) {
    if (queue.waiting === 0 || queue.estimatedWaitMinutes <= level) continue;
    const candidate = counters
      .filter((counter) => !serving(counter) && weightFor(counter, queue.code) > 0)
      .sort((a, b) => weightFor(b, queue.code) - weightFor(a, queue.code) || a.code.localeCompare(b.code))[0];
    const wait = queue.estimatedWaitMinutes;
    hints.push({
      kind: 'open-counter',
      queue: queue.code,
      counter: candidate?.code ?? null,
      estimatedWaitMinutes: wait,
      text: candidate
        ? {
            zh: `${queue.name.zh}预计等候约${wait}分钟，超过${level}分钟服务标准：请开启${candidate.name.zh}。`,
            en: `${queue.name.en}: about ${wait} min wait, over the ${level}-minute service level. Open ${candidate.name.en}.`,
          }
        : {
            zh: `${queue.name.zh}预计等候约${wait}分钟，超过${level}分钟服务标准；服务该队列的窗口均已开启：请增派人手或引导客户使用自助设备。`,
            en: `${queue.name.en}: about ${wait} min wait, over the ${level}-minute service level, and every counter for it is open: add staff or guide customers to self-service.`,
          },
    });
  }

  const quiet = new Set(
    queues
      .filter(
        (queue) =>
          queue.waiting === 0 &&
          (queue.quietMinutes === null || queue.quietMinutes >= settings.quietMinutesBeforePause),
      )
      .map((queue) => queue.code),
  );
  const paused = new Set<string>();
  const stillServing = (queue: string) =>
    counters.filter((counter) => serving(counter) && !paused.has(counter.code) && weightFor(counter, queue) > 0).length;
  for (const counter of [...counters].sort((a, b) => b.code.localeCompare(a.code))) {
    if (!serving(counter) || counter.busy || counter.queues.length === 0) continue;
    if (!counter.queues.every((served) => quiet.has(served.queue))) continue;
    // The last counter open for a queue stays open: a customer may walk in at any moment.
    if (counter.queues.some((served) => stillServing(served.queue) <= 1)) continue;
    paused.add(counter.code);
    const names = counter.queues.map((served) => queues.find((queue) => queue.code === served.queue)?.name);
    const quietFor = Math.min(
      ...counter.queues.map((served) => queues.find((queue) => queue.code === served.queue)?.quietMinutes ?? Infinity),
    );
    const minutes = Number.isFinite(quietFor) ? quietFor : null;
    hints.push({
      kind: 'pause-counter',
      queue: counter.queues[0].queue,
      counter: counter.code,
      estimatedWaitMinutes: 0,
      text: {
        zh: `${names.map((name) => name?.zh).join('、')}${minutes !== null ? `已${minutes}分钟` : '今天尚'}无人排队：可暂停${counter.name.zh}（安排休息或现金交接）。`,
        en: `Nobody has queued for ${names.map((name) => name?.en).join(', ')} ${minutes !== null ? `for ${minutes} min` : 'today'}: ${counter.name.en} could pause (a break, a cash handover).`,
      },
    });
  }
  return hints;
}
