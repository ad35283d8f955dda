import 'reflect-metadata';
import { createApp } from './bootstrap';
import { ConfigError, loadConfig } from './config/app-config';
import { SeedService } from './seed/seed.service';
import { GracefulShutdown } from './shutdown/graceful-shutdown';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`LobbyFlow cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  let app;
  try {
    app = await createApp(config);
    await app.listen(config.port);
  } catch (error) {
    // A boot failure (bad seed file, database unreachable, port taken) is a message, not a stack trace.
    console.error(`LobbyFlow cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  // SIGTERM / SIGINT: finish what is in flight, tell the screens, close, exit 0 (or 1 past SHUTDOWN_TIMEOUT_MS).
  new GracefulShutdown(app, config.shutdownTimeoutMs).listen();
  const base = `http://localhost:${config.port}`;
  const demo = await app.get(SeedService).demoCredentials();
  const lines = [
    '',
    `LobbyFlow is running on ${base}`,
    `  API            ${base}/api   (docs: ${base}/api/docs)`,
    `  Health         ${base}/api/health`,
    `  Database       ${config.databaseUrl ? 'PostgreSQL' : config.databasePath}`,
  ];
  if (demo) {
    lines.push(
      '',
      `Demo branch "${demo.branchCode}"`,
      `  Staff logins   ${demo.usernames.join(', ')}`,
      `  Password       ${demo.password}`,
      ...demo.devices.map((device) => `  ${device.kind.padEnd(14)} ${device.key}   (${device.name})`),
      '',
      ...demo.devices.map(
        (device) => `  ${screenLabel(device.kind).padEnd(14)} ${base}${screenPath(device.kind)}#key=${device.key}`,
      ),
      `  Phone page     ${base}/t/<ticket token>   (the link in every issued ticket)`,
      `  Staff console  ${base}/staff   (sign in with a staff login above)`,
      '',
      `  Try: curl -s ${base}/api/branches/${demo.branchCode}/queue -H "Authorization: Bearer <display key>"`,
    );
  }
  // The banner goes to stdout as plain text: it is for the person who just typed `npm start`.
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

/** What the banner calls each device's screen, and where it is served. */
function screenLabel(kind: string): string {
  return kind === 'kiosk' ? 'Kiosk' : kind === 'display' ? 'Display board' : 'Rating pad';
}

function screenPath(kind: string): string {
  return kind === 'kiosk' ? '/kiosk' : kind === 'display' ? '/display' : '/pad';
}

void main();
