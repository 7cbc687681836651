// What `npm test` needs besides npm packages, found once and named in one line when missing:
// a Chromium for the end-to-end and HTML-report tests, and Go >= 1.22 for the oracle and fixture
// tests. `node test/support/prerequisites.mjs` runs first in `npm test`, so a machine without
// them stops before the suites with what to install, not with a stack trace per test.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/**
 * The Chromium the tests drive: $CHROMIUM_PATH when set (an explicit choice wins), else
 * Playwright's own download (`npx playwright install chromium`), else Debian's /usr/bin/chromium.
 * @returns {string | undefined}
 */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  try {
    const own = require('playwright-core').chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // playwright-core knows no build for this platform: fall through to the system package
  }
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** @returns {string | undefined} `go version` output when Go >= 1.22 is on PATH. */
export function goVersion() {
  try {
    const out = execFileSync('go', ['version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const m = /go(\d+)\.(\d+)/.exec(out);
    if (m && (Number(m[1]) > 1 || Number(m[2]) >= 22)) return out.trim();
  } catch {
    // not installed
  }
  return undefined;
}

/** One line per missing prerequisite, saying what to install; empty when all are present. */
export function missingPrerequisites() {
  const missing = [];
  if (!findChromium()) {
    const where = process.env.CHROMIUM_PATH ? ` (CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist)` : '';
    missing.push(
      `No Chromium found${where}: run \`npx playwright install chromium\`, or install your distribution's package (Debian/Ubuntu: \`apt-get install chromium\`), or set CHROMIUM_PATH.`,
    );
  }
  if (!goVersion()) missing.push('Go >= 1.22 not found on PATH: install it from https://go.dev/dl (Debian bookworm-backports: `apt-get install golang-1.23-go`, then put /usr/lib/go-1.23/bin on PATH).');
  return missing;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const missing = missingPrerequisites();
  for (const line of missing) console.error(`npm test: ${line}`);
  if (missing.length > 0) process.exit(1);
  console.log(`npm test: Chromium ${findChromium()}, ${goVersion()}`);
}
