package envshift.heroku.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** The extension's promise: one started fake per test, shared within it, stopped after it. */
@ExtendWith(FakeHerokuExtension.class)
@TestMethodOrder(OrderAnnotation.class)
class FakeHerokuExtensionTest {
  private static FakeHeroku fromTheFirstTest;
  private static int portOfTheFirstTest;
  private FakeHeroku fromBeforeEach;

  @BeforeEach
  void start(FakeHeroku heroku) {
    fromBeforeEach = heroku;
  }

  @Test
  @Order(1)
  void theTestAndItsBeforeEachGetTheSameStartedFake(FakeHeroku heroku) throws IOException {
    heroku.createApp("left-behind");

    assertThat(heroku).isSameAs(fromBeforeEach);
    assertThat(heroku.url()).startsWith("http://127.0.0.1:");
    new Socket("127.0.0.1", port(heroku)).close();
    fromTheFirstTest = heroku;
    portOfTheFirstTest = port(heroku);
  }

  @Test
  @Order(2)
  void theNextTestGetsAFreshFakeAndTheLastOneIsStopped(FakeHeroku heroku) {
    assertThat(fromTheFirstTest).as("the first test ran").isNotNull();

    assertThat(heroku).isNotSameAs(fromTheFirstTest);
    assertThatThrownBy(() -> heroku.config("left-behind")).as("no state leaks");
    assertThatThrownBy(() -> new Socket("127.0.0.1", portOfTheFirstTest).close())
        .isInstanceOf(ConnectException.class);
  }

  private static int port(FakeHeroku heroku) {
    return URI.create(heroku.url()).getPort();
  }
}
