import { Injectable } from '@nestjs/common';
import type { DeviceRegistered, DeviceView } from '@lobbyflow/contracts';
import { DomainError } from '@lobbyflow/domain';
import { type EntityManager, In } from 'typeorm';
import { recordAdminChange } from '../admin/admin-audit';
import type { StaffPrincipal } from '../auth/principal';
import { newDeviceKey, sha256 } from '../auth/secrets';
import { BranchCommands } from '../commands/branch-commands';
import { CounterEntity } from '../counters/counter.entity';
import { DeviceEntity } from './device.entity';
import type { RegisterDeviceDto } from './dto/register-device.dto';

/** Kiosks, displays and counter rating pads: registered by an admin, keyed, revocable. */
@Injectable()
export class DevicesService {
  constructor(private readonly commands: BranchCommands) {}

  /** Registers a device; its key is in this answer only (the server keeps a hash, the audit log its prefix). */
  async register(branchCode: string, actor: StaffPrincipal, dto: RegisterDeviceDto): Promise<DeviceRegistered> {
    return this.commands.run(branchCode, async (tx) => {
      const { manager, branch, now } = tx;
      const counter = await padCounter(manager, branch.id, dto);
      const key = newDeviceKey();
      const device = manager.create(DeviceEntity, {
        id: crypto.randomUUID(),
        branchId: branch.id,
        kind: dto.kind,
        name: dto.name,
        counterId: counter?.id ?? null,
        keyHash: sha256(key),
        keyPrefix: key.slice(0, 10),
        createdAt: now,
        revokedAt: null,
      });
      await manager.insert(DeviceEntity, device);
      await recordAdminChange(tx, actor, {
        action: 'device.register',
        subjectId: device.id,
        subject: deviceSubject(device, counter?.code ?? null),
      });
      return { id: device.id, kind: device.kind, name: device.name, counter: counter?.code ?? null, key };
    });
  }

  async list(branchCode: string): Promise<DeviceView[]> {
    return this.commands.read(async (manager) => {
      const devices = await manager
        .createQueryBuilder(DeviceEntity, 'device')
        .innerJoin('branch', 'branch', 'branch.id = device.branchId')
        .where('branch.code = :code', { code: branchCode })
        .orderBy('device.createdAt', 'ASC')
        .getMany();
      // The counters rating pads stand on, to show their codes.
      const padCounters = devices.flatMap((device) => (device.counterId ? [device.counterId] : []));
      const counters = padCounters.length
        ? await manager.find(CounterEntity, { where: { id: In(padCounters) }, select: { id: true, code: true } })
        : [];
      const codeOf = new Map(counters.map((counter) => [counter.id, counter.code]));
      return devices.map((device) => ({
        id: device.id,
        kind: device.kind,
        name: device.name,
        counter: device.counterId ? (codeOf.get(device.counterId) ?? null) : null,
        keyPrefix: device.keyPrefix,
        createdAt: device.createdAt.toISOString(),
        revokedAt: device.revokedAt?.toISOString() ?? null,
      }));
    });
  }

  /** Revokes a device key: the next request with it is refused. Revoking a revoked key changes nothing. */
  async revoke(branchCode: string, actor: StaffPrincipal, deviceId: string): Promise<void> {
    await this.commands.run(branchCode, async (tx) => {
      const { manager, branch, now } = tx;
      const device = await manager.findOne(DeviceEntity, { where: { id: deviceId, branchId: branch.id } });
      if (!device) throw new DomainError('DEVICE_NOT_FOUND', 'There is no such device in this branch.');
      if (device.revokedAt) return;
      await manager.update(DeviceEntity, { id: device.id }, { revokedAt: now });
      const counter = device.counterId
        ? await manager.findOne(CounterEntity, { where: { id: device.counterId }, select: { code: true } })
        : null;
      await recordAdminChange(tx, actor, {
        action: 'device.revoke',
        subjectId: device.id,
        subject: deviceSubject(device, counter?.code ?? null),
      });
    });
  }
}

/** How the audit log names a device: `kiosk "大厅取号机 2" (key lfd_abc123…)`, with a pad's counter. */
function deviceSubject(device: DeviceEntity, counter: string | null): string {
  const at = counter ? ` at counter ${counter}` : '';
  return `${device.kind} "${device.name}"${at} (key ${device.keyPrefix}…)`;
}

/** A rating pad belongs to one counter of the branch; other devices to none. */
async function padCounter(manager: EntityManager, branchId: string, dto: RegisterDeviceDto) {
  if (dto.kind !== 'rating-pad') {
    if (dto.counter !== undefined) {
      throw new DomainError('VALIDATION_FAILED', 'Invalid request: only a rating pad stands on a counter.', {
        fields: ['counter'],
      });
    }
    return null;
  }
  if (dto.counter === undefined) {
    throw new DomainError('VALIDATION_FAILED', 'Invalid request: name the counter the rating pad stands on.', {
      fields: ['counter'],
    });
  }
  const counter = await manager.findOne(CounterEntity, { where: { branchId, code: dto.counter } });
  if (!counter) throw new DomainError('COUNTER_NOT_FOUND', `This branch has no counter "${dto.counter}".`);
  return counter;
}
