import type { Pool, PoolClient, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * A statement on a hot path, sent as a named prepared statement: PostgreSQL parses and plans it
 * once per connection and then only binds and runs it, where TypeORM's `query` makes the server
 * parse and plan the text on every call (for the contact insert, most of its cost). The name must
 * be unique per text within the process.
 */
export interface PreparedStatement {
  name: string;
  text: string;
}

/** The pg pool behind a TypeORM data source. */
function poolOf(dataSource: DataSource): Pool {
  return (dataSource.driver as unknown as { master: Pool }).master;
}

/** Runs a prepared statement on a connection of the data source's pool (one statement, its own transaction). */
export async function runPrepared<Row extends QueryResultRow>(dataSource: DataSource, statement: PreparedStatement, values: unknown[]): Promise<Row[]> {
  return (await poolOf(dataSource).query<Row>({ name: statement.name, text: statement.text, values })).rows;
}

/** Runs a prepared statement on a connection the caller holds. */
export async function runPreparedOn<Row extends QueryResultRow>(connection: PoolClient, statement: PreparedStatement, values: unknown[]): Promise<Row[]> {
  return (await connection.query<Row>({ name: statement.name, text: statement.text, values })).rows;
}
