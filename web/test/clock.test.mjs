import test from 'node:test';
import assert from 'node:assert/strict';
import { ClockOffset, offsetSample } from '../js/clock.js';

test('offset assumes the server stamped halfway through the round trip', () => {
  // client sent at 1000, server said 5050, answer back at 1100: server is 3 s 950 ms ahead
  assert.deepEqual(offsetSample(1000, 5050, 1100), { offset: 4000, rtt: 100 });
});

test('impossible samples are dropped', () => {
  assert.equal(offsetSample(1000, 5000, 900), null);
  assert.equal(offsetSample(NaN, 5000, 1100), null);
  const c = new ClockOffset();
  assert.equal(c.add(1000, 5000, 900), null);
  assert.equal(c.offset, 0);
});

test('the sample with the smallest round trip wins', () => {
  const c = new ClockOffset();
  c.add(0, 10_500, 1000);   // rtt 1000 → offset 10000
  c.add(2000, 12_020, 2040); // rtt 40 → offset 10000
  c.add(3000, 13_400, 3200); // rtt 200 → offset 10300
  assert.equal(c.best().rtt, 40);
  assert.equal(c.offset, 10000);
  assert.equal(c.serverNow(5000), 15000);
});

test('old samples fall out of the window', () => {
  const c = new ClockOffset(2);
  c.add(0, 100, 10);      // rtt 10, offset 95
  c.add(100, 700, 200);   // rtt 100, offset 550
  c.add(300, 900, 400);   // rtt 100, offset 550
  assert.equal(c.samples.length, 2);
  assert.equal(c.offset, 550);
});

test('no samples means no offset', () => {
  assert.equal(new ClockOffset().offset, 0);
});
