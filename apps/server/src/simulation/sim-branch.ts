import { DEFAULT_BUSINESS_MIX, type SimBranch } from '@lobbyflow/domain';
import type { SeedFile } from '../seed/seed-file';

/**
 * The branch of a seed file as the simulation sees it: each business queues where its counter route
 * goes (self-service advice is left out: a simulated customer wants a ticket), counters with their
 * queues and weights, the branch's call policy and VIP routing.
 */
export function simBranchFromSeed(
  seed: SeedFile,
  mix: Readonly<Record<string, number>> = DEFAULT_BUSINESS_MIX,
): SimBranch {
  const averageShare = Object.values(mix).reduce((sum, share) => sum + share, 0) / Math.max(1, Object.keys(mix).length);
  const businesses = seed.businessTypes.flatMap((type) => {
    const route = type.routes.find((candidate) => candidate.queue !== undefined);
    if (!route?.queue) return [];
    return [
      {
        code: type.code,
        queue: route.queue,
        share: mix[type.code] ?? averageShare,
        typicalMinutes: type.typicalServiceMinutes,
      },
    ];
  });
  const vip = seed.settings.vipRouting;
  return {
    businesses,
    counters: seed.counters.map((counter) => ({ code: counter.code, queues: counter.queues })),
    policy: seed.settings.callPolicy,
    vipQueue: vip?.queue ?? null,
    vipFromQueues: vip
      ? seed.queues.filter((queue) => vip.from.includes(queue.destination)).map((queue) => queue.code)
      : [],
  };
}
