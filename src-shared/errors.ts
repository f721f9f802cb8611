/** What went wrong, in a form that crosses the IPC bridge and HTTP unchanged. */
export type ApiErrorCode =
  | 'invalid' // the input broke a schema or a rule; `fields` says where
  | 'forbidden' // the signed-in role may not do this
  | 'unauthenticated' // nobody is signed in
  | 'not_found'
  | 'conflict' // the record changed, or a unique value is taken
  | 'unavailable' // the database cannot be used (newer version, corrupt file)
  | 'internal';

export interface FieldIssue {
  /** Dotted path of the field at fault, e.g. `address.postcode`; empty for the whole input. */
  path: string;
  message: string;
}

export interface ApiErrorBody {
  code: ApiErrorCode;
  /** A sentence a user can act on. */
  message: string;
  fields: FieldIssue[];
}

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly fields: FieldIssue[];

  constructor(code: ApiErrorCode, message: string, fields: FieldIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.fields = fields;
  }

  toBody(): ApiErrorBody {
    return { code: this.code, message: this.message, fields: this.fields };
  }

  static fromBody(body: ApiErrorBody): ApiError {
    return new ApiError(body.code, body.message, body.fields ?? []);
  }

  static invalid(message: string, fields: FieldIssue[] = []): ApiError {
    return new ApiError('invalid', message, fields);
  }

  static notFound(what: string): ApiError {
    return new ApiError('not_found', `${what} was not found. It may have been deleted.`);
  }

  static forbidden(message: string): ApiError {
    return new ApiError('forbidden', message);
  }
}

/** The envelope every call returns, so errors keep their code and fields across any transport. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };
