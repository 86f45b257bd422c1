package envshift.exec;

import java.io.Writer;
import java.util.Objects;

/** Where the child's stdin, stdout and stderr go. */
public sealed interface ChildIo {
  /**
   * The envshift process's own three streams, handed to the child by the OS (inheritIO): a terminal
   * stays a terminal, and nothing passes through envshift.
   */
  record Inherit() implements ChildIo {}

  /**
   * For an envshift whose output is not its process's own (run in-process by a test or a host
   * program): the child's stdout and stderr are decoded as UTF-8 and copied to these writers, and
   * its stdin is empty, so it never reads the host's.
   */
  record Copied(Writer out, Writer err) implements ChildIo {
    public Copied {
      Objects.requireNonNull(out, "out == null");
      Objects.requireNonNull(err, "err == null");
    }
  }
}
