package envshift.heroku;

import java.util.Objects;

/** The account the token belongs to. */
public record Account(String email) {
  public Account {
    Objects.requireNonNull(email, "email == null");
  }
}
