package envshift.cli;

/** Process entry point: everything else goes through {@link Envshift#run}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Envshift.run(args));
  }
}
