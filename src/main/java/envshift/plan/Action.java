package envshift.plan;

/** What a plan does with one config var of one app. */
public enum Action {
  /** In the source, not live: sent. */
  ADD,
  /** In both with different values: sent. */
  CHANGE,
  /** Live only and --prune was given: sent as a delete. */
  REMOVE,
  /** Live only, kept because --prune was not given. */
  KEEP,
  /** Owned by an add-on: never sent, whatever the source says. */
  PROTECTED,
  /**
   * Owned by the app since {@code envshift rotate} (the manifest's {@code live:}): its source
   * value is retired, so it is never sent, whatever the source says, not even with --prune.
   */
  LIVE,
  /** In both with the same value: not sent. */
  UNCHANGED;

  /** True for the actions that end up in the PATCH. */
  public boolean isSent() {
    return this == ADD || this == CHANGE || this == REMOVE;
  }
}
