package dev.forgeline.core.internal.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 over labelled, length-prefixed parts, so no two different part lists collide by text. */
final class KeyHasher {
  private final MessageDigest digest;

  KeyHasher() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  KeyHasher add(String label, String value) {
    part(label.getBytes(StandardCharsets.UTF_8));
    part(value == null ? new byte[] {0} : value.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  KeyHasher add(String label, byte[] value) {
    part(label.getBytes(StandardCharsets.UTF_8));
    part(value);
    return this;
  }

  private void part(byte[] b) {
    int n = b.length;
    digest.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
    digest.update(b);
  }

  String hex() {
    return HexFormat.of().formatHex(digest.digest());
  }

  static String sha256(byte[] bytes) {
    return new KeyHasher().add("bytes", bytes).hex();
  }
}
