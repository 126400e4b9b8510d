// Electron's binary comes from GitHub on first use. Fetch it at install time so
// `npm start` works at once for a user with internet; where the download cannot
// happen (CI, offline machines) the rest of the project still installs and tests.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD || process.env.CI) process.exit(0);

const require = createRequire(import.meta.url);
let installer;
try {
  installer = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
} catch {
  process.exit(0); // production install without devDependencies
}
if (!existsSync(installer)) process.exit(0);

const result = spawnSync(process.execPath, [installer], { stdio: 'pipe', timeout: 10 * 60_000 });
if (result.status !== 0) {
  console.warn(
    '[shoebox] The Electron binary could not be downloaded; tests, the CLI and the browser harness work without it.\n' +
      '[shoebox] `npm start` needs it: run `node node_modules/electron/install.js` once you are online.'
  );
}
