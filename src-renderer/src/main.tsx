import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHashRouter, RouterProvider } from 'react-router';
import { App } from './App';
import { ClockProvider } from './clock';
import { UnsavedChangesProvider } from './components/UnsavedChanges';
import './styles/base.css';

const queryClient = new QueryClient({
  defaultOptions: {
    // Local data: no network to retry, and a refetch on focus would only flicker.
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 },
    mutations: { retry: false },
  },
});

/*
 * A data router (addressed by the hash, so every route is the one page the
 * app scheme serves) only so that
 * a form with unsaved changes can hold a navigation and ask; the screens
 * themselves stay in App's <Routes>.
 */
const router = createHashRouter([
  {
    path: '*',
    element: (
      <ClockProvider>
        <UnsavedChangesProvider>
          <App />
        </UnsavedChangesProvider>
      </ClockProvider>
    ),
  },
]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
