package envshift.heroku.fake;

/** An API error the fake answers with: {@code {"id", "message"}}, maybe with a {@code resource}. */
final class FakeError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final String id;
  final String resource;

  FakeError(int status, String id, String message, String resource) {
    super(message, null, false, false);
    this.status = status;
    this.id = id;
    this.resource = resource;
  }

  static FakeError notFound(String resource) {
    return new FakeError(404, "not_found", "Couldn't find that " + resource + ".", resource);
  }

  static FakeError invalidParams(String message) {
    return new FakeError(422, "invalid_params", message, "");
  }
}
