/**
 * PostgreSQL's jsonb refuses two things JSON itself allows: the NUL character and lone UTF-16
 * surrogates. Values kept as a record of what someone sent (a rejected submission, say) pass
 * through here first; each such character becomes U+FFFD, the replacement character.
 */
export function toStorableJson(value: unknown): unknown {
  if (typeof value === 'string') return value.toWellFormed().replace(/\u0000/g, '\uFFFD');
  if (Array.isArray(value)) return value.map(toStorableJson);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [toStorableJson(key) as string, toStorableJson(item)]));
  }
  return value;
}
