package envshift.convert;

import envshift.EnvshiftException;
import envshift.SecureFiles;
import envshift.convert.EnvironmentLoader.LoadedEnvironment;
import envshift.manifest.Environment;
import envshift.mapping.EnvVar;
import envshift.plan.Shown;
import envshift.settings.EncryptedNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The example .env ({@code dotenv --example}): every variable name of the development environment
 * with no value, each under a comment naming the file and line it came from, for a repository to
 * commit. The manifest has no way to mark a value public ({@code secrets:} only tells drift what
 * to compare as a secret), so no value is ever written, not even a harmless-looking default. Plain
 * and mode 0644, since it holds no secret; its target is checked like the dev .env's, and it never
 * replaces the dev .env.
 */
public final class DotenvExample {
  /** What was written: the path as shown and how many names. */
  public record Written(String path, int variables) {}

  private final Workspace workspace;
  private final Consumer<LoadedEnvironment> onLoaded;

  public DotenvExample(Workspace workspace, Consumer<LoadedEnvironment> onLoaded) {
    this.workspace = workspace;
    this.onLoaded = onLoaded;
  }

  /** Writes to {@code out} (absolute), else beside the dev .env as {@code NAME.example}. */
  public Written write(Optional<Path> out) {
    Environment env = workspace.environment(Environment.DEVELOPMENT,
        "dotenv --example lists the development variables");
    LoadedEnvironment loaded = workspace.loader().load(env);
    onLoaded.accept(loaded);
    Path target = out.orElseGet(() -> workspace.root().resolve(
        EncryptedNames.plainName(env.dotenv().orElse(".env")) + ".example").normalize());
    DotenvTarget.checkExample(workspace, target);
    String shown = workspace.shown(target);
    try {
      SecureFiles.write(target, text(loaded).getBytes(StandardCharsets.UTF_8),
          SecureFiles.Readers.EVERYONE, true);
    } catch (IOException e) {
      throw new EnvshiftException(shown + ": cannot write (" + e.getClass().getSimpleName() + ")",
          e);
    }
    return new Written(shown, loaded.vars().vars().size());
  }

  /** The file text: names and origins (control characters made visible); never a value. */
  static String text(LoadedEnvironment loaded) {
    StringBuilder text = new StringBuilder("# The variables of the ")
        .append(loaded.environment().name())
        .append(" environment, without values (envshift dotenv --example).\n");
    for (EnvVar v : loaded.vars().vars().values()) {
      text.append("# from ").append(Shown.visible(v.origin().toString())).append('\n')
          .append(v.name()).append("=\n");
    }
    return text.toString();
  }
}
