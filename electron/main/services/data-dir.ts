import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Shoebox';

/** Where Electron's app.getPath('userData') points for this app, computed without Electron (for the CLI). */
export function osAppDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

/** An explicit flag wins, then SHOEBOX_DATA_DIR, then the OS application-data folder. */
export function resolveDataDir(options: { flag?: string; env?: NodeJS.ProcessEnv; fallback?: string } = {}): string {
  const env = options.env ?? process.env;
  return options.flag || env.SHOEBOX_DATA_DIR || options.fallback || osAppDataDir(process.platform, env);
}
