import { createContext, useContext } from 'react';
import type { ApiClient } from './api/client';
import type { Session } from './session/session';

export interface AppServices {
  session: Session;
  api: ApiClient;
}

export const AppContext = createContext<AppServices | null>(null);

/** The session and the API client of the running app (main.tsx provides them). */
export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useApp outside the app');
  return services;
}
