package envshift.settings;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The names OpenPGP-encrypted files go by: {@code .gpg} (blackbox, {@code gpg -e}), {@code .asc}
 * ({@code gpg -ea}) and {@code .pgp}, in any case. The one list, and the one way to strip it.
 */
public final class EncryptedNames {
  public static final List<String> SUFFIXES = List.of(".gpg", ".asc", ".pgp");

  private EncryptedNames() {}

  /** The suffix {@code name} ends with, lower case; empty for a bare {@code .gpg} and the like. */
  public static Optional<String> suffixOf(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return SUFFIXES.stream()
        .filter(s -> lower.endsWith(s) && lower.length() > s.length() && !lower.endsWith("/" + s))
        .findFirst();
  }

  /** True when the name ends in one of the {@link #SUFFIXES}. */
  public static boolean named(String name) {
    return suffixOf(name).isPresent();
  }

  /** The name (or path) without one trailing encryption suffix; the rest keeps its case. */
  public static String plainName(String name) {
    return suffixOf(name).map(s -> name.substring(0, name.length() - s.length())).orElse(name);
  }
}
