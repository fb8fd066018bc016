/** The trio layer of the public API (filled in by its own modules). */
export {};
