import { Inject, Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { DataSource, EntityManager } from 'typeorm';

export const DATA_SOURCE = Symbol('DATA_SOURCE');

/**
 * Port (for use cases): runs `work` in one database transaction. Every repository and the event
 * outbox used inside take part in it without being handed anything (the transaction travels in the
 * async context), so a state change and its events commit together or not at all. Nested calls join
 * the transaction in progress.
 */
export abstract class Transactions {
  abstract run<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * For adapters (repositories): the service's database, and the EntityManager of the transaction in
 * progress, if any (`Transactions.run`), else one that runs each statement on its own.
 */
@Injectable()
export class Database {
  constructor(
    @Inject(DATA_SOURCE) readonly dataSource: DataSource,
    private readonly transactionHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  get manager(): EntityManager {
    return this.transactionHost.tx;
  }

  /** True inside `Transactions.run`. */
  get inTransaction(): boolean {
    return this.transactionHost.isTransactionActive();
  }

  query<T = unknown>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    return this.manager.query(sql, parameters);
  }
}

/** `Transactions` on nestjs-cls's transactional plugin (TypeORM adapter); opens an async context when there is none (an event, a start-up task). */
@Injectable()
export class ClsTransactions extends Transactions {
  constructor(
    private readonly cls: ClsService,
    private readonly transactionHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {
    super();
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    const inTransaction = () => this.transactionHost.withTransaction(work);
    return this.cls.isActive() ? inTransaction() : this.cls.run(inTransaction);
  }
}
