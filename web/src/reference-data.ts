import { useQuery } from '@tanstack/react-query';
import { dataOf } from './api/client';
import type { components } from './api/schema';
import { useApp } from './app-context';
import type { Names } from './contacts/contact-words';

export type Me = components['schemas']['MeResponse'];

/** Reference data changes rarely: read once a session, kept for an hour. */
const REFERENCE = { staleTime: 60 * 60 * 1000, gcTime: 60 * 60 * 1000 } as const;

/** The signed-in user, their organisation and roles (GET /me). */
export function useMe() {
  const { api } = useApp();
  return useQuery({ queryKey: ['me'], queryFn: () => dataOf(api.GET('/api/v1/me')), ...REFERENCE });
}

/** Who may log DTL and ISO contacts here: a shipper's CONTACT_USER (the API decides; this only hides the way in). */
export function canLogContacts(me: Me): boolean {
  return me.organisation.type === 'SHIPPER' && me.roles.includes('CONTACT_USER');
}

export function useOrganisations() {
  const { api } = useApp();
  return useQuery({
    queryKey: ['organisations'],
    queryFn: () => dataOf(api.GET('/api/v1/organisations')),
    ...REFERENCE,
  });
}

export function useMeterPointStatuses() {
  const { api } = useApp();
  return useQuery({
    queryKey: ['meter-point-statuses'],
    queryFn: () => dataOf(api.GET('/api/v1/meter-point-statuses')),
    ...REFERENCE,
  });
}

export function useContactTypes() {
  const { api } = useApp();
  return useQuery({
    queryKey: ['contact-types'],
    queryFn: () => dataOf(api.GET('/api/v1/contact-types')),
    ...REFERENCE,
  });
}

/** Organisations and meter point statuses by name, from the API's directory and reference list; a code until they load. */
export function useNames(): Names {
  const organisations = useOrganisations().data?.items ?? [];
  const statuses = useMeterPointStatuses().data?.items ?? [];
  return {
    organisation: (id) =>
      organisations.find((organisation) => organisation.id === id)?.name ??
      (id ? 'another organisation' : 'no organisation'),
    meterPointStatus: (code) => statuses.find((status) => status.code === code)?.name ?? code ?? 'unknown',
  };
}
