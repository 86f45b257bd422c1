package envshift.settings;

/**
 * Which reader a written .env file is for, when a value cannot be written in the one form every
 * reader agrees on ({@code NAME="value"} without {@code "}, {@code \}, {@code $} or CR).
 */
public enum DotenvFlavor {
  /** docker compose {@code env_file} (compose-go's dotenv parser). The default. */
  COMPOSE,
  /** python-dotenv 1.x with {@code interpolate=True}, as django-environ and Flask setups use it. */
  PYTHON
}
