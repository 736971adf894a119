/**
 * Reads what went wrong out of a HaloPSA error body. Halo answers errors in several shapes,
 * depending on which layer refused the call: a bare string, `{resultCode, errorMessage}`, a .NET
 * exception `{ClassName, Message}`, ASP.NET validation `{title, errors}`, or OAuth's
 * `{error, error_description}` from the authorisation server.
 */
export function describeHaloError(body: unknown): string | null {
  if (typeof body === 'string') return body.trim() || null;
  if (typeof body !== 'object' || body === null) return null;
  const fields = body as Record<string, unknown>;

  const errorMessage = text(fields.errorMessage);
  if (errorMessage) {
    const code = text(fields.resultCode);
    return code ? `${code}: ${errorMessage}` : errorMessage;
  }
  const said =
    text(fields.error_description) ??
    text(fields.Message) ??
    text(fields.message) ??
    validationErrors(fields) ??
    text(fields.error);
  return said ?? null;
}

function validationErrors(fields: Record<string, unknown>): string | null {
  const { errors } = fields;
  if (typeof errors !== 'object' || errors === null) return text(fields.title);
  const details = Object.entries(errors as Record<string, unknown>).map(([field, messages]) => {
    const said = Array.isArray(messages) ? messages.filter((m) => typeof m === 'string') : [];
    return `${field}: ${said.join(' ')}`.trim();
  });
  return [text(fields.title), ...details].filter(Boolean).join(' ') || null;
}

function text(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
