package envshift.bench;

import envshift.heroku.fake.FakeHeroku;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Serves {@link FakeHeroku} on 127.0.0.1 until killed, with the apps named on the command line
 * ({@code app}, {@code pipeline:stage:app} to also couple it, {@code app+VAR} to attach an add-on
 * owning VAR), so envshift (or the real Heroku CLI) can be tried by hand against it. Prints the
 * two variables to export. Run it with {@code bench/fake-heroku.sh}.
 */
public final class FakeHerokuMain {
  private FakeHerokuMain() {}

  public static void main(String[] args) throws InterruptedException {
    FakeHeroku heroku = new FakeHeroku().start();
    Set<String> pipelines = new HashSet<>();
    for (String arg : args) {
      String[] addon = arg.split("\\+", 2);
      String[] parts = addon[0].split(":");
      String app = parts[parts.length - 1];
      heroku.createApp(app);
      if (addon.length == 2) {
        heroku.attachAddon(app, "heroku-postgresql-fake", Map.of(addon[1], "postgres://fake"));
      }
      if (parts.length == 3) {
        if (pipelines.add(parts[0])) {
          heroku.createPipeline(parts[0]);
        }
        heroku.couple(parts[0], app, parts[1]);
      }
    }
    System.out.println("export HEROKU_HOST=" + heroku.url());
    System.out.println("export HEROKU_API_KEY=" + FakeHeroku.DEFAULT_TOKEN);
    System.out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(heroku::close));
    new CountDownLatch(1).await();
  }
}
