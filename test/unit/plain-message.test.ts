// Messages in the editor without literal backticks (core/plain-message.ts): code spans are put in quotes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plainMessage } from '../../server/src/core/index';

test('each code span is put in quotes; text without one is left alone', () => {
  assert.equal(
    plainMessage('This insertion is never closed; add `}` where it ends.'),
    'This insertion is never closed; add “}” where it ends.',
  );
  assert.equal(
    plainMessage('both as `^{…}` (2) and as `^<…>` (1); this one uses `^<`.'),
    'both as “^{…}” (2) and as “^<…>” (1); this one uses “^<”.',
  );
  assert.equal(plainMessage('Deletion: worrisome'), 'Deletion: worrisome');
});

test('a backtick with no partner stays as it is', () => {
  assert.equal(plainMessage('a `b` c ` d'), 'a “b” c ` d');
  assert.equal(plainMessage('`'), '`');
  assert.equal(plainMessage('``'), '“”');
});
