import type { DataSource } from 'typeorm';
import { formatCrn } from '@cms/gas-market';

/** How many CRNs one call of the sequence reserves (the sequence's INCREMENT BY). */
export const CRN_BLOCK_SIZE = 50;

/**
 * Contact Reference Numbers from the database sequence `contact_crn_seq`, a block at a time: each
 * nextval reserves CRN_BLOCK_SIZE numbers for this process, which hands them out in turn. So a
 * contact's CRN is known before it is written, and the contact and its ContactLogged event go to
 * the database in one statement; the sequence is asked once per block rather than once per
 * contact. Several replicas each hold their own block, so CRNs are unique but not issued in time
 * order across replicas, and the numbers left in a block when a process stops are never used
 * (CRNs have gaps, as with any sequence).
 */
export class CrnAllocator {
  private nextNumber = 0;
  private blockEnd = 0;
  private refill?: Promise<void>;

  constructor(private readonly dataSource: DataSource) {}

  async next(): Promise<string> {
    while (this.nextNumber >= this.blockEnd) {
      // Concurrent callers share one refill instead of each reserving a block.
      this.refill ??= this.reserveBlock().finally(() => (this.refill = undefined));
      await this.refill;
    }
    return formatCrn(this.nextNumber++);
  }

  private async reserveBlock(): Promise<void> {
    const [{ first }]: { first: string }[] = await this.dataSource.query(`SELECT nextval('contact_crn_seq') AS first`);
    this.nextNumber = Number(first);
    this.blockEnd = this.nextNumber + CRN_BLOCK_SIZE;
  }
}
