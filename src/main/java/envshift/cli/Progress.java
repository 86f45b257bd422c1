package envshift.cli;

import java.io.PrintWriter;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Progress of long work on one stderr line ({@code envshift: decrypting 37 files}), rewritten in
 * place and erased before anything else is printed. Shown only when {@code shown} holds: stderr is
 * a terminal, NO_COLOR is unset and --quiet was not given; otherwise it prints nothing at all. The
 * counters may be told from several threads (sources are decrypted, apps read, in parallel).
 */
final class Progress {
  private static final String ERASE_LINE = "\r\u001b[K";
  private final Supplier<PrintWriter> err;
  private final BooleanSupplier shown;
  private boolean onScreen;

  Progress(Supplier<PrintWriter> err, BooleanSupplier shown) {
    this.err = err;
    this.shown = shown;
  }

  /** A counter for one kind of work: each run() counts one more ("reading 3 apps"). */
  Runnable counter(String verb, String unit) {
    int[] done = {0};
    return () -> {
      synchronized (this) {
        done[0]++;
        if (!shown.getAsBoolean()) {
          return;
        }
        PrintWriter w = err.get();
        w.print(ERASE_LINE + "envshift: " + verb + " " + done[0] + " " + unit
            + (done[0] == 1 ? "" : "s"));
        w.flush();
        onScreen = true;
      }
    };
  }

  /** Erases the progress line, if one is shown, so the next output starts on a clean line. */
  synchronized void clear() {
    if (onScreen) {
      PrintWriter w = err.get();
      w.print(ERASE_LINE);
      w.flush();
      onScreen = false;
    }
  }
}
