import type { AppError } from '../domain/errors.js';

/** PostgreSQL's unique_violation, wherever the driver or drizzle put it in the cause chain. */
export const isUniqueViolation = (error: unknown): boolean => {
  for (let current = error; current instanceof Object; current = (current as Error).cause) {
    if ((current as { code?: unknown }).code === '23505') return true;
  }
  return false;
};

/**
 * Runs a write that a unique index may refuse, and turns the refusal into `duplicate`. Inside a
 * transaction the error still rolls the whole transaction back.
 */
export const refusingDuplicates = async <T>(
  write: () => Promise<T>,
  duplicate: () => AppError,
): Promise<T> => {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
};
