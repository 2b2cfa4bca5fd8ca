import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizePhone } from './phone.ts';

test('a mobile number in any of the ways people write it has one form', () => {
  for (const written of ['+86 138 1234 5678', '0086-138-1234-5678', '138-1234-5678', '(+86)13812345678', '８６１３８１２３４５６７８', '13812345678', '（+86）138 1234 5678', '+86 138.1234.5678']) {
    assert.equal(normalizePhone(written), '13812345678', written);
  }
});

test('a landline keeps its area code, before a hyphen, where landlines are accepted', () => {
  const cases: [string, string | null][] = [
    ['0435-4222000', '0435-4222000'],
    ['04354222000', '0435-4222000'],
    ['(0435) 422 2000', '0435-4222000'],
    ['+86 435 4222000', '0435-4222000'],
    ['010-12345678', '010-12345678'],
    ['+86 10 12345678', '010-12345678'],
    ['0435-42220', null],
    ['4222000', null],
  ];
  for (const [written, want] of cases) assert.equal(normalizePhone(written, true), want, written);
  assert.equal(normalizePhone('0435-4222000'), null, 'a mobile field takes no landline');
});

test('what is not a phone number is refused', () => {
  for (const written of ['', '12345', '+1 415 555 0100', '138123456789', '1381234567x', '+86 238 1234 5678']) {
    assert.equal(normalizePhone(written, true), null, written);
  }
});
