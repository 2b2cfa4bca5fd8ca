import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCharacter, parseIdNumber } from './idnumber.ts';

test('a valid 18-digit number gives the birth date and gender', () => {
  // The worked example of GB 11643-1999.
  assert.deepEqual(parseIdNumber('11010519491231002X'), { value: '11010519491231002X', birthDate: '1949-12-31', gender: 'female' });
  assert.deepEqual(parseIdNumber(' 110105 19491231 002x '), { value: '11010519491231002X', birthDate: '1949-12-31', gender: 'female' });
});

test('full-width digits are accepted', () => {
  assert.equal((parseIdNumber('１１０１０５１９４９１２３１００２Ｘ') as { value: string }).value, '11010519491231002X');
});

test('a legacy 15-digit number is converted to 18 digits with its check character', () => {
  const r = parseIdNumber('110105491231002');
  assert.deepEqual(r, { value: '11010519491231002X', birthDate: '1949-12-31', gender: 'female' });
});

test('a wrong check character, an impossible date or a wrong length is refused with a reason', () => {
  assert.match((parseIdNumber('110105194912310021') as { error: string }).error, /校验位/);
  const feb30 = `22010419900230123`;
  assert.match((parseIdNumber(feb30 + checkCharacter(feb30)) as { error: string }).error, /1990-02-30 不是有效日期/);
  assert.match((parseIdNumber('12345') as { error: string }).error, /18 位/);
  const future = `22010430000101123`;
  assert.match((parseIdNumber(future + checkCharacter(future)) as { error: string }).error, /不是有效日期/);
});
