package envshift.pgp;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * How far decryption may bend, and where its warnings go.
 *
 * @param allowNoMdc decrypt messages without integrity protection (legacy SED, no MDC), which gpg
 *     2.2+ refuses; each such file is then named in a warning, never decrypted silently
 * @param warnings receives one line per warning (naming the file, never a secret)
 */
public record DecryptOptions(boolean allowNoMdc, Consumer<String> warnings) {
  /** The safe default: messages without integrity protection are refused. */
  public static final DecryptOptions DEFAULT = new DecryptOptions(false, warning -> {});

  /** The command-line option that opts in, named by the refusal. */
  public static final String ALLOW_NO_MDC = "--allow-no-mdc";

  public DecryptOptions {
    Objects.requireNonNull(warnings, "warnings == null");
  }
}
