import type {
  AdminBusinessTypeView,
  AdminCounterView,
  AdminQueueView,
  AdminSettingsView,
  AdminStaffView,
} from '@lobbyflow/contracts';
import { amountBands, DEFAULT_FOLLOW_UP, DEFAULT_RATING, type Thresholds } from '@lobbyflow/domain';
import type { BranchEntity } from '../branches/branch.entity';
import type { BusinessTypeEntity } from '../branches/business-type.entity';
import type { QueueEntity } from '../branches/queue.entity';
import type { CounterEntity } from '../counters/counter.entity';
import type { StaffUserEntity } from '../staff/staff-user.entity';

/** The branch-wide settings an admin edits, in the shape `PATCH .../admin/settings` takes them. */
export function adminSettingsView(branch: BranchEntity): AdminSettingsView {
  const { thresholds, serviceLevelMinutes, lifecycle, callPolicy, pauseReasons, callover, followUp, rating } =
    branch.settings;
  return {
    branchId: branch.code,
    name: branch.name,
    timeZone: branch.timeZone,
    dayStartsAt: branch.dayStartsAt,
    businessDay: branch.businessDay,
    thresholds,
    serviceLevelMinutes,
    lifecycle: {
      recallDelaySeconds: lifecycle.recallDelaySeconds,
      noShowAfterRecalls: lifecycle.noShowAfterRecalls,
      returnHoldSeconds: lifecycle.returnHoldSeconds,
    },
    callPolicy: { maxPriorityInRow: callPolicy.maxPriorityInRow, agingMinutes: callPolicy.agingMinutes },
    pauseReasons: pauseReasons.map(({ code, name }) => ({ code, name })),
    callover: { answerSeconds: callover.answerSeconds },
    followUp: followUp ?? DEFAULT_FOLLOW_UP,
    rating: { windowSeconds: (rating ?? DEFAULT_RATING).windowSeconds },
  };
}

export function adminBusinessTypeView(type: BusinessTypeEntity, thresholds: Thresholds): AdminBusinessTypeView {
  return {
    id: type.id,
    code: type.code,
    name: type.name,
    category: type.category,
    icon: type.icon,
    typicalServiceMinutes: type.typicalServiceMinutes,
    routes: type.routes,
    signals: type.signals,
    active: type.active,
    // A retired type may name a threshold that is gone since; it has no bands until it is fixed.
    amountBands: bandsOf(type, thresholds),
  };
}

function bandsOf(type: BusinessTypeEntity, thresholds: Thresholds): AdminBusinessTypeView['amountBands'] {
  try {
    return amountBands(type, thresholds);
  } catch {
    return [];
  }
}

export function adminQueueView(queue: QueueEntity): AdminQueueView {
  return { id: queue.id, code: queue.code, prefix: queue.prefix, name: queue.name, destination: queue.destination };
}

export function adminCounterView(counter: CounterEntity): AdminCounterView {
  return {
    id: counter.id,
    code: counter.code,
    name: counter.name,
    kind: counter.kind,
    status: counter.status,
    queues: counter.queues.map(({ queue, weight }) => ({ queue, weight })),
  };
}

/** A staff account without its password hash. */
export function adminStaffView(user: StaffUserEntity, counters: readonly CounterEntity[]): AdminStaffView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    counterId: user.counterId,
    counter: counters.find((counter) => counter.id === user.counterId)?.code ?? null,
    specialties: user.specialties,
    active: user.active,
  };
}
