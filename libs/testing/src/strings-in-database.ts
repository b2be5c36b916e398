/** Runs a statement on a service's database (`ServiceUnderTest.sql`). */
type Sql = <T>(text: string, values?: unknown[]) => Promise<T[]>;

/** Where a string was found: the table, the column and the string. */
export interface StringFound {
  table: string;
  column: string;
  text: string;
}

/**
 * Every place in the database where one of `texts` still appears: every column of every table of
 * the service's schemas that can hold text (character types, text arrays, json, jsonb; each read as
 * its text), searched for each string, case-insensitively. For the retention tests (README
 * "Retention"): what a contact's anonymisation leaves must hold none of its original strings,
 * whichever table a future change adds them to. PostgreSQL's own catalogs are not searched.
 */
export async function stringsInDatabase(sql: Sql, texts: readonly string[]): Promise<StringFound[]> {
  const columns = await sql<{ table_schema: string; table_name: string; column_name: string }>(
    `SELECT c.table_schema, c.table_name, c.column_name
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE t.table_type = 'BASE TABLE'
        AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
        AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')
             OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar', '_bpchar')))
      ORDER BY c.table_schema, c.table_name, c.column_name`,
  );
  if (columns.length === 0) throw new Error('no column that can hold text: is this the service’s database?');
  const found: StringFound[] = [];
  for (const { table_schema: schema, table_name: table, column_name: column } of columns) {
    const qualified = `${quote(schema)}.${quote(table)}`;
    const rows = await sql<{ needle: string }>(
      `SELECT DISTINCT wanted.needle FROM ${qualified} AS searched, unnest($1::text[]) AS wanted(needle)
        WHERE strpos(lower(searched.${quote(column)}::text), lower(wanted.needle)) > 0`,
      [texts],
    );
    found.push(...rows.map((row) => ({ table: `${schema}.${table}`, column, text: row.needle })));
  }
  return found;
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
