import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { installGlobalShortcuts } from './app/globalShortcuts';
import { applyRememberedTheme } from './app/useTheme';
import { subscribeToLedgerEvents } from './lib/api';
import { queryClient } from './lib/queryClient';
import './styles/index.css';

applyRememberedTheme();
installGlobalShortcuts();
subscribeToLedgerEvents(queryClient);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>
);
