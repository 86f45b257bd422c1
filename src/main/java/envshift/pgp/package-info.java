/**
 * In-process OpenPGP, the only place in envshift that touches Bouncy Castle: decrypting what gpg wrote
 * (public-key and {@code gpg -c}, SEIPD v1 and GnuPG 2.4's OCB packet) with keys from exports or a
 * GnuPG home read in place, and encrypting to recipients so that gpg 2.2 can decrypt. No gpg binary or
 * agent is used at run time. Public types carry no Bouncy Castle type; failures are {@link
 * envshift.pgp.DecryptionException} or {@link envshift.pgp.KeyException}, one line naming the file.
 */
package envshift.pgp;
