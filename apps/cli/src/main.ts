import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { loadPlatformConfigOrExit, requireSetting } from '@upops/config';
import { migrate } from './migrate.command';
import { rebuild } from './rebuild.command';
import { seedPlatform } from './seed.command';
import { start } from './start.command';

const USAGE = `usage: upops <command>
  start                  run api + worker (embedded database when DATABASE_URL is unset)
  migrate                apply pending migrations to DATABASE_URL
  setup                  migrate, load the Toolkit catalogue, and the demo accounts if UPOPS_DEMO_DATA (DATABASE_URL, JWT_SECRET)
  rebuild <subscription> clear a read model and replay every event into it (DATABASE_URL)`;

const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const config = loadPlatformConfigOrExit();
  switch (command) {
    case 'start':
      await start(config, print);
      return -1;
    case 'migrate':
      await migrate(requireSetting(config.database.url, 'DATABASE_URL', 'this command'), print);
      return 0;
    case 'setup': {
      const url = requireSetting(config.database.url, 'DATABASE_URL', 'this command');
      await migrate(url, print);
      // Seeding signs no token; the identity service only needs a secret to exist.
      await seedPlatform(url, config, config.identity.jwtSecret ?? randomBytes(48).toString('base64url'), print);
      return 0;
    }
    case 'rebuild':
      return rebuild(requireSetting(config.database.url, 'DATABASE_URL', 'this command'), args[0], print);
    default:
      process.stderr.write(`${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2))
  .then((code) => {
    if (code >= 0) process.exit(code);
  })
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
