package envshift.cli;

import envshift.heroku.ApiEndpoint;
import envshift.heroku.HerokuClient;
import envshift.heroku.HerokuCredentials;
import envshift.push.BackupStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * How to reach the Platform API, like the Heroku CLI: token from HEROKU_API_KEY or $HOME/.netrc,
 * host from HEROKU_HOST, overridden by --api-url. Commands that need the API build the client
 * before anything is decrypted, so a missing token costs no passphrase.
 */
final class HerokuOptions {
  @Option(
      names = "--api-url",
      paramLabel = "URL",
      description =
          "The Platform API URL (default: from HEROKU_HOST, else https://api.heroku.com).")
  String apiUrl;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      description = "Apps handled at once (default: ${DEFAULT-VALUE}).")
  int concurrency = 8;

  @Option(
      names = "--api-timeout",
      paramLabel = "SECONDS",
      description = "Longest time one API request may take, retries included (default: "
          + "${DEFAULT-VALUE}); a PATCH cut off is re-read, not resent.")
  int apiTimeoutSeconds = (int) HerokuClient.DEFAULT_CALL_TIMEOUT.toSeconds();

  @Option(
      names = "--patch-settle",
      paramLabel = "SECONDS",
      description = "How long a PATCH whose answer was lost is watched before it is sent again "
          + "(default: ${DEFAULT-VALUE}): a slow API may still apply it.")
  int patchSettleSeconds = (int) HerokuClient.DEFAULT_SETTLE_WINDOW.toSeconds();

  HerokuClient client(Context ctx, boolean debug, PrintWriter err, Runnable configRead) {
    String base = ApiEndpoint.resolve(ctx.env(), Optional.ofNullable(apiUrl));
    char[] token = HerokuCredentials.token(ctx.env(), ctx.home(), ApiEndpoint.netrcMachine(base));
    return HerokuClient.builder()
        .baseUrl(base)
        .token(token)
        .userAgentVersion(Version.VERSION)
        .debugLog(debug ? Optional.of(err) : Optional.empty())
        .callTimeout(apiTimeout())
        .settleWindow(patchSettle())
        // One writer per app on this machine, across runs (see HerokuClient#lockApp).
        .lockDir(BackupStore.stateDir(ctx.env(), ctx.home()).resolve("locks"))
        .onConfigRead(configRead)
        .build();
  }

  private Duration apiTimeout() {
    if (apiTimeoutSeconds < 1) {
      throw envshift.EnvshiftException.usage("--api-timeout must be at least 1 second");
    }
    return Duration.ofSeconds(apiTimeoutSeconds);
  }

  private Duration patchSettle() {
    if (patchSettleSeconds < 0) {
      throw envshift.EnvshiftException.usage("--patch-settle must be 0 or more seconds");
    }
    return Duration.ofSeconds(patchSettleSeconds);
  }

  int concurrency() {
    if (concurrency < 1) throw envshift.EnvshiftException.usage("--concurrency must be at least 1");
    return concurrency;
  }
}
