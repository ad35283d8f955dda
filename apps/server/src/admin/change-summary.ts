/** The audit log's `reason` column holds this many characters. */
export const AUDIT_TEXT_LIMIT = 200;
/** A value longer than this is shown cut short: the log says what changed, the row is not a backup. */
const VALUE_LIMIT = 40;

/**
 * What an admin change did, field by field, for the audit log: `lifecycle.recallDelaySeconds: 30 → 45`,
 * `queues[1].weight: 1 → 5`. Objects and lists are followed down to their plain values. With no `before`
 * (a creation) every value is listed.
 */
export function describeChanges(before: object | null, after: object): string[] {
  const now = flatten(after);
  if (!before) return [...now].map(([path, value]) => `${path}: ${value}`);
  const old = flatten(before);
  const changes: string[] = [];
  for (const [path, value] of now) {
    if (old.get(path) !== value) changes.push(`${path}: ${old.get(path) ?? '(none)'} → ${value}`);
  }
  for (const [path, value] of old) {
    if (!now.has(path)) changes.push(`${path}: ${value} → (none)`);
  }
  return changes;
}

/** One line for the audit log: `subject: change; change`, cut to the column's size. */
export function auditText(subject: string, changes: readonly string[] = []): string {
  const text = changes.length > 0 ? `${subject}: ${changes.join('; ')}` : subject;
  return text.length <= AUDIT_TEXT_LIMIT ? text : `${text.slice(0, AUDIT_TEXT_LIMIT - 1)}…`;
}

function flatten(value: object, prefix = '', into = new Map<string, string>()): Map<string, string> {
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined) continue;
    const path = Array.isArray(value) ? `${prefix}[${key}]` : prefix ? `${prefix}.${key}` : key;
    if (field !== null && typeof field === 'object') flatten(field, path, into);
    else into.set(path, shorten(JSON.stringify(field)));
  }
  return into;
}

function shorten(text: string): string {
  return text.length <= VALUE_LIMIT ? text : `${text.slice(0, VALUE_LIMIT - 1)}…`;
}
