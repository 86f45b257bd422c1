package envshift.heroku.fake;

import okhttp3.Headers;

/**
 * A request the fake received: method, path (no query), headers without Authorization, and the
 * status it answered with (0 when it dropped the connection instead).
 */
public record FakeRequest(String method, String path, Headers headers, int status) {}
