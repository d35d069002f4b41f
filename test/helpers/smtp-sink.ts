import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type SmtpSink = {
  url: string;
  port: number;
  /** Every message the server accepted, parsed. */
  messages: ParsedMail[];
  /** For each accepted message, whether it came over TLS. */
  secured: boolean[];
  /** How many connections clients opened. */
  connections: () => number;
  /** From now on refuse each recipient with this SMTP code (and message); null accepts again. */
  rejectWith: (code: number | null, message?: string) => void;
  close: () => Promise<void>;
};

type SinkOptions = {
  requireAuth?: { username: string; password: string };
  /** A certificate to offer: with STARTTLS, or from the first byte (smtps://) when `implicit`. */
  tls?: { key: string; cert: string; implicit?: boolean };
};

/** A real SMTP server on 127.0.0.1 with a free port, as a mail relay would be. */
export async function startSmtpSink(options: SinkOptions = {}): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  const secured: boolean[] = [];
  let connections = 0;
  let rejection: { code: number; message: string } | null = null;
  const server = new SMTPServer({
    logger: false,
    // Without a trusted certificate nodemailer would refuse the advertised STARTTLS upgrade.
    disabledCommands: [...(options.tls ? [] : ['STARTTLS']), ...(options.requireAuth ? [] : ['AUTH'])],
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert, secure: options.tls.implicit ?? false } : {}),
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    authOptional: !options.requireAuth,
    allowInsecureAuth: true,
    closeTimeout: 1_000,
    onAuth(auth, _session, callback) {
      const expected = options.requireAuth;
      if (expected && auth.username === expected.username && auth.password === expected.password) return callback(null, { user: auth.username });
      callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(_address, _session, callback) {
      if (!rejection) return callback();
      callback(Object.assign(new Error(rejection.message), { responseCode: rejection.code }));
    },
    onData(stream, session, callback) {
      simpleParser(stream).then((parsed) => {
        messages.push(parsed);
        secured.push(session.secure);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `${options.tls?.implicit ? 'smtps' : 'smtp'}://127.0.0.1:${port}`,
    port,
    messages,
    secured,
    connections: () => connections,
    rejectWith: (code, message = 'Try again later') => {
      rejection = code === null ? null : { code, message };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Waits (bounded) until the sink has received `count` messages; delivery may run in the background. */
export async function receivedMail(sink: SmtpSink, count: number, timeoutMs = 5000): Promise<ParsedMail[]> {
  for (let waited = 0; sink.messages.length < count && waited < timeoutMs; waited += 20) await new Promise((r) => setTimeout(r, 20));
  if (sink.messages.length < count) throw new Error(`expected ${count} messages, the SMTP server received ${sink.messages.length}`);
  return sink.messages;
}
