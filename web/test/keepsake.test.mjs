import test from 'node:test';
import assert from 'node:assert/strict';
import { followUpOf, takeaway, takeawayFileName, takeawayText } from '../js/keepsake.js';
import { setLanguage } from '../js/i18n.js';

const state = {
  title: 'Leading through change',
  commitments: [
    { id: 'c1', memberId: 'm2', name: 'Ben', text: 'Ask for feedback', status: 'planned', note: '' },
    { id: 'c2', memberId: 'm1', name: 'Ana', text: 'Pair once a week', status: 'tried', note: 'twice so far' },
    { id: 'c3', memberId: 'm1', name: 'Ana', text: 'Say no to one meeting', status: 'planned', note: '' },
  ],
  followUp: { code: 'xyz', joinUrl: 'http://h/s/xyz', displayUrl: 'http://h/d/xyz', at: Date.UTC(2026, 11, 11, 17, 0) },
};

test('mine first, then the group’s; a display has only the group’s', () => {
  const k = takeaway(state, 'm1');
  assert.deepEqual(k.mine.map((c) => c.text), ['Pair once a week', 'Say no to one meeting']);
  assert.deepEqual(k.group, [{ name: 'Ben', text: 'Ask for feedback' }]);
  assert.deepEqual(k.followUp, { code: 'xyz', at: Date.UTC(2026, 11, 11, 17, 0) });
  assert.equal(takeaway(state, null).group.length, 3);
  assert.equal(takeaway(null, 'm1'), null);
});

test('a follow-up needs a code; its date may be unknown', () => {
  assert.equal(followUpOf({}), null);
  assert.equal(followUpOf({ followUp: null }), null);
  assert.equal(followUpOf({ followUp: { code: '' } }), null);
  assert.deepEqual(followUpOf({ followUp: { code: 'a', at: null } }), { code: 'a', at: null });
});

test('the Markdown text holds my commitments, the group’s and the next meeting with its link', () => {
  setLanguage('en');
  const text = takeawayText(takeaway(state, 'm1'), { origin: 'https://rt.example', timeZone: 'Europe/Berlin' });
  assert.equal(text, [
    '# What I will practise: Leading through change',
    '',
    '## Mine',
    '',
    '- Pair once a week — twice so far',
    '- Say no to one meeting',
    '',
    '## The group’s',
    '',
    '- Ben: Ask for feedback',
    '',
    '## Next meeting',
    '',
    'Friday, December 11, 2026 at 6:00 PM',
    'https://rt.example/s/xyz',
    '',
  ].join('\n'));
});

test('in German, with nothing of my own and no follow-up', () => {
  setLanguage('de');
  const text = takeawayText(takeaway({ title: 'Runde', commitments: [] }, 'm1'), { origin: 'x' });
  assert.match(text, /^# Was ich üben will: Runde\n/);
  assert.doesNotMatch(text, /http|x\/s/);
  setLanguage('en');
});

test('file names are plain letters, or the code', () => {
  assert.equal(takeawayFileName('Führung & Wandel', 'abc'), 'fuhrung-wandel-practice.md');
  assert.equal(takeawayFileName('???', 'abc'), 'roundtable-abc-practice.md');
});
