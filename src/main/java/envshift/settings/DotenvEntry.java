package envshift.settings;

/** One KEY=value read from a dotenv file, with the line its key is on. */
record DotenvEntry(String key, String value, int line) {}
