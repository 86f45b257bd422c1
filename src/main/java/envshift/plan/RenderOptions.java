package envshift.plan;

/**
 * How to render a plan: {@code reveal} prints values instead of their lengths (only on explicit
 * request); {@code color} adds ANSI colours (the CLI decides: a terminal and no NO_COLOR).
 */
public record RenderOptions(boolean reveal, boolean color) {
  public static final RenderOptions PLAIN = new RenderOptions(false, false);
}
