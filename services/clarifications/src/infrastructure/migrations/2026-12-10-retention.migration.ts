import type { MigrationInterface, QueryRunner } from 'typeorm';
import { anonymisableAuditDown, anonymisableAuditUp, redactionFunctionsDown, redactionFunctionsUp, type AnonymisableAudit } from '@cms/persistence';

const CLARIFICATION_AUDIT: AnonymisableAudit = { table: 'clarification_audit', jsonColumns: ['detail'], appendOnlyFunction: 'clarification_audit_append_only' };

/**
 * Retention (README "Retention"): `clarification_audit` stays append-only for everything but the
 * sweep, whose `anonymise_clarification_audit(crn, paths, marker)` is the one path that may put the
 * marker in a record's `detail` (libs/persistence, anonymisableAuditUp); `cms_redacted` does it.
 */
export class Retention1796860800000 implements MigrationInterface {
  name = 'Retention1796860800000';

  async up(runner: QueryRunner): Promise<void> {
    for (const statement of [...redactionFunctionsUp(), ...anonymisableAuditUp(CLARIFICATION_AUDIT)]) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of [...anonymisableAuditDown(CLARIFICATION_AUDIT), ...redactionFunctionsDown()]) await runner.query(statement);
  }
}
