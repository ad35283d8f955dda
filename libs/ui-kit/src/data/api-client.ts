import type { ErrorBody } from '@lobbyflow/contracts';

/**
 * An API refusal, with the server's stable code (`NETWORK` when the server could not be reached) and the
 * facts it gave to act on (`{retryAfterSeconds}` for RECALL_TOO_SOON, `{heldBy}` for COUNTER_SEAT_TAKEN).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A request body sent as it is, with its own content type. */
class TextBody {
  constructor(
    readonly text: string,
    readonly contentType: string,
  ) {}
}

/**
 * The one place the UIs call HTTP from (Home Assistant's `data/` layer: components never fetch).
 * `baseUrl` is '' in a browser served by LobbyFlow itself.
 */
export class ApiClient {
  constructor(
    protected readonly baseUrl: string,
    protected readonly token: () => string | null,
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  protected get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  protected post<T>(path: string, body: object, headers: Record<string, string> = {}): Promise<T> {
    return this.request<T>('POST', path, body, headers);
  }

  protected patch<T>(path: string, body: object): Promise<T> {
    return this.request<T>('PATCH', path, body);
  }

  protected put<T>(path: string, body: object): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  protected delete<T>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }

  /** Posts a document as it is (a CSV file as `text/csv`), not as JSON. */
  protected postText<T>(path: string, text: string, contentType: string): Promise<T> {
    return this.request<T>('POST', path, new TextBody(text, contentType));
  }

  /** Reads an answer that is not JSON (a CSV export) as text. */
  protected getText(path: string): Promise<string> {
    return this.request<string>('GET', path, undefined, {}, 'text');
  }

  private async request<T>(
    method: string,
    path: string,
    body?: object,
    extra: Record<string, string> = {},
    answer: 'json' | 'text' = 'json',
  ): Promise<T> {
    const token = this.token();
    const contentType = body instanceof TextBody ? body.contentType : 'application/json';
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers: {
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...(body ? { 'Content-Type': contentType } : {}),
          ...extra,
        },
        body: body instanceof TextBody ? body.text : body ? JSON.stringify(body) : undefined,
      });
    } catch (error) {
      throw new ApiError(0, 'NETWORK', `The server could not be reached (${String(error)}).`);
    }
    if (response.ok && answer === 'text') return (await response.text()) as T;
    const payload: unknown = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) {
      const error = (payload ?? {}) as Partial<ErrorBody>;
      throw new ApiError(
        response.status,
        error.code ?? 'NETWORK',
        error.message ?? `HTTP ${response.status}`,
        error.details ?? {},
      );
    }
    return payload as T;
  }
}
