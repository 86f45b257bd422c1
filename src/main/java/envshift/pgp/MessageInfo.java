package envshift.pgp;

import java.util.List;

/**
 * What can be learnt about an encrypted message without any secret key. A hidden recipient appears
 * with key id {@link KeyId#WILDCARD}, an empty fingerprint and no user ids.
 */
public record MessageInfo(List<Recipient> recipients, boolean symmetric, boolean armored) {
  public MessageInfo {
    recipients = List.copyOf(recipients);
  }
}
