package envshift.rotate;

import java.util.Objects;

/** A variable cleanup could not verify as live: its environment, its name and why (no value). */
public record Unverified(String env, String name, String why) {
  public Unverified {
    Objects.requireNonNull(env, "env == null");
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(why, "why == null");
  }
}
