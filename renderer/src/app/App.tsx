import { CategoriesScreen } from '../features/categories/CategoriesScreen';
import { ExpensesScreen } from '../features/expenses/ExpensesScreen';
import { InboxScreen } from '../features/inbox/InboxScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { DialogHost } from '../ui/DialogHost';
import { Toaster } from '../ui/Toaster';
import { ErrorBoundary } from './ErrorBoundary';
import { HelpDialog } from './HelpDialog';
import { useNavigation, type Screen } from './navigation';
import { Sidebar } from './Sidebar';
import { useTheme } from './useTheme';

const SCREEN: Record<Screen, () => React.JSX.Element> = {
  inbox: InboxScreen,
  expenses: ExpensesScreen,
  categories: CategoriesScreen,
  settings: SettingsScreen,
};

export function App() {
  useTheme();
  const screen = useNavigation((s) => s.screen);
  const helpOpen = useNavigation((s) => s.helpOpen);
  const Current = SCREEN[screen];

  return (
    <div className="app">
      <Sidebar />
      <main className="app__main" data-screen={screen}>
        <ErrorBoundary resetKey={screen}>
          <Current />
        </ErrorBoundary>
      </main>
      {helpOpen && <HelpDialog />}
      <DialogHost />
      <Toaster />
    </div>
  );
}
