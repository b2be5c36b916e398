import type { DataSource, EntityManager } from 'typeorm';
import type { Caller } from '@cms/auth';

/**
 * The database role every read on behalf of a caller runs as, in every service that holds contact
 * data: SELECT only, and bound by the row-level security policies each service's migrations put on
 * its tables (contact-logging's contact-row-level-security migration created it first; one
 * cluster-wide role, each database granting it SELECT on its own tables).
 */
export const CALLER_READER_ROLE = 'cms_contact_reader';

/**
 * Runs `read` in one transaction as the caller: a single statement first switches to
 * `cms_contact_reader` and sets `cms.organisation_id` and `cms.organisation_type` from the verified
 * token, all transaction-local (they end with the transaction, so a pooled connection never carries
 * one caller's scope into the next). Whatever `read` queries, the database itself returns only rows
 * the caller's organisation may see: the second wall behind the application's own filter.
 */
export async function readAsCaller<T>(
  dataSource: DataSource,
  caller: Pick<Caller, 'organisationId' | 'organisationType'>,
  read: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  // REPEATABLE READ: a read of several statements (a contact, its history, what it waits on) sees
  // one snapshot, never half of a change that commits in between.
  return dataSource.transaction('REPEATABLE READ', async (manager) => {
    await manager.query(
      `SELECT set_config('role', $1, true), set_config('cms.organisation_id', $2, true), set_config('cms.organisation_type', $3, true)`,
      [CALLER_READER_ROLE, caller.organisationId, caller.organisationType],
    );
    return read(manager);
  });
}
