// modesl 1.2.1 against the switch: auth, api, bgapi with BACKGROUND_JOB, a json subscription to a CUSTOM
// subclass. Prints one JSON line per observation; the C# test asserts on them. Exits 0 when every step
// happened, 1 on a failure, and gives up after 20 s.
// usage: node esl-basics.js <esl-port> <password>
const esl = require('modesl');
const [port, password] = process.argv.slice(2);
const say = (o) => console.log(JSON.stringify(o));
const timer = setTimeout(() => { say({ step: 'timeout' }); process.exit(1); }, 20000);
const conn = new esl.Connection('127.0.0.1', Number(port), password, () => {
  say({ step: 'ready' });
  conn.api('status', (res) => {
    say({ step: 'api', body: res.getBody() });
    conn.bgapi('create_uuid', (job) => {
      say({ step: 'bgapi', jobUuid: job.getHeader('Job-UUID'), body: job.getBody(), command: job.getHeader('Job-Command') });
      conn.subscribe(['CUSTOM', 'sofia::register'], () => {
        say({ step: 'subscribed' });
      });
    });
  });
});
conn.on('esl::event::auth::fail', () => { say({ step: 'auth-fail' }); process.exit(1); });
conn.on('error', (e) => { say({ step: 'error', message: e.message }); process.exit(1); });
conn.on('esl::event::CUSTOM::*', (e) => {
  if (e.getHeader('Event-Subclass') !== 'sofia::register') return;
  say({ step: 'register', user: e.getHeader('from-user'), status: e.getHeader('status'), sequence: e.getHeader('Event-Sequence') });
  clearTimeout(timer);
  conn.disconnect();
  process.exit(0);
});
