// modesl 1.2.1 esl.Server as an outbound controller: the switch connects here for each new call. It prints the
// channel it was given, refuses the call with CALL_REJECTED (603), and exits 0; it gives up after 25 s.
// usage: node outbound-server.js <listen-port>
const esl = require('modesl');
const port = Number(process.argv[2]);
const say = (o) => console.log(JSON.stringify(o));
const timer = setTimeout(() => { say({ step: 'timeout' }); process.exit(1); }, 25000);
const server = new esl.Server({ host: '127.0.0.1', port, myevents: true }, () => say({ step: 'listening' }));
server.on('connection::ready', (conn) => {
  const info = conn.getInfo();
  say({ step: 'connect', uuid: info.getHeader('Unique-ID'), destination: info.getHeader('Caller-Destination-Number'),
        direction: info.getHeader('Call-Direction'), mode: info.getHeader('Socket-Mode') });
  conn.execute('hangup', 'CALL_REJECTED', () => {
    say({ step: 'hungup' });
    clearTimeout(timer);
    setTimeout(() => process.exit(0), 200);
  });
});
