import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { isDomainError } from '@lobbyflow/domain';
import { AppModule } from '../app.module';
import { ConfigError, loadConfig } from '../config/app-config';
import { CustomersService } from '../customers/customers.service';

/**
 * `npm run import:customers -- --branch demo --file customers.csv`: the same import as the admin API,
 * for a nightly job. Exit code 0 when every row was imported, 1 when nothing was (the report says why).
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const index = args.indexOf(`--${name}`);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const branch = option('branch');
  const file = option('file');
  if (!branch || !file) {
    console.error('Usage: npm run import:customers -- --branch <code> --file <customers.csv>');
    return 2;
  }
  const config = loadConfig({ ...process.env, SEED_DEMO: 'false' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const report = await app.get(CustomersService).importCsv(branch, readFileSync(file, 'utf8'), null);
    process.stdout.write(
      `Imported ${report.rows} customers into ${branch}: ${report.created} new, ${report.updated} updated.\n`,
    );
    return 0;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    console.error(error.message);
    const rejected = (error.details?.rejected ?? []) as { row: number; field: string; message: string }[];
    for (const problem of rejected) console.error(`  row ${problem.row}, ${problem.field}: ${problem.message}`);
    return 1;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? `Cannot import: ${error.message}` : error);
    process.exit(1);
  },
);
