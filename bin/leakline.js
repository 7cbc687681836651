#!/usr/bin/env node
// Loads the built CLI (npm run build writes out/cli/main.js).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../out/cli/main.js', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('leakline: the CLI is not built yet. Run `npm run build` in the repository first.\n');
  process.exit(1);
}
const { runCli } = await import(pathToFileURL(built).href);
process.exitCode = await runCli(process.argv.slice(2));
