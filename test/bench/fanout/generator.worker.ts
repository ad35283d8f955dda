import type { GeneratorCommand, GeneratorReply, GeneratorTarget } from './protocol';

/**
 * The event generator, a forked process of its own: kiosks issuing tickets across the branches at a fixed
 * rate, open-loop. Request i is due at `start + i / rate` whether or not earlier ones were answered, so a
 * slow server makes requests pile up instead of slowing the schedule down (no coordinated omission).
 * It remembers each issued ticket's scheduled time: the orchestrator measures from it too.
 */

/** A cash deposit above the small-cash limit: a counter ticket, with its diversion recorded. */
const TICKET = { businessType: 'cash-deposit', amount: 30_000, hasCard: true };

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function run(command: GeneratorCommand): Promise<GeneratorReply> {
  const { targets, rate, start, end } = command;
  const total = Math.max(0, Math.floor(((end - start) / 1000) * rate));
  const result: GeneratorReply = {
    kind: 'done',
    sent: 0,
    ok: 0,
    failed: 0,
    firstError: null,
    maxSendLag: 0,
    scheduled: {},
  };
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await sleep(wait);
    result.maxSendLag = Math.max(result.maxSendLag, Date.now() - due);
    result.sent += 1;
    inFlight.push(issue(targets[i % targets.length], due, result));
  }
  await Promise.all(inFlight);
  return result;
}

async function issue(target: GeneratorTarget, due: number, result: GeneratorReply): Promise<void> {
  try {
    const response = await fetch(`${target.url}/api/branches/${encodeURIComponent(target.branchId)}/tickets`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${target.kioskKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(TICKET),
    });
    const body = (await response.json()) as { ticket?: { id?: string }; id?: string; message?: string };
    if (!response.ok) throw new Error(`${response.status} ${body.message ?? ''}`);
    const id = body.ticket?.id ?? body.id;
    if (id) result.scheduled[id] = due;
    result.ok += 1;
  } catch (error) {
    result.failed += 1;
    result.firstError ??= error instanceof Error ? error.message : String(error);
  }
}

process.on('message', (command: GeneratorCommand) => {
  void run(command).then((reply) => process.send?.(reply));
});
process.on('disconnect', () => process.exit(0));
