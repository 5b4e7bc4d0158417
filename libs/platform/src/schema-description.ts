import type { Pool } from 'pg';

/**
 * A stable text description of the public schema (tables, columns, constraints, indexes,
 * triggers, functions): what migrations produce, compared with a committed snapshot.
 */
export async function describeSchema(pool: Pool): Promise<string> {
  const sections: [string, string][] = [
    [
      'columns',
      `SELECT table_name || '.' || column_name || ' ' || data_type || CASE WHEN is_nullable = 'NO' THEN ' NOT NULL' ELSE '' END
              || COALESCE(' DEFAULT ' || column_default, '') || COALESCE(' ' || NULLIF(is_identity, 'NO') || ' identity', '') AS line
       FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
    ],
    [
      'constraints',
      `SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS line
       FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY conrelid::regclass::text, conname`,
    ],
    ['indexes', `SELECT indexdef AS line FROM pg_indexes WHERE schemaname = 'public' ORDER BY tablename, indexname`],
    [
      'triggers',
      `SELECT tgrelid::regclass::text || ' ' || tgname || ' ' || pg_get_triggerdef(oid) AS line
       FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgrelid::regclass::text, tgname`,
    ],
    [
      'row security',
      `SELECT tablename || ' ' || policyname || ' ' || cmd || ' to ' || array_to_string(roles, ',') || ' using ' || qual AS line
       FROM pg_policies WHERE schemaname = 'public' ORDER BY tablename, policyname`,
    ],
    [
      'functions',
      `SELECT proname || '(' || pg_get_function_identity_arguments(oid) || ')' AS line
       FROM pg_proc WHERE pronamespace = 'public'::regnamespace ORDER BY 1`,
    ],
  ];
  const parts: string[] = [];
  for (const [title, sql] of sections) {
    const { rows } = await pool.query<{ line: string }>(sql);
    parts.push(`## ${title}`, ...rows.map((r) => r.line), '');
  }
  return parts.join('\n');
}
