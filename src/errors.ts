// A failure of the run itself (bad flags, an unknown standard, an invalid schema or config): exit 2.
// Problems in the data are never thrown; they become issues in the report.
export class ConformError extends Error {
  constructor(
    message: string,
    /** Where the problem is, when it is in a file the user gave (a schema, a config). */
    readonly where?: string,
  ) {
    super(message);
    this.name = 'ConformError';
  }
}

export function isConformError(error: unknown): error is ConformError {
  return error instanceof ConformError;
}
