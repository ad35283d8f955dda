import { JsonLogger, type LogLevel, type LoggerOptions } from './json-logger';
import { runInContext } from './request-context';

/** A logger whose lines land in an array. */
function capture(options: Omit<LoggerOptions, 'write'>) {
  const lines: { line: string; level: LogLevel }[] = [];
  const logger = new JsonLogger({ ...options, write: (line, level) => lines.push({ line, level }) });
  const parsed = () => lines.map(({ line }) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, parsed };
}

describe('JsonLogger', () => {
  it('writes one JSON object per line with time, level, message and context', () => {
    const { logger, parsed } = capture({ level: 'info', format: 'json' });
    logger.log('Mapped {/api/health, GET} route', 'RouterExplorer');
    expect(parsed()).toEqual([
      {
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        level: 'info',
        msg: 'Mapped {/api/health, GET} route',
        context: 'RouterExplorer',
      },
    ]);
  });

  it('writes nothing below its level, and maps Nest levels onto error, warn, info and debug', () => {
    const { logger, lines } = capture({ level: 'warn', format: 'json' });
    logger.log('starting', 'Boot');
    logger.debug('details', 'Boot');
    logger.verbose('more details', 'Boot');
    logger.warn('slow', 'Boot');
    logger.fatal('dead', 'Boot');
    expect(lines.map(({ level }) => level)).toEqual(['warn', 'error']);
  });

  it('carries the request id, branch and user of the request it is written for', () => {
    const { logger, parsed } = capture({ level: 'info', format: 'json' });
    runInContext({ requestId: 'req-1', branch: 'demo', user: 'staff:42' }, () =>
      logger.warn('commit slow', 'Commands'),
    );
    logger.warn('outside any request', 'Commands');
    expect(parsed()).toEqual([
      expect.objectContaining({ msg: 'commit slow', requestId: 'req-1', branch: 'demo', user: 'staff:42' }),
      expect.not.objectContaining({ requestId: expect.anything() }),
    ]);
  });

  it('takes structured entries, and an error with its stack', () => {
    const { logger, parsed } = capture({ level: 'info', format: 'json' });
    logger.log({ msg: 'request', method: 'POST', status: 201, durationMs: 3.2 }, 'Http');
    logger.error('Publishing failed', 'Error: boom\n    at publish (branch-commands.ts:70:11)', 'BranchCommands');
    logger.error(new TypeError('no such ticket'));
    expect(parsed()).toEqual([
      expect.objectContaining({ msg: 'request', method: 'POST', status: 201, durationMs: 3.2, context: 'Http' }),
      expect.objectContaining({
        level: 'error',
        msg: 'Publishing failed',
        context: 'BranchCommands',
        stack: expect.stringContaining('at publish'),
      }),
      expect.objectContaining({ msg: 'no such ticket', error: 'TypeError', stack: expect.any(String) }),
    ]);
  });

  it('never writes a secret field, a card, ID or phone number, a ticket link, a device key or a JWT', () => {
    const { logger, lines } = capture({ level: 'info', format: 'json' });
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';
    logger.log(
      {
        msg: 'lookup of 6222 0212 3456 7890 123 by 13812345678 (ID 11010519491231002X)',
        password: 'demo1234',
        headers: { Authorization: `Bearer ${jwt}` },
        customer: { idNumber: '6222021234567890123', idKind: 'card' },
        link: '/t/lft_AbCdEfGhIjKlMnOpQr',
        key: 'lfd_0123456789abcdefghij',
        body: { amount: 80000 },
      },
      'Http',
    );
    const [line] = lines.map(({ line }) => line);
    for (const secret of [
      '6222',
      '13812345678',
      '11010519491231002X',
      'demo1234',
      jwt,
      'lft_AbC',
      'lfd_012',
      '80000',
    ]) {
      expect(line).not.toContain(secret);
    }
    expect(JSON.parse(line)).toMatchObject({ customer: { idNumber: '[redacted]', idKind: 'card' } });
  });

  it('keeps ids whole: the digit groups of a UUID are not a card number', () => {
    const { logger, parsed } = capture({ level: 'info', format: 'json' });
    const id = '9349afe2-d0ac-4123-8555-409871612e3d';
    logger.log(`ticket ${id} called; card 6222-0212-3456-7890 seen`, 'Tickets');
    expect(parsed()[0].msg).toBe(`ticket ${id} called; card [redacted] seen`);
  });

  it('writes one readable line in the pretty format', () => {
    const { logger, lines } = capture({ level: 'info', format: 'pretty' });
    runInContext({ requestId: 'req-9' }, () => logger.log({ msg: 'request', status: 204 }, 'Http'));
    expect(lines[0].line).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO {2}\[Http\] request requestId=req-9 status=204$/);
  });
});
