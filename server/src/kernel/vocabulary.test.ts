import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as OpenCC from 'opencc-js/cn2t';
import { openApiDocument } from '../../../scripts/api-types.ts';
import { GROUPS_KEY, TERMS_KEY, vocabularies } from './vocabulary.ts';

const HAN = /\p{Script=Han}/u;

test('every vocabulary has unique values and its words in zh-CN, zh-TW and English', async () => {
  await openApiDocument(); // loads every module, so every vocabulary is declared
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const all = vocabularies();
  assert.ok(all.length >= 5, 'the modules declare their sets as vocabularies');
  for (const v of all) {
    assert.equal(new Set(v.values).size, v.values.length, `${v.id}: values are unique`);
    for (const t of v.terms) {
      const at = `${v.id}.${t.value}`;
      assert.match(t.zh, HAN, `${at} has a Chinese label`);
      assert.match(t.tw ?? toTraditional(t.zh), HAN, `${at} has a Traditional label`);
      assert.ok(t.en.trim() && !HAN.test(t.en), `${at} has an English label`);
    }
  }
});

test('the OpenAPI document names each vocabulary and the shared objects as components, and routes refer to them', async () => {
  const doc = await openApiDocument();
  const schemas = doc.components!.schemas as Record<string, Record<string, unknown>>;
  for (const v of vocabularies()) {
    assert.deepEqual(schemas[v.id]?.enum, [...v.values], `${v.id} is a named enum`);
    assert.deepEqual(schemas[v.id]?.[TERMS_KEY], v.terms, `${v.id} carries its terms`);
    assert.equal(schemas[`${v.id}Input`], undefined, `${v.id} is one component for requests and responses`);
  }
  assert.ok(schemas.OrgKind?.[GROUPS_KEY], 'the organization kind groups are published with the kinds');
  for (const shared of ['Error', 'Org', 'Person', 'Need', 'Activity', 'Resource', 'User']) assert.equal(schemas[shared]?.type, 'object', `${shared} is a named object`);
  for (const status of ['400', '401', '403', '404', '500']) assert.ok(doc.components!.responses?.[`Error${status}`], `the usual ${status} answer is named once`);
  const text = JSON.stringify(doc.paths);
  assert.ok(text.includes('"#/components/schemas/NeedStatus"'), 'needs refer to the named status');
  assert.ok(!text.includes('"enum":["submitted"'), 'no route restates the need statuses inline');
  assert.ok(text.includes('"#/components/schemas/Need"') && text.includes('"#/components/responses/Error404"'), 'routes refer to the named need and answers');
});
