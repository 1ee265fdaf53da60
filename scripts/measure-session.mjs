// Measures one realistic session against a running server: join→welcome for 12 clients
// (facilitator, 10 members, display) and command→every-client latency for 200 changes.
// Usage: node --experimental-websocket scripts/measure-session.mjs [http://127.0.0.1:8080] [metrics base]
// /metrics is on METRICS_PORT (9090, loopback) unless the server runs with METRICS_PUBLIC=true.
const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const metricsBase = process.argv[3] ?? 'http://127.0.0.1:9090';
const wsUrl = base.replace(/^http/, 'ws') + '/ws';
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p / 100 * s.length))]; };
const fmt = (xs) => `p50 ${pct(xs, 50).toFixed(2)} ms · p99 ${pct(xs, 99).toFixed(2)} ms · max ${Math.max(...xs).toFixed(2)} ms (n=${xs.length})`;

const created = await (await fetch(base + '/api/sessions', { method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ title: 'Measurement', template: 'first' }) })).json();

function client(join) {
  return new Promise((resolve) => {
    const ws = new WebSocket(wsUrl);
    const c = { ws, onState: null, joinMs: 0 };
    ws.onopen = () => { c.t0 = performance.now(); ws.send(JSON.stringify({ type: 'join', code: created.code, ...join })); };
    ws.onmessage = (e) => {
      const m = JSON.parse(e.data);
      if (m.type === 'welcome') { c.joinMs = performance.now() - c.t0; resolve(c); }
      if (m.type === 'state' && c.onState) c.onState(m.v);
      // A refusal would otherwise leave the measurement waiting for a version that never comes.
      if (m.type === 'error') { console.error('refused:', JSON.stringify(m)); process.exit(1); }
    };
  });
}

const joins = [];
const fac = await client({ name: 'Facilitator', key: created.facilitatorKey });
joins.push(fac.joinMs);
const clients = [fac];
for (let i = 0; i < 10; i++) { const c = await client({ name: 'Member ' + i }); joins.push(c.joinMs); clients.push(c); }
const display = await client({ role: 'display' });
joins.push(display.joinMs);
clients.push(display);

const latencies = [];
for (let k = 0; k < 200; k++) {
  const done = new Promise((resolve) => {
    let pending = clients.length, sent = 0;
    for (const c of clients) c.onState = () => { c.onState = null; if (--pending === 0) resolve(performance.now() - sent); };
    sent = performance.now();
    fac.ws.send(JSON.stringify({ type: 'setBoardPrompt', prompt: 'Prompt ' + k }));
  });
  latencies.push(await done);
  await new Promise((r) => setTimeout(r, 110)); // stay under a member's 10 changes/s (CommandBudget)
}
console.log(`join → welcome, 12 clients:            ${fmt(joins)}`);
console.log(`command → all 12 clients have it:        ${fmt(latencies)}`);
const metrics = await (await fetch(metricsBase + '/metrics')).text();
const sum = metrics.match(/^roundtable_fanout_seconds_sum (\S+)/m), count = metrics.match(/^roundtable_fanout_seconds_count (\S+)/m);
if (sum && count) console.log(`server fan-out per version (mean of ${count[1]}): ${(1e6 * sum[1] / count[1]).toFixed(1)} µs`);
for (const c of clients) c.ws.close();
