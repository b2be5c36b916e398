import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CRN_BLOCK_SIZE } from '../crn-allocator';

/**
 * CRNs are handed out a block at a time (see CrnAllocator): each call of nextval reserves the next
 * CRN_BLOCK_SIZE numbers. Numbers already issued stay below the first new block.
 */
export class CrnBlocks1795651800000 implements MigrationInterface {
  name = 'CrnBlocks1795651800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER SEQUENCE contact_crn_seq INCREMENT BY ${CRN_BLOCK_SIZE}`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER SEQUENCE contact_crn_seq INCREMENT BY 1`);
  }
}
