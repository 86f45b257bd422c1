package envshift.plan;

import java.util.regex.Pattern;

/**
 * Spots values that are URLs carrying a password ({@code postgres://user:pass@host/db},
 * {@code redis://:pass@host}): such a value is a secret whatever its variable is called.
 */
final class CredentialUrl {
  // scheme://[user]:password@host — the user part stops at the first ':' (and may be empty); the
  // password may hold unencoded '@' (greedy, backtracking to the last one) but not '/', '?' or '#',
  // so "https://host:8080/path@x" is not mistaken for credentials.
  private static final Pattern WITH_PASSWORD =
      Pattern.compile("^[a-z][a-z0-9+.-]*://[^:/?#@\\s]*:[^/?#\\s]+@[^@/?#\\s]+.*",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private CredentialUrl() {}

  static boolean hasPassword(String value) {
    return WITH_PASSWORD.matcher(value.strip()).matches();
  }
}
