/** The words of an error, for showing to a person (without the "Error:" prefix). */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
