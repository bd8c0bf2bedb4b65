/**
 * The process entry point, for `npm start` and the `samachar` command alike
 * (`node dist/main.js <command>`; no command means `serve`). Nothing imports this file.
 */
import { runCli } from './cli/cli.ts';
import { ConfigError } from './config.ts';

try {
  const args = process.argv.slice(2);
  const code = await runCli(args.length ? args : ['serve']);
  // -1: a server is running and stops on a signal.
  if (code >= 0) process.exit(code);
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
