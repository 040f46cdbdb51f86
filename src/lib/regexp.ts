/** A word as a regular expression that matches it literally: every syntax character escaped. */
export const escapeRegExp = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
