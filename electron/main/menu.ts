import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { EventName, MenuCommand } from '../../shared/contract';

/**
 * The native menu. Items that move around the UI do not touch the UI: they send a `menu.command`
 * event to the renderer, which navigates (the same event whatever the platform or shortcut).
 */
export const MENU_EVENT = 'menu.command' satisfies EventName;

export interface MenuOptions {
  appName: string;
  platform: NodeJS.Platform;
  /** Development build: adds reload and the developer tools. */
  dev: boolean;
  command(command: MenuCommand): void;
  showDataFolder(): void;
}

export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const send = (command: MenuCommand) => () => options.command(command);
  const settings: MenuItemConstructorOptions = {
    label: isMac ? 'Settings…' : 'Settings',
    accelerator: 'CmdOrCtrl+,',
    click: send('view.settings'),
  };

  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      settings,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'New Expense', accelerator: 'CmdOrCtrl+N', click: send('expense.new') },
      ...(isMac ? [] : [{ type: 'separator' } as const, settings]),
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const editMenu: MenuItemConstructorOptions = { role: 'editMenu' };

  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { label: 'Inbox', accelerator: 'CmdOrCtrl+1', click: send('view.inbox') },
      { label: 'Expenses', accelerator: 'CmdOrCtrl+2', click: send('view.expenses') },
      { label: 'Categories', accelerator: 'CmdOrCtrl+3', click: send('view.categories') },
      { type: 'separator' },
      ...(options.dev
        ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[])
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = { role: 'windowMenu' };

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ label: 'Show Data Folder', click: () => options.showDataFolder() }, ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'about' } as const])],
  };

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}

export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options)));
}
