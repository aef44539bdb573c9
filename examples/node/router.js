// The dialplan as a program, with npm modesl: 9196 = echo test, digits = ring user/<digits>, else UNALLOCATED_NUMBER.
// Usage: node router.js [--esl 127.0.0.1:8021] [--password ClueCon]   (one line per step on stdout)
const esl = require('modesl');
const arg = (name, def) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : def; };
const [host, port] = arg('--esl', '127.0.0.1:8021').split(':');
const conn = new esl.Connection(host, Number(port), arg('--password', 'ClueCon'), () => {
  conn.subscribe(['CHANNEL_PARK', 'CHANNEL_HANGUP'], () => console.log(`connected ${host}:${port}`));
});
const routed = new Set();
conn.on('error', (e) => { console.log(`connect-failed ${host}:${port} ${e.message}`); process.exit(3); });
conn.on('esl::event::auth::fail', () => { console.log('connect-failed auth'); process.exit(3); });
conn.on('esl::event::CHANNEL_HANGUP::*', (e) => routed.delete(e.getHeader('Unique-ID')));
conn.on('esl::event::CHANNEL_PARK::*', (e) => {
  const uuid = e.getHeader('Unique-ID'), dest = e.getHeader('Caller-Destination-Number');
  if (e.getHeader('Call-Direction') !== 'inbound' || routed.has(uuid)) return;
  routed.add(uuid);
  console.log(`park ${uuid} ${e.getHeader('Caller-Caller-ID-Number')} -> ${dest}`);
  const hangup = (cause) => conn.execute('hangup', cause, uuid, () => console.log(`hangup ${uuid} ${cause}`));
  if (dest === '9196') {
    conn.execute('answer', '', uuid, () => conn.execute('echo', '', uuid, (r) => {
      if (String(r.getHeader('Application-Response')).startsWith('-ERR')) conn.execute('playback', 'tone_stream://%(1000,500,440)', uuid, () => hangup('NORMAL_CLEARING'));
    }));
  } else if (/^[0-9]{2,15}$/.test(dest)) {
    console.log(`bridge ${uuid} user/${dest}`);
    conn.execute('bridge', `user/${dest}`, uuid, (r) => {
      const disposition = r.getHeader('variable_originate_disposition');
      if (disposition === 'call accepted' || r.getHeader('variable_DIALSTATUS') === 'SUCCESS') return console.log(`bridged ${uuid}`);
      const cause = r.getHeader('variable_originate_failed_cause') || disposition || 'NORMAL_TEMPORARY_FAILURE';
      console.log(`bridge-failed ${uuid} ${cause}`);
      hangup(cause);
    });
  } else hangup('UNALLOCATED_NUMBER');
});
process.on('SIGINT', () => { console.log('stopping'); conn.disconnect(); process.exit(0); });
