package envshift.settings;

import envshift.Origin;
import java.util.List;

/** What the Python evaluator knows about a module-level name. */
sealed interface Binding {
  Origin origin();

  /**
   * A value computed from literals and earlier known names; {@code assumptions} are what it rests
   * on ("uses os.getenv('X'): taking its default"), inherited by every value built from it.
   */
  record Known(SettingValue value, Origin origin, List<String> assumptions) implements Binding {
    public Known {
      assumptions = List.copyOf(assumptions);
    }

    Known(SettingValue value, Origin origin) {
      this(value, origin, List.of());
    }
  }

  /** A name whose value needs code to run; {@code root} says why (e.g. "calls timezone()"). */
  record Skipped(String root, Origin origin) implements Binding {}

  /**
   * A function the file defines whose calls the evaluator computes; {@code defaults} are its
   * parameters' defaults as computed where it was defined (Known, or Skipped with the reason).
   */
  record Function(PyFunction function, java.util.Map<String, Binding> defaults, Origin origin)
      implements Binding {
    public Function {
      defaults = java.util.Map.copyOf(defaults);
    }
  }
}
