/** Domain code throws these; the app maps them to a status and a message a person understands. */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 403 | 404 | 409 | 410 | 422 | 429,
  ) {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string) {
    super(message, 404);
  }
}

export class InvalidInputError extends DomainError {
  constructor(
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message, 422);
  }
}

export class GoneError extends DomainError {
  constructor(message: string) {
    super(message, 410);
  }
}
