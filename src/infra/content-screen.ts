/**
 * Screens what users write for everyone to read (reviews, inquiry messages, chat) against the
 * banned-words list an admin edits. The moderation module implements it; the modules that take user
 * text take it as a port and call it before they write.
 */
export interface ContentScreen {
  /** Throws AppError('BANNED_WORDS') (422, `words` in the problem) when any text holds a listed word. */
  assertClean(...texts: string[]): Promise<void>;
}

/** Until a list is wired (unit-level tests of a module without the moderation module). */
export const acceptAllContent: ContentScreen = { assertClean: async () => undefined };
