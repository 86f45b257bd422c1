package envshift.cli;

import envshift.Origin;
import envshift.convert.EnvironmentLoader.LoadedEnvironment;
import envshift.mapping.MappingNote;
import envshift.settings.ParseWarning;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Every warning and note a run prints on stderr, the one place they are rendered. Conversion
 * warnings are collected as environments load and printed before the command's next output: a
 * message met in several sources (the same text after {@code file:line:}) is printed once, with
 * how many places said it and the first one, so 200 files that import os make one line, not 200.
 * With {@code --quiet} nothing is printed but a count at the end; {@code --strict} still fails,
 * since it reads the environment, not this output.
 */
final class Warnings {
  private final Supplier<PrintWriter> err;
  private final BooleanSupplier quiet;
  /** Pending conversion messages by kind and text, in the order first met. */
  private final Map<String, Group> pending = new LinkedHashMap<>();
  /** Every place already counted, so a source shared by two environments counts once. */
  private final Set<String> seen = new LinkedHashSet<>();
  private int hiddenWarnings;
  private int hiddenNotes;

  Warnings(Supplier<PrintWriter> err, BooleanSupplier quiet) {
    this.err = err;
    this.quiet = quiet;
  }

  /** The parse warnings and mapping notes of one converted environment, printed at the flush. */
  synchronized void collect(LoadedEnvironment env) {
    for (ParseWarning w : env.warnings()) add("warning", w.origin(), w.message());
    for (MappingNote n : env.vars().notes()) {
      add(n.isWarning() ? "warning" : "note", n.origin(), n.message());
    }
  }

  /** A warning of its own (a file decrypted without MDC, a history not read): printed now. */
  synchronized void warn(String line) {
    flush();
    if (quiet.getAsBoolean()) {
      hiddenWarnings++;
      return;
    }
    PrintWriter w = err.get();
    w.println("envshift: warning: " + line);
    w.flush();
  }

  /** Prints what was collected since the last flush, each distinct message once. */
  synchronized void flush() {
    if (pending.isEmpty()) return;
    boolean hide = quiet.getAsBoolean();
    PrintWriter w = err.get();
    for (Group g : pending.values()) {
      if (hide) {
        if (g.kind.equals("note")) {
          hiddenNotes += g.places.size();
        } else {
          hiddenWarnings += g.places.size();
        }
      } else {
        w.println("envshift: " + g.kind + ": " + g.render());
      }
    }
    pending.clear();
    w.flush();
  }

  /** At the end of the run, errors included: what is left, then how much --quiet hid. */
  synchronized void finish() {
    flush();
    if (hiddenWarnings + hiddenNotes == 0) return;
    List<String> hidden = new ArrayList<>();
    if (hiddenWarnings > 0) hidden.add(count(hiddenWarnings, "warning"));
    if (hiddenNotes > 0) hidden.add(count(hiddenNotes, "note"));
    PrintWriter w = err.get();
    w.println("envshift: " + String.join(" and ", hidden) + " hidden (--quiet)");
    w.flush();
  }

  private void add(String kind, Origin origin, String message) {
    if (!seen.add(kind + "\0" + origin + "\0" + message)) return;
    pending.computeIfAbsent(kind + "\0" + message, k -> new Group(kind, message)).add(origin);
  }

  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  /** One message and every place that said it. */
  private static final class Group {
    final String kind;
    final String message;
    final Set<Origin> places = new LinkedHashSet<>();

    Group(String kind, String message) {
      this.kind = kind;
      this.message = message;
    }

    void add(Origin origin) {
      places.add(origin);
    }

    /** {@code file:line: message} for one place, else the message with where and how often. */
    String render() {
      Origin first = places.iterator().next();
      if (places.size() == 1) return first + ": " + message;
      long files = places.stream().map(Origin::file).distinct().count();
      String where = files == places.size()
          ? "in " + files + " files"
          : places.size() + " times in " + count((int) files, "file");
      return message + " (" + where + ", first " + first + ")";
    }
  }
}
