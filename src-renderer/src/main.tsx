import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router';
import { App } from './App';
import { ClockProvider } from './clock';
import './styles/base.css';

const queryClient = new QueryClient({
  defaultOptions: {
    // Local data: no network to retry, and a refetch on focus would only flicker.
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 },
    mutations: { retry: false },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <HashRouter>
        <ClockProvider>
          <App />
        </ClockProvider>
      </HashRouter>
    </QueryClientProvider>
  </StrictMode>,
);
