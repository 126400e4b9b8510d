import { isAbsolute, relative } from 'node:path';

/**
 * Which names the inbox never picks up: hidden files, system clutter, and the in-progress files of
 * browsers, sync clients and office programs. The same rules apply to files and to folders (a
 * hidden or temporary folder is skipped with everything inside it), and they are applied to every
 * level below the folder the user chose — never to that folder itself.
 *
 * The patterns, by who makes them:
 * - Everything starting with "." — Unix hidden files, macOS `.DS_Store` and `._name` resource
 *   forks, `.sb-…` safe-save files, Syncthing `.syncthing.name.tmp`, rsync `.name.XXXXXX`,
 *   Nextcloud/ownCloud `.name.~xxxx`, LibreOffice `.~lock.name#`, Dropbox `.dropbox.cache`, Google
 *   Drive `.tmp.drivedownload`, iCloud placeholders `.name.icloud`, NFS `.nfsXXXX`, FUSE
 *   `.fuse_hidden…`, GNOME `.goutputstream-…`, Resilio `.!sync` and the like.
 * - Office owner/lock files `~$name.docx`, Syncthing on Windows `~syncthing~name.tmp`, and backup
 *   copies ending in "~".
 * - In-progress downloads and transfers by suffix: `.tmp`, `.temp`, `.part` (Firefox,
 *   Transmission), `.partial` (Edge), `.crdownload` (Chrome), `.download` (Safari),
 *   `.opdownload` (Opera), `.filepart` (WinSCP), `.aria2`, `.!ut`/`.!qb`/`.!bt` (torrent
 *   clients), `.!sync`/`.syncpart`/`.synctemp` (Resilio Sync), `.swp`/`.swx` (vim).
 * - System clutter by name: `Thumbs.db`, `ehthumbs.db`, `desktop.ini`, `Icon\r`, `$RECYCLE.BIN`,
 *   `System Volume Information`, `lost+found`, `__MACOSX`, and a Synology NAS's `@eaDir`,
 *   `#recycle` and `#snapshot` folders (its `@eaDir` holds thumbnails that look like receipts).
 * - NTFS alternate data streams shown as files (`name:Zone.Identifier`) on WSL and Samba.
 */
const IGNORED_NAMES = new Set([
  'thumbs.db',
  'ehthumbs.db',
  'ehthumbs_vista.db',
  'desktop.ini',
  'icon\r',
  '$recycle.bin',
  'system volume information',
  'lost+found',
  '__macosx',
  '@eadir',
  '#recycle',
  '#snapshot',
]);

const IGNORED_PREFIXES = ['.', '~$', '~syncthing~'];

const IGNORED_SUFFIXES = [
  '~',
  '.tmp',
  '.temp',
  '.part',
  '.partial',
  '.crdownload',
  '.download',
  '.opdownload',
  '.filepart',
  '.aria2',
  '.!ut',
  '.!qb',
  '.!bt',
  '.!sync',
  '.syncpart',
  '.synctemp',
  '.swp',
  '.swx',
  ':zone.identifier',
];

/** The subfolder processed files are moved to; never watched. */
export const PROCESSED_DIR = 'processed';

/** How many folder levels below the inbox (or a dropped folder) are looked into. */
export const MAX_DEPTH = 8;

/** True for a file or folder name the inbox never picks up (see above). */
export function isIgnoredName(name: string): boolean {
  const lower = name.toLowerCase();
  if (IGNORED_NAMES.has(lower)) return true;
  if (IGNORED_PREFIXES.some((prefix) => lower.startsWith(prefix))) return true;
  return IGNORED_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}

/** Splits a relative path on both separators (Windows paths can carry either). */
export function pathSegments(relativePath: string): string[] {
  return relativePath.split(/[\\/]+/).filter(Boolean);
}

/**
 * True when `path` (anywhere below `root`) must not be picked up from the watched inbox: any
 * segment is an ignored name, or it lies in the top-level `processed/` folder (compared without
 * case, so `Processed/` is excluded too: on macOS and Windows they are the same folder). The root
 * itself and anything outside it are never ignored here.
 */
export function isIgnoredInInbox(root: string, path: string): boolean {
  const rel = relative(root, path);
  if (rel === '' || isAbsolute(rel)) return false;
  const parts = pathSegments(rel);
  if (parts[0] === '..') return false;
  if (parts[0]?.toLowerCase() === PROCESSED_DIR) return true;
  return parts.some(isIgnoredName);
}
