import { Injectable } from '@nestjs/common';
import { Database } from '@cms/service-defaults';
import type { ResolutionReasons } from '../application/resolution-reasons.port';
import type { ContactOutcome, ResolutionReason } from '../domain';

/** The resolution reasons of the reference data, in the table `resolution_reason`. */
@Injectable()
export class ResolutionReasonRepository implements ResolutionReasons {
  constructor(private readonly database: Database) {}

  async active(): Promise<ResolutionReason[]> {
    const rows = await this.database.query<{ code: string; label: string; outcome: ContactOutcome; automatic_only: boolean }>(
      `SELECT code, label, outcome, automatic_only FROM resolution_reason WHERE active ORDER BY position, code`,
    );
    return rows.map((row) => ({ code: row.code, label: row.label, outcome: row.outcome, automaticOnly: row.automatic_only }));
  }
}
