/** A branded id: a string that cannot be mixed up with another kind of id. */
export type InteractionId = string & { readonly __brand: 'InteractionId' };

interface CryptoLike {
  randomUUID(): string;
}

/** Makes a new, globally unique interaction id (random UUID; safe across devices). */
export function newInteractionId(): InteractionId {
  // Both browsers and Node 20 provide globalThis.crypto; shared/ compiles without DOM or Node types.
  const { crypto } = globalThis as unknown as { crypto: CryptoLike };
  return crypto.randomUUID() as InteractionId;
}

/** Treats a stored string as an interaction id (for keys read back from the document). */
export function asInteractionId(value: string): InteractionId {
  return value as InteractionId;
}
