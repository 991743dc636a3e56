/** A short, readable summary of how two OpenAPI documents differ (for drift-check failures). */
type Json = Record<string, unknown>;

function parse(text: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return {};
  }
}

function section(doc: Json, ...keys: string[]): Record<string, unknown> {
  let value: unknown = doc;
  for (const key of keys) value = (value as Json | undefined)?.[key];
  return (value as Record<string, unknown> | undefined) ?? {};
}

function compare(label: string, before: Json, after: Json): string[] {
  const lines: string[] = [];
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const name of [...names].sort()) {
    if (!(name in before)) lines.push(`  + ${label} ${name}`);
    else if (!(name in after)) lines.push(`  - ${label} ${name}`);
    else if (JSON.stringify(before[name]) !== JSON.stringify(after[name])) {
      lines.push(`  ~ ${label} ${name}`);
    }
  }
  return lines;
}

export function describeDrift(committedText: string, freshText: string): string {
  const committed = parse(committedText);
  const fresh = parse(freshText);
  const lines = [
    ...compare('path', section(committed, 'paths'), section(fresh, 'paths')),
    ...compare(
      'schema',
      section(committed, 'components', 'schemas'),
      section(fresh, 'components', 'schemas'),
    ),
  ];
  const rest = { ...committed, paths: undefined, components: undefined };
  const freshRest = { ...fresh, paths: undefined, components: undefined };
  if (JSON.stringify(rest) !== JSON.stringify(freshRest))
    lines.push('  ~ info, tags, servers or security schemes');
  if (lines.length === 0) lines.push('  (formatting only)');
  return lines.join('\n');
}
