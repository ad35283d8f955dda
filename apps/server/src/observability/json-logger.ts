import type { LoggerService } from '@nestjs/common';
import { redact, scrubText } from './redaction';
import { currentContext } from './request-context';

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface LoggerOptions {
  /** The most detailed level written: `info` writes info, warn and error. */
  level: LogLevel;
  /** `json`: one object per line for a log collector; `pretty`: one readable line for a person. */
  format: LogFormat;
  /** Where a finished line goes (tests capture it); by default errors and warnings to stderr, the rest to stdout. */
  write?: (line: string, level: LogLevel) => void;
}

/** A structured entry: a message and fields (`Logger.log({msg, ...fields})` from anywhere in the server). */
export interface LogEntry {
  msg: string;
  [field: string]: unknown;
}

const SEVERITY: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

const writeToConsole = (line: string, level: LogLevel): void => {
  (SEVERITY[level] <= SEVERITY.warn ? process.stderr : process.stdout).write(`${line}\n`);
};

/**
 * The server's logger (a Nest LoggerService, so Nest's own messages and every `new Logger(context)` come
 * here). Each line carries the time, level, message and context, plus the request id, branch and user of
 * the request or socket it was written for (from the AsyncLocalStorage request context), plus the
 * entry's own fields, all redacted (see redaction.ts). A disabled level costs one comparison.
 */
export class JsonLogger implements LoggerService {
  private readonly threshold: number;
  private readonly writeLine: (line: string, level: LogLevel) => void;

  constructor(private readonly options: LoggerOptions) {
    this.threshold = SEVERITY[options.level];
    this.writeLine = options.write ?? writeToConsole;
  }

  isEnabled(level: LogLevel): boolean {
    return SEVERITY[level] <= this.threshold;
  }

  log(message: unknown, ...params: unknown[]): void {
    this.fromNest('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.fromNest('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.fromNest('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.fromNest('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.fromNest('debug', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.fromNest('error', message, params);
  }

  /** Writes one entry at `level` (when enabled) for `context` (the component: `Http`, `LiveGateway`...). */
  write(level: LogLevel, context: string | undefined, entry: LogEntry): void {
    if (!this.isEnabled(level)) return;
    const request = currentContext();
    const { msg, ...fields } = entry;
    const record: Record<string, unknown> = {
      time: new Date().toISOString(),
      level,
      msg: scrubText(msg),
      context,
      requestId: request?.requestId,
      branch: request?.branch,
      user: request?.user,
      ...(redact(fields) as Record<string, unknown>),
    };
    this.writeLine(this.options.format === 'json' ? JSON.stringify(record) : pretty(record), level);
  }

  /**
   * Nest calls `log(message, ...params, context)`: the last string is the context, and an error's first
   * string after the message is its stack. A message may be text, an Error, or a LogEntry object.
   */
  private fromNest(level: LogLevel, message: unknown, params: unknown[]): void {
    if (!this.isEnabled(level)) return;
    const rest = [...params];
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const entry: LogEntry = toEntry(message);
    const stack = rest.find((param) => typeof param === 'string' && param.includes('\n'));
    if (typeof stack === 'string' && entry.stack === undefined) entry.stack = stack;
    this.write(level, context, entry);
  }
}

function toEntry(message: unknown): LogEntry {
  if (message instanceof Error) return { msg: message.message, error: message.name, stack: message.stack };
  if (typeof message === 'object' && message !== null) {
    const fields = message as Record<string, unknown>;
    return { ...fields, msg: typeof fields.msg === 'string' ? fields.msg : '' };
  }
  return { msg: String(message) };
}

/** `12:00:01.234 INFO  [Http] request requestId=... status=201`: one line for a person at a terminal. */
function pretty(record: Record<string, unknown>): string {
  const { time, level, msg, context, stack, ...fields } = record;
  const details = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const head = `${String(time).slice(11, 23)} ${String(level).toUpperCase().padEnd(5)} ${context ? `[${String(context)}] ` : ''}${String(msg)}`;
  const line = [head, ...details].join(' ');
  return typeof stack === 'string' ? `${line}\n${stack}` : line;
}
