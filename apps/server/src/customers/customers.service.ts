import { Inject, Injectable } from '@nestjs/common';
import type { AuditEntryView, CustomerProfileView, ImportProblem, ImportReport } from '@lobbyflow/contracts';
import { DomainError } from '@lobbyflow/domain';
import { In } from 'typeorm';
import { type AuditPage, appendAudit, auditPage } from '../audit/audit-log';
import type { StaffPrincipal } from '../auth/principal';
import { BranchCommands, type BranchTransaction } from '../commands/branch-commands';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { StaffUserEntity } from '../staff/staff-user.entity';
import { TicketEntity } from '../tickets/ticket.entity';
import { parseCsv } from './csv';
import { CustomerProfileEntity } from './customer-profile.entity';
import { ID_KINDS, type IdKind, idHash, maskIdNumber, normalizeIdNumber } from './identity-number';

/** The columns of a customer import, in any order; `id_kind` and `id_number` are required. */
export const CUSTOMER_CSV_COLUMNS = [
  'id_kind',
  'id_number',
  'display_name',
  'tier',
  'monthly_avg_assets',
  'loan_balance',
  'card_spend_12m',
  'star_points',
  'card_level',
  'rm',
  'segment',
] as const;
type Column = (typeof CUSTOMER_CSV_COLUMNS)[number];

const NUMERIC: Partial<Record<Column, keyof CustomerProfileEntity>> = {
  monthly_avg_assets: 'monthlyAverageAssets',
  loan_balance: 'loanBalance',
  card_spend_12m: 'cardSpend12m',
  star_points: 'starPoints',
};
const TEXT: Partial<Record<Column, { field: keyof CustomerProfileEntity; max: number }>> = {
  display_name: { field: 'displayName', max: 64 },
  tier: { field: 'tier', max: 32 },
  card_level: { field: 'cardLevel', max: 16 },
  segment: { field: 'segment', max: 32 },
};
/** A file this long is a mistake, not a branch's customers. */
const MAX_ROWS = 100_000;

/** Known customers: import from the bank's systems, audited viewing. */
@Injectable()
export class CustomersService {
  constructor(
    private readonly commands: BranchCommands,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Imports customers from CSV: every row is checked first, and one bad row rejects the whole file with a
   * report of every problem (IMPORT_REJECTED), so a file is never half imported. A known customer (same
   * number) is updated. Card and ID numbers are kept only as keyed hashes and masked forms.
   */
  async importCsv(branchCode: string, csv: string, actor: StaffPrincipal | null): Promise<ImportReport> {
    let table: string[][];
    try {
      table = parseCsv(csv);
    } catch (error) {
      throw new DomainError('IMPORT_REJECTED', `The file is not valid CSV: ${(error as Error).message}`, {
        rejected: [{ row: 0, field: '(file)', message: (error as Error).message }],
      });
    }
    const [header = [], ...rows] = table;
    const columns = header.map((name) => name.trim().toLowerCase());
    const fileProblems: ImportProblem[] = [];
    for (const required of ['id_kind', 'id_number']) {
      if (!columns.includes(required))
        fileProblems.push({ row: 1, field: required, message: 'This column is required.' });
    }
    for (const name of columns) {
      if (!(CUSTOMER_CSV_COLUMNS as readonly string[]).includes(name)) {
        fileProblems.push({
          row: 1,
          field: name,
          message: `Unknown column; columns are ${CUSTOMER_CSV_COLUMNS.join(', ')}.`,
        });
      }
    }
    if (rows.length === 0) fileProblems.push({ row: 2, field: '(file)', message: 'The file has no customer rows.' });
    if (rows.length > MAX_ROWS) fileProblems.push({ row: 0, field: '(file)', message: `More than ${MAX_ROWS} rows.` });
    if (fileProblems.length > 0) throw rejected(fileProblems, rows.length);

    return this.commands.run(branchCode, async (tx) => {
      // The rows' problems are collected afresh in each run of the command (it may run again).
      const problems: ImportProblem[] = [];
      const rms = await tx.manager.find(StaffUserEntity, {
        where: { branchId: tx.branch.id, role: 'rm', active: true },
      });
      const parsed = rows.map((cells, index) => this.parseRow(columns, cells, index + 2, rms, problems));
      const seen = new Map<string, number>();
      parsed.forEach((profile, index) => {
        if (!profile) return;
        const hash = profile.idHash as string;
        const earlier = seen.get(hash);
        if (earlier !== undefined) {
          problems.push({ row: index + 2, field: 'id_number', message: `The same customer as row ${earlier}.` });
        }
        seen.set(hash, index + 2);
      });
      if (problems.length > 0) throw rejected(problems, rows.length);

      const profiles = parsed as Partial<CustomerProfileEntity>[];
      const existing = await tx.manager.find(CustomerProfileEntity, {
        where: { branchId: tx.branch.id, idHash: In(profiles.map((profile) => profile.idHash as string)) },
      });
      const byHash = new Map(existing.map((profile) => [profile.idHash, profile]));
      for (const profile of profiles) {
        const known = byHash.get(profile.idHash as string);
        await tx.manager.save(CustomerProfileEntity, {
          ...profile,
          id: known?.id ?? crypto.randomUUID(),
          branchId: tx.branch.id,
          updatedAt: tx.now,
        });
      }
      await audit(tx, actor, 'customers.import', null, `${profiles.length} rows`);
      return { rows: profiles.length, created: profiles.length - existing.length, updated: existing.length };
    });
  }

  /** One customer's profile, with assets; the view is written to the audit log with its reason. */
  async view(customerId: string, principal: StaffPrincipal, reason: string): Promise<CustomerProfileView> {
    return this.commands.run(principal.branch, async (tx) => {
      const profile = await tx.manager.findOne(CustomerProfileEntity, {
        where: { id: customerId, branchId: tx.branch.id },
      });
      if (!profile) throw new DomainError('CUSTOMER_NOT_FOUND', 'There is no such customer in this branch.');
      if (principal.role === 'teller') await assertServing(tx, principal, profile.id);
      await audit(tx, principal, 'profile.view', profile.id, reason);
      const rm = profile.rmUserId
        ? await tx.manager.findOne(StaffUserEntity, { where: { id: profile.rmUserId } })
        : null;
      return {
        id: profile.id,
        idKind: profile.idKind,
        masked: profile.masked,
        displayName: profile.displayName,
        tier: profile.tier,
        monthlyAverageAssets: profile.monthlyAverageAssets,
        loanBalance: profile.loanBalance,
        cardSpend12m: profile.cardSpend12m,
        starPoints: profile.starPoints,
        cardLevel: profile.cardLevel,
        rm: rm ? { id: rm.id, displayName: rm.displayName } : null,
        segment: profile.segment,
        updatedAt: profile.updatedAt.toISOString(),
      };
    });
  }

  /** A page of the audit log, newest first (admins): see auditPage. */
  async auditLog(branchCode: string, page: AuditPage = {}): Promise<AuditEntryView[]> {
    return this.commands.read((manager) => auditPage(manager, branchCode, page));
  }

  private parseRow(
    columns: string[],
    cells: string[],
    row: number,
    rms: StaffUserEntity[],
    problems: ImportProblem[],
  ): Partial<CustomerProfileEntity> | null {
    const value = (column: Column) => (cells[columns.indexOf(column)] ?? '').trim();
    const problem = (field: string, message: string) => problems.push({ row, field, message });
    const before = problems.length;
    if (cells.length !== columns.length) problem('(row)', `Expected ${columns.length} fields, found ${cells.length}.`);

    const kind = value('id_kind') as IdKind;
    let normalized = '';
    if (!(ID_KINDS as readonly string[]).includes(kind)) {
      problem('id_kind', `Must be one of ${ID_KINDS.join(', ')}.`);
    } else {
      try {
        normalized = normalizeIdNumber(kind, value('id_number'));
      } catch (error) {
        problem('id_number', (error as Error).message);
      }
    }
    const profile: Partial<CustomerProfileEntity> = {};
    for (const [column, field] of Object.entries(NUMERIC) as [Column, keyof CustomerProfileEntity][]) {
      const raw = value(column).replace(/,/g, '');
      if (raw === '') {
        Object.assign(profile, { [field]: null });
      } else if (!/^\d+(\.\d{1,2})?$/.test(raw) || Number(raw) > 1e13) {
        problem(column, `"${value(column)}" is not an amount (a number ≥ 0 with at most two decimals).`);
      } else {
        Object.assign(profile, { [field]: Number(raw) });
      }
    }
    for (const [column, { field, max }] of Object.entries(TEXT) as [Column, { field: string; max: number }][]) {
      const raw = value(column);
      if (raw.length > max) problem(column, `Longer than ${max} characters.`);
      Object.assign(profile, { [field]: raw === '' ? null : raw });
    }
    const rmName = value('rm');
    const rm = rms.find((candidate) => candidate.username === rmName);
    if (rmName && !rm) problem('rm', `No relationship manager "${rmName}" in this branch.`);
    if (problems.length > before) return null;
    return {
      ...profile,
      idKind: kind,
      idHash: idHash(this.config.customerKey, kind, normalized),
      masked: maskIdNumber(kind, normalized),
      rmUserId: rm?.id ?? null,
    };
  }
}

function rejected(problems: ImportProblem[], rows: number): DomainError {
  const shown = problems.slice(0, 3).map((problem) => `row ${problem.row} ${problem.field}: ${problem.message}`);
  return new DomainError(
    'IMPORT_REJECTED',
    `Nothing was imported: ${problems.length} problem(s) in ${rows} row(s), e.g. ${shown.join('; ')}`,
    { rejected: problems.slice(0, 1000) },
  );
}

async function audit(
  tx: BranchTransaction,
  actor: StaffPrincipal | null,
  action: string,
  subjectId: string | null,
  reason: string,
): Promise<void> {
  await appendAudit(tx, {
    actorUserId: actor?.userId ?? null,
    actorRole: actor?.role ?? 'cli',
    action,
    subjectId,
    reason,
  });
}

/**
 * A teller judges the value of the customer in front of them (domain.md §3, 查询客户资产), and only that
 * customer: the profile must be on the ticket called or served at the teller's own counter.
 */
async function assertServing(tx: BranchTransaction, principal: StaffPrincipal, customerId: string): Promise<void> {
  const current = principal.counterId
    ? await tx.manager.findOne(TicketEntity, {
        where: { branchId: tx.branch.id, counterId: principal.counterId, status: In(['called', 'serving']) },
      })
    : null;
  if (current?.customer?.id !== customerId) {
    throw new DomainError(
      'FORBIDDEN',
      "A teller may view only the profile of the customer being served at the teller's own counter.",
    );
  }
}
