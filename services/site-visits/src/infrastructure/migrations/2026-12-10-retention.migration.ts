import type { MigrationInterface, QueryRunner } from 'typeorm';
import { anonymisableAuditDown, anonymisableAuditUp, redactionFunctionsDown, redactionFunctionsUp, type AnonymisableAudit } from '@cms/persistence';

const SITE_VISIT_AUDIT: AnonymisableAudit = { table: 'site_visit_audit', jsonColumns: ['before', 'after'], appendOnlyFunction: 'site_visit_audit_is_append_only' };

/**
 * Retention (README "Retention"): `site_visit_audit` stays append-only for everything but the sweep,
 * whose `anonymise_site_visit_audit(crn, paths, marker)` is the one path that may put the marker in
 * a record's copies of the visit (libs/persistence, anonymisableAuditUp); `cms_redacted` does it, in
 * the visits and the referral feed's kept outcomes too.
 */
export class Retention1796860800000 implements MigrationInterface {
  name = 'Retention1796860800000';

  async up(runner: QueryRunner): Promise<void> {
    for (const statement of [...redactionFunctionsUp(), ...anonymisableAuditUp(SITE_VISIT_AUDIT)]) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of [...anonymisableAuditDown(SITE_VISIT_AUDIT), ...redactionFunctionsDown()]) await runner.query(statement);
  }
}
