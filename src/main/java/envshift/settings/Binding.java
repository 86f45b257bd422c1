package envshift.settings;

import envshift.Origin;

/** What the Python evaluator knows about a module-level name. */
sealed interface Binding {
  Origin origin();

  /** A value computed from literals and earlier known names. */
  record Known(SettingValue value, Origin origin) implements Binding {}

  /** A name whose value needs code to run; {@code root} says why (e.g. "calls timezone()"). */
  record Skipped(String root, Origin origin) implements Binding {}
}
