import { Injectable } from '@nestjs/common';
import type { DeviceRegistered, DeviceView } from '@lobbyflow/contracts';
import { DomainError } from '@lobbyflow/domain';
import { newDeviceKey, sha256 } from '../auth/secrets';
import { BranchCommands } from '../commands/branch-commands';
import { DeviceEntity } from './device.entity';
import type { RegisterDeviceDto } from './dto/register-device.dto';

/** Kiosks and displays: registered by an admin, keyed, revocable. */
@Injectable()
export class DevicesService {
  constructor(private readonly commands: BranchCommands) {}

  /** Registers a device; its key is in this answer only (the server keeps a hash). */
  async register(branchCode: string, dto: RegisterDeviceDto): Promise<DeviceRegistered> {
    return this.commands.run(branchCode, async ({ manager, branch, now }) => {
      const key = newDeviceKey();
      const device = manager.create(DeviceEntity, {
        id: crypto.randomUUID(),
        branchId: branch.id,
        kind: dto.kind,
        name: dto.name,
        keyHash: sha256(key),
        keyPrefix: key.slice(0, 10),
        createdAt: now,
        revokedAt: null,
      });
      await manager.insert(DeviceEntity, device);
      return { id: device.id, kind: device.kind, name: device.name, key };
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
      return devices.map((device) => ({
        id: device.id,
        kind: device.kind,
        name: device.name,
        keyPrefix: device.keyPrefix,
        createdAt: device.createdAt.toISOString(),
        revokedAt: device.revokedAt?.toISOString() ?? null,
      }));
    });
  }

  /** Revokes a device key: the next request with it is refused. */
  async revoke(branchCode: string, deviceId: string): Promise<void> {
    await this.commands.run(branchCode, async ({ manager, branch, now }) => {
      const device = await manager.findOne(DeviceEntity, { where: { id: deviceId, branchId: branch.id } });
      if (!device) throw new DomainError('DEVICE_NOT_FOUND', 'There is no such device in this branch.');
      if (!device.revokedAt) await manager.update(DeviceEntity, { id: device.id }, { revokedAt: now });
    });
  }
}
