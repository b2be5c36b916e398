import type { OrganisationType } from '@cms/gas-market';
import type { Organisation } from '../domain/organisation';

/** Port: the market organisations. Inside `Transactions.run` every method takes part in the transaction. */
export interface Organisations {
  get(id: string): Promise<Organisation | undefined>;
  /** The directory, by type then name; optionally one type only. */
  list(type?: OrganisationType): Promise<Organisation[]>;
  /** Adds the organisation; a taken short code fails with a unique violation of `organisation_short_code_unique` and leaves the transaction usable. */
  insert(organisation: Organisation, now: Date): Promise<void>;
  /** Locks the organisation's row until the transaction ends: changes to one organisation's set of things take turns. */
  lock(id: string): Promise<void>;
}

export const ORGANISATIONS = Symbol('ORGANISATIONS');
