import { type HintCounter, type HintQueue, staffingHints } from './staffing-hints';

const name = (code: string) => ({ zh: `${code}队列`, en: `Queue ${code}` });
const queue = (
  code: string,
  waiting: number,
  estimatedWaitMinutes: number,
  quietMinutes: number | null = 0,
): HintQueue => ({
  code,
  name: name(code),
  waiting,
  estimatedWaitMinutes,
  quietMinutes,
});
const counter = (code: string, queues: [string, number][], extra: Partial<HintCounter> = {}): HintCounter => ({
  code,
  name: { zh: `${code}号窗口`, en: `Counter ${code}` },
  status: 'open',
  staffed: true,
  busy: false,
  queues: queues.map(([queueCode, weight]) => ({ queue: queueCode, weight })),
  ...extra,
});
const settings = { serviceLevelMinutes: 10, quietMinutesBeforePause: 20 };

describe('staffing hints', () => {
  it('says nothing while every queue is within the service level', () => {
    expect(staffingHints([queue('A', 3, 10)], [counter('1', [['A', 1]])], settings)).toEqual([]);
  });

  it('suggests opening the counter that gives the slow queue the most weight', () => {
    const counters = [
      counter('1', [['A', 1]]),
      counter(
        '2',
        [
          ['A', 1],
          ['B', 1],
        ],
        { status: 'paused' },
      ),
      counter('3', [['A', 3]], { staffed: false }),
    ];
    const [hint] = staffingHints([queue('A', 8, 24)], counters, settings);
    expect(hint).toMatchObject({ kind: 'open-counter', queue: 'A', counter: '3', estimatedWaitMinutes: 24 });
    expect(hint.text.en).toBe('Queue A: about 24 min wait, over the 10-minute service level. Open Counter 3.');
    expect(hint.text.zh).toBe('A队列预计等候约24分钟，超过10分钟服务标准：请开启3号窗口。');
  });

  it('asks for more staff when every counter for the queue is already open', () => {
    const [hint] = staffingHints([queue('A', 8, 24)], [counter('1', [['A', 1]])], settings);
    expect(hint).toMatchObject({ kind: 'open-counter', counter: null });
    expect(hint.text.en).toMatch(/add staff or guide customers to self-service/);
  });

  it('suggests pausing an idle counter of a quiet queue, never the last one open for it', () => {
    const quiet = [queue('B', 0, 0, 25)];
    const two = [counter('3', [['B', 1]]), counter('4', [['B', 1]])];
    const hints = staffingHints(quiet, two, settings);
    expect(hints).toEqual([expect.objectContaining({ kind: 'pause-counter', counter: '4', queue: 'B' })]);
    expect(hints[0].text.en).toBe(
      'Nobody has queued for Queue B for 25 min: Counter 4 could pause (a break, a cash handover).',
    );
    expect(staffingHints(quiet, [counter('3', [['B', 1]])], settings)).toEqual([]);
  });

  it('keeps a busy counter, one that also serves a busy queue, and those of a queue quiet for a short while', () => {
    const queues = [queue('A', 2, 4), queue('B', 0, 0, 25), queue('C', 0, 0, 5)];
    const counters = [
      counter('1', [['B', 1]], { busy: true }),
      counter('2', [
        ['A', 1],
        ['B', 1],
      ]),
      counter('3', [['C', 1]]),
      counter('4', [['C', 1]]),
      counter('5', [['B', 1]]),
    ];
    // Only counter 5 serves nothing but the long-quiet queue B, with counters 1 and 2 still open for it.
    expect(staffingHints(queues, counters, settings).map((hint) => hint.counter)).toEqual(['5']);
  });
});
