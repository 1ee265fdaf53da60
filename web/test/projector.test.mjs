import test from 'node:test';
import assert from 'node:assert/strict';
import { codeGroups } from '../js/views/projector.js';

test('the join code in groups of four, upper case; a lone last character joins the group before it', () => {
  assert.deepEqual(codeGroups('k3f9q2x7m1'), ['K3F9', 'Q2X7', 'M1']);
  assert.deepEqual(codeGroups('1tywbnf7j1wg6'), ['1TYW', 'BNF7', 'J1WG6']);
  assert.deepEqual(codeGroups('abcdefghijklmnop'), ['ABCD', 'EFGH', 'IJKL', 'MNOP']);
  assert.deepEqual(codeGroups('a'), ['A']);
});
