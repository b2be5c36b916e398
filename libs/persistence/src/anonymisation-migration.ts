/**
 * Building blocks of the retention migrations (README "Retention"): the SQL every service that holds
 * a contact's personal data needs to replace it with a fixed marker, its append-only audit included.
 * What a migration ran is history: these functions never change what they write; a different shape
 * is a new function beside them.
 */

/**
 * The role the audit anonymisation runs as, and the only one an append-only audit table lets UPDATE
 * it: it can log in nowhere, and nobody is made a member of it, so no connection can become it; only
 * a SECURITY DEFINER function it owns runs as it. Cluster-wide (each database grants it its own).
 */
export const AUDIT_ANONYMISER_ROLE = 'cms_audit_anonymiser';

/**
 * `cms_redacted(value jsonb, paths text[], marker text)`: `value` with every string at or below each
 * path (dot-separated keys, e.g. `details.originatorContact`) replaced by `marker`. Numbers,
 * booleans and nulls are kept, so shapes, flags and counts read as before, and a path `value` does
 * not have is passed over. `cms_redacted_strings(value, marker)` is the replacement below one point.
 */
export function redactionFunctionsUp(): string[] {
  return [
    `CREATE OR REPLACE FUNCTION cms_redacted_strings(value jsonb, marker text) RETURNS jsonb
       LANGUAGE plpgsql IMMUTABLE AS $$
     BEGIN
       CASE jsonb_typeof(value)
         WHEN 'string' THEN RETURN to_jsonb(marker);
         WHEN 'object' THEN
           RETURN (SELECT coalesce(jsonb_object_agg(key, cms_redacted_strings(item, marker)), '{}'::jsonb)
                     FROM jsonb_each(value) AS entry(key, item));
         WHEN 'array' THEN
           RETURN (SELECT coalesce(jsonb_agg(cms_redacted_strings(item, marker) ORDER BY position), '[]'::jsonb)
                     FROM jsonb_array_elements(value) WITH ORDINALITY AS element(item, position));
         ELSE RETURN value;
       END CASE;
     END $$`,
    `CREATE OR REPLACE FUNCTION cms_redacted(value jsonb, paths text[], marker text) RETURNS jsonb
       LANGUAGE plpgsql IMMUTABLE AS $$
     DECLARE
       path text;
       result jsonb := value;
     BEGIN
       IF value IS NULL THEN RETURN NULL; END IF;
       FOREACH path IN ARRAY paths LOOP
         IF result #> string_to_array(path, '.') IS NOT NULL THEN
           result := jsonb_set(result, string_to_array(path, '.'), cms_redacted_strings(result #> string_to_array(path, '.'), marker));
         END IF;
       END LOOP;
       RETURN result;
     END $$`,
  ];
}

export function redactionFunctionsDown(): string[] {
  return ['DROP FUNCTION cms_redacted(jsonb, text[], text)', 'DROP FUNCTION cms_redacted_strings(jsonb, text)'];
}

/** An append-only audit table whose rows name their contact by `crn`, and the jsonb columns that may copy its personal data. */
export interface AnonymisableAudit {
  table: string;
  jsonColumns: readonly string[];
  /** The trigger function that refuses every change today (its migration's name for it). */
  appendOnlyFunction: string;
}

/** `anonymise_<table>(crn, paths, marker)`: the one path that changes the audit table (see anonymisableAuditUp). */
export function auditAnonymisationFunction(table: string): string {
  return `anonymise_${table}`;
}

/**
 * Lets exactly one thing change an append-only audit table: the retention sweep's replacement of a
 * contact's personal data with the marker (docs/quality.md "Security": the audit is append-only).
 *
 * - The trigger function keeps refusing DELETE and TRUNCATE, and refuses UPDATE unless the statement
 *   runs as AUDIT_ANONYMISER_ROLE. The service's own role is not that role and cannot become it,
 *   so a plain `UPDATE <table>` is refused as before, whoever the service connects as.
 * - `anonymise_<table>(crn text, paths text[], marker text)` is SECURITY DEFINER, owned by that
 *   role: the only code that runs as it. It can write nothing but `cms_redacted` of the columns
 *   already there (the marker at the paths given) on one contact's rows, and returns how many rows
 *   it changed. EXECUTE is the service role's only.
 * - The role holds SELECT on `crn` and the jsonb columns and UPDATE on the jsonb columns, nothing else.
 *
 * The function's owner must have CREATE on the schema when it is given the function: granted for
 * that statement and taken back at once (ownership stays). The service's role is a superuser
 * wherever CMS runs today; any other role must administer AUDIT_ANONYMISER_ROLE (it created it,
 * with CREATEROLE, or a DBA granted it WITH ADMIN TRUE, INHERIT FALSE, SET FALSE): it becomes a
 * member for the one statement that needs it, then stops being one. (The tables' owner can always
 * drop a trigger: the rule keeps the application's statements out, not the owner.)
 */
export function anonymisableAuditUp(audit: AnonymisableAudit): string[] {
  const role = AUDIT_ANONYMISER_ROLE;
  const columns = audit.jsonColumns.join(', ');
  const anonymise = auditAnonymisationFunction(audit.table);
  return [
    `DO $$
     BEGIN
       IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
         BEGIN
           CREATE ROLE ${role} NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
         EXCEPTION WHEN duplicate_object OR unique_violation THEN
           NULL; -- another database on this server created it at the same moment
         END;
       END IF;
     END $$`,
    `GRANT SELECT (crn, ${columns}), UPDATE (${columns}) ON ${audit.table} TO ${role}`,
    // BEFORE ... FOR EACH ROW needs NEW back to let the update through; a statement trigger ignores it.
    `CREATE OR REPLACE FUNCTION ${audit.appendOnlyFunction}() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP = 'UPDATE' AND current_user = '${role}' THEN
         RETURN NEW;
       END IF;
       RAISE EXCEPTION '${audit.table} is append-only: % is not allowed', TG_OP
         USING ERRCODE = 'insufficient_privilege',
               HINT = 'Audit records can be added, never changed or removed; only the retention sweep replaces personal data in them.';
     END $$`,
    `CREATE FUNCTION ${anonymise}(contact_crn text, paths text[], marker text) RETURNS bigint
       LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
     DECLARE
       changed bigint;
     BEGIN
       UPDATE ${audit.table}
          SET ${audit.jsonColumns.map((column) => `${column} = cms_redacted(${column}, paths, marker)`).join(', ')}
        WHERE crn = contact_crn;
       GET DIAGNOSTICS changed = ROW_COUNT;
       RETURN changed;
     END $$`,
    `REVOKE ALL ON FUNCTION ${anonymise}(text, text[], text) FROM PUBLIC`,
    `DO $$
     DECLARE
       service_role text := current_user;
       became_member boolean := false;
     BEGIN
       -- Giving the function to the role needs membership of it: a superuser has it; another role
       -- that administers it (it created the role, or a DBA made it so) takes it for this statement only.
       IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AND NOT pg_has_role(current_user, '${role}', 'SET') THEN
         GRANT ${role} TO CURRENT_USER WITH INHERIT FALSE, SET TRUE;
         became_member := true;
       END IF;
       EXECUTE format('GRANT CREATE ON SCHEMA %I TO ${role}', current_schema());
       ALTER FUNCTION ${anonymise}(text, text[], text) OWNER TO ${role};
       EXECUTE format('REVOKE CREATE ON SCHEMA %I FROM ${role}', current_schema());
       -- EXECUTE for the service's role, granted by the new owner: a grant made by the old one would
       -- have passed to the new owner with the function.
       SET LOCAL ROLE ${role};
       EXECUTE format('GRANT EXECUTE ON FUNCTION ${anonymise}(text, text[], text) TO %I', service_role);
       RESET ROLE;
       IF became_member THEN
         REVOKE ${role} FROM CURRENT_USER;
       END IF;
     END $$`,
  ];
}

/** Undoes anonymisableAuditUp: the audit refuses every change again. The role is shared by every database on the server: left in place. */
export function anonymisableAuditDown(audit: AnonymisableAudit): string[] {
  return [
    `DROP FUNCTION ${auditAnonymisationFunction(audit.table)}(text, text[], text)`,
    `CREATE OR REPLACE FUNCTION ${audit.appendOnlyFunction}() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       RAISE EXCEPTION '${audit.table} is append-only: % is not allowed', TG_OP
         USING ERRCODE = 'insufficient_privilege',
               HINT = 'Audit records can be added, never changed or removed.';
     END $$`,
    `REVOKE ALL ON ${audit.table} FROM ${AUDIT_ANONYMISER_ROLE}`,
  ];
}
