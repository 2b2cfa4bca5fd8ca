import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { API_SCHEMA_FILE, VOCABULARIES_FILE, generateApiTypes, generateVocabularies, openApiDocument } from '../../scripts/api-types.ts';

test('the web API types and vocabularies are generated from the current server schemas', async () => {
  const document = await openApiDocument();
  const generated: [string, string][] = [[API_SCHEMA_FILE, await generateApiTypes(document)], [VOCABULARIES_FILE, await generateVocabularies(document)]];
  for (const [file, fresh] of generated) {
    assert.ok(
      readFileSync(file, 'utf8') === fresh,
      `${file} is stale: the server API changed since it was generated. Run \`npm run api-types\` and commit the result (then fix whatever the web type-check reports).`,
    );
  }
});
