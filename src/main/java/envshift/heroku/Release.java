package envshift.heroku;

import java.util.Objects;

/**
 * One release of an app. {@code status} is {@code succeeded}, {@code pending}, {@code failed} or
 * {@code expired}, or empty when the API sent null (old releases do); {@code createdAt} is the
 * API's ISO-8601 text.
 */
public record Release(int version, String description, String status, String createdAt) {
  public Release {
    Objects.requireNonNull(description, "description == null");
    Objects.requireNonNull(status, "status == null");
    Objects.requireNonNull(createdAt, "createdAt == null");
  }
}
