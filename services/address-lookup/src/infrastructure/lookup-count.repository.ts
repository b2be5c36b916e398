import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { runPrepared, type PreparedStatement } from '@cms/persistence';
import { DATA_SOURCE } from '@cms/service-defaults';
import type { LookupQuotas } from '../application/lookup-quotas.port';

/**
 * One statement counts the look-up and checks the limit: the row is created at 1, or raised by one
 * while under the limit; no row back means the limit was reached. Row locks make replicas counting
 * at once take turns.
 */
const TAKE: PreparedStatement = {
  name: 'lookup-count-take',
  text: `
  INSERT INTO lookup_count (holder, day, lookups) VALUES ($1, $2::date, 1)
  ON CONFLICT (holder, day) DO UPDATE SET lookups = lookup_count.lookups + 1
  WHERE lookup_count.lookups < $3
  RETURNING lookups`,
};

/** The look-ups each user made each day, in the service's database. */
@Injectable()
export class LookupCountRepository implements LookupQuotas {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async take(holder: string, day: string, limit: number): Promise<boolean> {
    const rows = await runPrepared(this.dataSource, TAKE, [holder, day, limit]);
    return rows.length === 1;
  }
}
