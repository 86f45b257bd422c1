package envshift;

import java.util.Objects;

/**
 * A value that must never be printed by accident. {@link #toString()} shows only the length, the way
 * OkHttp prints {@code ██} for an Authorization header; {@link #reveal()} is the one deliberate way out.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value == null");
  }

  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The plaintext. Call only where the user asked for it (--reveal, a plaintext output) or to send it. */
  public String reveal() {
    return value;
  }

  public int length() {
    return value.length();
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  /** The mask shown in place of the value: its length, never a prefix or a hash. */
  public String mask() {
    return value.isEmpty() ? "<empty>" : value.length() == 1 ? "<1 char>" : "<" + value.length() + " chars>";
  }

  /** Constant-time comparison, so equality checks do not leak through timing. */
  public boolean sameAs(Secret other) {
    return java.security.MessageDigest.isEqual(
        value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        other.value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && sameAs(s);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "Secret" + mask();
  }
}
