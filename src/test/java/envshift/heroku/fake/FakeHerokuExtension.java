package envshift.heroku.fake;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test a started {@link FakeHeroku} of its own and stops it after the test, so no state
 * leaks between tests (starting one costs a few milliseconds). Declare a {@code FakeHeroku}
 * parameter on a {@code @BeforeEach} method or the test: within one test every parameter is the
 * same fake.
 *
 * <pre>{@code
 * @ExtendWith(FakeHerokuExtension.class)
 * class SomethingTest {
 *   private FakeHeroku heroku;
 *
 *   @BeforeEach
 *   void start(FakeHeroku heroku) {
 *     this.heroku = heroku;
 *     heroku.createApp("payroll-staging");
 *   }
 * }
 * }</pre>
 */
public final class FakeHerokuExtension implements ParameterResolver, AfterEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FakeHerokuExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == FakeHeroku.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (context.getTestMethod().isEmpty()) {
      throw new IllegalStateException("a FakeHeroku is per test: ask for it in @BeforeEach");
    }
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(FakeHeroku.class, k -> new FakeHeroku().start(), FakeHeroku.class);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    FakeHeroku heroku = context.getStore(NAMESPACE).remove(FakeHeroku.class, FakeHeroku.class);
    if (heroku != null) {
      heroku.close();
    }
  }
}
