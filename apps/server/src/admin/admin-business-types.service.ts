import { Injectable } from '@nestjs/common';
import type {
  AdminBusinessTypeView,
  CreateBusinessTypeRequest,
  DiversionRouteSpec,
  RouteConditionSpec,
  RuleProblem,
  SignalRuleSpec,
  UpdateBusinessTypeRequest,
} from '@lobbyflow/contracts';
import {
  type BusinessTypeConfig,
  DomainError,
  missingSignals,
  type Route,
  type RouteCondition,
  type SignalRule,
  validateBusinessType,
} from '@lobbyflow/domain';
import type { StaffPrincipal } from '../auth/principal';
import { branchByCode } from '../branches/branch-by-code';
import { BranchConfig } from '../branches/branch-config';
import { BusinessTypeEntity } from '../branches/business-type.entity';
import { BranchCommands, type BranchTransaction } from '../commands/branch-commands';
import { recordViewChange, type AdminAction } from './admin-audit';
import { adminBusinessTypeView } from './admin-views';
import { refuseIfAny } from './refusals';

/**
 * Business types and their diversion tables (domain.md §2). A type is never deleted: tickets name their
 * business type by code, so an admin retires it (`active: false`) and the kiosk stops offering it.
 */
@Injectable()
export class AdminBusinessTypesService {
  constructor(private readonly commands: BranchCommands) {}

  /** Every business type, retired ones too, in kiosk order. */
  async list(branchCode: string): Promise<AdminBusinessTypeView[]> {
    return this.commands.read(async (manager) => {
      const branch = await branchByCode(manager, branchCode);
      const config = await BranchConfig.load(manager, branch);
      return config.businessTypes.map((type) => adminBusinessTypeView(type, branch.settings.thresholds));
    });
  }

  async create(
    branchCode: string,
    actor: StaffPrincipal,
    request: CreateBusinessTypeRequest,
  ): Promise<AdminBusinessTypeView> {
    return this.commands.run(branchCode, async (tx) => {
      const config = await BranchConfig.load(tx.manager, tx.branch);
      const type: BusinessTypeConfig = {
        code: request.code,
        name: { zh: request.name.zh, en: request.name.en },
        category: request.category,
        icon: request.icon ?? request.category,
        typicalServiceMinutes: request.typicalServiceMinutes,
        routes: request.routes.map(routeOf),
        signals: (request.signals ?? []).map(signalOf),
      };
      assertConsistent(tx, config, type);
      refuseIfAny(
        'ALREADY_EXISTS',
        config.businessTypes.some((existing) => existing.code === type.code)
          ? [{ path: 'code', message: `business type "${type.code}" exists already (retired types keep their code)` }]
          : [],
      );
      const sortOrder = Math.max(-1, ...config.businessTypes.map((existing) => existing.sortOrder)) + 1;
      const entity = tx.manager.create(BusinessTypeEntity, {
        id: crypto.randomUUID(),
        branchId: tx.branch.id,
        ...type,
        active: true,
        sortOrder,
      });
      await tx.manager.insert(BusinessTypeEntity, entity);
      const view = adminBusinessTypeView(entity, tx.branch.settings.thresholds);
      await recordViewChange(
        tx,
        actor,
        { action: 'business-type.create', subject: `business type ${entity.code}`, before: null, after: view },
        ['amountBands'],
      );
      return view;
    });
  }

  /**
   * Changes the fields sent; `routes` and `signals` replace the whole table. The result is checked whole
   * (a retired type too, so that reactivating it never brings back a table naming a queue that is gone).
   */
  async update(
    branchCode: string,
    actor: StaffPrincipal,
    code: string,
    request: UpdateBusinessTypeRequest,
  ): Promise<AdminBusinessTypeView> {
    return this.commands.run(branchCode, async (tx) => {
      const config = await BranchConfig.load(tx.manager, tx.branch);
      const entity = config.businessTypes.find((type) => type.code === code);
      if (!entity) {
        throw new DomainError('BUSINESS_TYPE_NOT_FOUND', `This branch has no business type "${code}".`);
      }
      const thresholds = tx.branch.settings.thresholds;
      const before = adminBusinessTypeView(entity, thresholds);
      const next: BusinessTypeConfig & { active: boolean } = {
        code: entity.code,
        name: request.name ? { zh: request.name.zh, en: request.name.en } : entity.name,
        category: request.category ?? entity.category,
        icon: request.icon ?? entity.icon,
        typicalServiceMinutes: request.typicalServiceMinutes ?? entity.typicalServiceMinutes,
        routes: request.routes ? request.routes.map(routeOf) : entity.routes,
        signals: request.signals ? request.signals.map(signalOf) : entity.signals,
        active: request.active ?? entity.active,
      };
      assertConsistent(tx, config, next);
      Object.assign(entity, next);
      const after = adminBusinessTypeView(entity, thresholds);
      if (JSON.stringify(after) === JSON.stringify(before)) return after;
      await tx.manager.save(BusinessTypeEntity, entity);
      await recordViewChange(
        tx,
        actor,
        {
          action: actionOf(before.active, after.active),
          subject: `business type ${entity.code}`,
          before,
          after,
        },
        ['amountBands'],
      );
      return after;
    });
  }
}

/**
 * A business type must divert within this branch: its routes name existing queues and thresholds, and
 * every signal it raises is one the identification rules score (else no ticket could be issued for it).
 */
function assertConsistent(tx: BranchTransaction, config: BranchConfig, type: BusinessTypeConfig): void {
  const problems: RuleProblem[] = validateBusinessType(type, {
    thresholds: tx.branch.settings.thresholds,
    queues: config.queues.map((queue) => queue.code),
  });
  const missing = new Set(missingSignals(tx.branch.settings.identification, [type]));
  type.signals.forEach((rule, index) => {
    if (missing.has(rule.signal)) {
      problems.push({
        path: `signals[${index}].signal`,
        message: `the identification rules do not score "${rule.signal}"; add it to them first`,
      });
    }
  });
  refuseIfAny('CONFIG_INVALID', problems);
}

function actionOf(wasActive: boolean, isActive: boolean): AdminAction {
  if (wasActive && !isActive) return 'business-type.retire';
  if (!wasActive && isActive) return 'business-type.reactivate';
  return 'business-type.update';
}

/** A submitted route as plain data with only the parts it states (an empty condition is no condition). */
function routeOf(route: DiversionRouteSpec): Route {
  const when = conditionOf(route.when);
  return {
    ...(when ? { when } : {}),
    destination: route.destination,
    ...(route.queue !== undefined ? { queue: route.queue } : {}),
    advice: { zh: route.advice.zh, en: route.advice.en },
  };
}

function signalOf(rule: SignalRuleSpec): SignalRule {
  const when = conditionOf(rule.when);
  return { signal: rule.signal, ...(when ? { when } : {}) };
}

function conditionOf(when: RouteConditionSpec | undefined): RouteCondition | undefined {
  if (!when) return undefined;
  const condition: RouteCondition = {
    ...(when.hasCard !== undefined ? { hasCard: when.hasCard } : {}),
    ...(when.amountAtMost !== undefined ? { amountAtMost: when.amountAtMost } : {}),
    ...(when.amountAtLeast !== undefined ? { amountAtLeast: when.amountAtLeast } : {}),
  };
  return Object.keys(condition).length > 0 ? condition : undefined;
}
