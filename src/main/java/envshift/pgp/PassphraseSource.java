package envshift.pgp;

import java.util.Optional;

/**
 * Where passphrases come from (a file, an environment variable, the console). Called lazily: only
 * when a locked key or a symmetric message actually needs one, and at most once per key per {@link
 * KeyRing} once the key is unlocked. The caller owns nothing: the returned array is cleared after
 * use.
 */
@FunctionalInterface
public interface PassphraseSource {
  /** Never asked; every passphrase-protected key or symmetric message fails with NO_PASSPHRASE. */
  PassphraseSource NONE = forWhat -> Optional.empty();

  /**
   * The passphrase for {@code forWhat}, which describes what is being unlocked, e.g. {@code key
   * 0123ABCD4567EF89 (Dev Tester <dev@example.org>)} or {@code symmetric message
   * configs/app.py.asc}.
   */
  Optional<char[]> passphrase(String forWhat);
}
