import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { API_SCHEMA_FILE, generateApiTypes } from '../../scripts/api-types.ts';

test('the web API types are generated from the current server schemas', async () => {
  const committed = readFileSync(API_SCHEMA_FILE, 'utf8');
  const fresh = await generateApiTypes();
  assert.ok(
    committed === fresh,
    'web/src/kernel/api-schema.ts is stale: the server API changed since it was generated. Run `npm run api-types` and commit the result (then fix whatever the web type-check reports).',
  );
});
