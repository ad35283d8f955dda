import { cpus, totalmem } from 'node:os';
import { VERSION as SQLITE_VERSION } from 'sqlite3';
import type { BenchResult, BenchTable } from './result';

/** Where and on what the figures were taken: a rerun on another machine describes itself. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
  sqlite: string;
}

export function describeMachine(): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    sqlite: SQLITE_VERSION,
  };
}

/** Prints a line to the console as the benchmark goes (the lint rule keeps console.log out of the code). */
export function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

export function tableMarkdown(table: BenchTable): string {
  const row = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
  return [row(table.columns), row(table.columns.map(() => '---')), ...table.rows.map(row)].join('\n');
}

/** A fixed-width rendering for the console. */
export function tableText(table: BenchTable): string {
  const cells = [table.columns, ...table.rows].map((cells) => cells.map(String));
  const widths = table.columns.map((_, i) => Math.max(...cells.map((row) => row[i]?.length ?? 0)));
  const line = (row: string[]) => row.map((cell, i) => cell.padStart(widths[i])).join('  ');
  return [table.title, line(cells[0]), ...cells.slice(1).map(line)].join('\n');
}

/** One benchmark's section of the Markdown report: summary, tables, targets and notes. */
export function resultMarkdown(result: BenchResult): string {
  const parts = [`**${result.summary}**`];
  for (const table of result.tables) parts.push(`*${table.title}*\n\n${tableMarkdown(table)}`);
  if (result.targets.length > 0) {
    parts.push(
      result.targets
        .map((target) => `- ${target.met ? 'met' : '**NOT met**'}: ${target.name} (${target.value})`)
        .join('\n'),
    );
  }
  if (result.notes.length > 0) parts.push(result.notes.map((note) => `- ${note}`).join('\n'));
  return parts.join('\n\n');
}

export function machineMarkdown(machine: Machine, startedAt: Date, smoke: boolean): string {
  return [
    `- Run: ${startedAt.toISOString()}${smoke ? ' (smoke: tiny rates and durations, figures not meaningful)' : ''}`,
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.platform}`,
    `- Node ${machine.node}, SQLite ${machine.sqlite} (node sqlite3)`,
  ].join('\n');
}
