/**
 * The process entry point, for `npm start` and the `samachar` command alike
 * (`node dist/main.js <command>`; no command means `serve`). Nothing imports this file.
 */
import { runCli } from './cli/cli.ts';
import { ConfigError } from './config.ts';
import { StartupError } from './server.ts';

try {
  const args = process.argv.slice(2);
  const code = await runCli(args.length ? args : ['serve']);
  // -1: a server is running and stops on a signal.
  if (code >= 0) process.exit(code);
} catch (err) {
  // A bad setting, a database that cannot be opened, a port in use: the one line that says
  // what and where. Anything else is a bug, and its stack is what a report needs.
  if (err instanceof ConfigError || err instanceof StartupError) console.error(err.message);
  else console.error('Samachar stopped on an unexpected error:', err);
  process.exit(1);
}
