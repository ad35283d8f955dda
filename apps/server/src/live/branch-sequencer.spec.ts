import type { BranchEvent } from '@lobbyflow/contracts';
import { BranchSequencer, MAX_GAP_FILL } from './branch-sequencer';

/** A committed event as the log and the batches carry it (only the envelope matters here). */
const event = (branchId: string, seq: number) => ({ branchId, seq, at: '', type: 'ticket.issued' }) as BranchEvent;
const range = (branchId: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => event(branchId, from + index));

/** A sequencer over a fake log holding `committed` events per branch; records deliveries and log reads. */
function sequencer(committed: Record<string, number>) {
  const delivered: Record<string, number[]> = {};
  const reads: string[] = [];
  const warnings: string[] = [];
  const subject = new BranchSequencer(
    async (branchId, after, upTo) => {
      reads.push(`${branchId}:${after + 1}-${upTo}`);
      return range(branchId, after + 1, Math.min(upTo, committed[branchId] ?? 0));
    },
    (branchId, events) => (delivered[branchId] ??= []).push(...events.map((one) => one.seq)),
    (message) => warnings.push(message),
  );
  return { subject, delivered, reads, warnings };
}

describe('BranchSequencer', () => {
  it('delivers batches that arrive in order as they are, without reading the log', async () => {
    const { subject, delivered, reads } = sequencer({ demo: 5 });
    await subject.accept('demo', range('demo', 1, 2));
    await subject.accept('demo', range('demo', 3, 5));
    expect(delivered.demo).toEqual([1, 2, 3, 4, 5]);
    expect(reads).toEqual([]);
  });

  it('delivers a batch without a gap at once, before accept returns, and later ones behind a log read in turn', async () => {
    const { subject, delivered } = sequencer({ demo: 4 });
    void subject.accept('demo', range('demo', 1, 2));
    expect(delivered.demo).toEqual([1, 2]);
    // A gap: 3 is read from the log first; 5 waits for that, though it follows 4 without a gap.
    const gap = subject.accept('demo', [event('demo', 4)]);
    const next = subject.accept('demo', [event('demo', 5)]);
    expect(delivered.demo).toEqual([1, 2]);
    await Promise.all([gap, next]);
    expect(delivered.demo).toEqual([1, 2, 3, 4, 5]);
    // In hand no more: the next contiguous batch is delivered at once again.
    await Promise.resolve();
    void subject.accept('demo', [event('demo', 6)]);
    expect(delivered.demo).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('fills a gap from the log when a later batch overtakes an earlier one, and drops the late one', async () => {
    const { subject, delivered, reads } = sequencer({ demo: 13 });
    await subject.accept('demo', [event('demo', 10)]);
    // Instance B committed 12-13 after instance A committed 11, but B's message came first.
    await subject.accept('demo', range('demo', 12, 13));
    await subject.accept('demo', [event('demo', 11)]);
    expect(delivered.demo).toEqual([10, 11, 12, 13]);
    expect(reads).toEqual(['demo:11-11']);
  });

  it('keeps each branch in order when batches of several branches interleave', async () => {
    const { subject, delivered } = sequencer({ north: 3, south: 3 });
    await Promise.all([
      subject.accept('north', [event('north', 1)]),
      subject.accept('south', [event('south', 1)]),
      subject.accept('north', range('north', 2, 3)),
      subject.accept('south', [event('south', 3)]),
    ]);
    expect(delivered).toEqual({ north: [1, 2, 3], south: [1, 2, 3] });
  });

  it('keeps a batch behind the log read of the one before it', async () => {
    const { subject, delivered } = sequencer({ demo: 6 });
    await subject.accept('demo', [event('demo', 1)]);
    // Not awaited in between: the second batch must wait for the first one's gap to be filled.
    const first = subject.accept('demo', [event('demo', 4)]);
    const second = subject.accept('demo', range('demo', 5, 6));
    await Promise.all([first, second]);
    expect(delivered.demo).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('catches up from the log when the last batches never arrived', async () => {
    const { subject, delivered } = sequencer({ demo: 7 });
    await subject.accept('demo', range('demo', 1, 4));
    await subject.catchUp('demo', 7);
    await subject.catchUp('demo', 7);
    expect(delivered.demo).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(subject.lastDelivered().get('demo')).toBe(7);
  });

  it('starts a branch it has seen nothing of where the database stands, and catches up from there', async () => {
    const { subject, delivered, reads } = sequencer({ demo: 9 });
    await subject.catchUp('demo', 7);
    expect(delivered.demo).toBeUndefined();
    await subject.catchUp('demo', 9);
    await subject.accept('demo', [event('demo', 10)]);
    expect(delivered.demo).toEqual([8, 9, 10]);
    expect(reads).toEqual(['demo:8-9']);
  });

  it('skips ahead instead of reading a gap longer than it fills, and says so', async () => {
    const { subject, delivered, reads, warnings } = sequencer({ demo: MAX_GAP_FILL + 10 });
    await subject.accept('demo', [event('demo', 1)]);
    await subject.accept('demo', [event('demo', MAX_GAP_FILL + 10)]);
    expect(delivered.demo).toEqual([1, MAX_GAP_FILL + 10]);
    expect(reads).toEqual([]);
    expect(warnings).toHaveLength(1);
  });

  it('still delivers the new batch when the log cannot be read', async () => {
    const delivered: number[] = [];
    const warnings: string[] = [];
    const subject = new BranchSequencer(
      () => Promise.reject(new Error('database unreachable')),
      (_, events) => delivered.push(...events.map((one) => one.seq)),
      (message) => warnings.push(message),
    );
    await subject.accept('demo', [event('demo', 1)]);
    await subject.accept('demo', [event('demo', 3)]);
    expect(delivered).toEqual([1, 3]);
    expect(warnings[0]).toMatch(/database unreachable/);
  });
});
