import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/client';
import { ApiProblem } from './api/problem';
import { App } from './app';
import { AppContext } from './app-context';
import { Session } from './session/session';
import './styles.css';

const session = new Session();
const api = createApiClient(session);
const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A problem the API stated (not found, forbidden, invalid) will not change by asking again.
      retry: (failures, error) =>
        failures < 2 && error instanceof ApiProblem && (error.status === 0 || error.status >= 500),
      refetchOnWindowFocus: false,
    },
  },
});
// What one user read is never shown to the next: the cache goes with the session.
session.subscribe(() => {
  if (session.getState().status === 'signed-out') queryClient.clear();
});
void session.restore();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <AppContext.Provider value={{ session, api }}>
        <App />
      </AppContext.Provider>
    </QueryClientProvider>
  </StrictMode>,
);
