package dev.forgeline.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {
  private final Secrets secrets =
      Secrets.of(
          ConfigFactory.parseString(
                  "db { password = \"hunter22\", user = admin }\n"
                      + "api.token = \"tok-123456\"\n"
                      + "custom.value = \"listed-secret\"\n"
                      + "forgeline.secrets.keys = [custom.value]")
              .resolve());

  @Test
  void secretKeysAreRecognisedByTheirLastSegment() {
    assertThat(Secrets.isSecretKey("db.password")).isTrue();
    assertThat(Secrets.isSecretKey("a.client-secret")).isTrue();
    assertThat(Secrets.isSecretKey("a.api-key")).isTrue();
    assertThat(Secrets.isSecretKey("password.policy.length")).isFalse();
    assertThat(Secrets.isSecretKey("db.user")).isFalse();
  }

  @Test
  void redactsEveryKnownValueInsideText() {
    String text = "jdbc:x://h/db?user=admin&password=hunter22 token tok-123456 listed-secret";

    assertThat(secrets.size()).isEqualTo(3);
    assertThat(secrets.redact(text))
        .isEqualTo("jdbc:x://h/db?user=admin&password=****** token ****** ******");
  }

  @Test
  void scrubbedExceptionKeepsClassNamesAndTracesButNoSecret() {
    IllegalStateException cause = new IllegalStateException("login hunter22 refused");
    RuntimeException top = new RuntimeException("connect failed", cause);

    Throwable scrubbed = secrets.scrub(top);

    assertThat(scrubbed.getMessage()).isEqualTo("java.lang.RuntimeException: connect failed");
    assertThat(scrubbed.getCause().getMessage())
        .isEqualTo("java.lang.IllegalStateException: login ****** refused");
    assertThat(scrubbed.getCause().getStackTrace()).isEqualTo(cause.getStackTrace());
    RuntimeException clean = new RuntimeException("nothing to hide");
    assertThat(secrets.scrub(clean)).isSameAs(clean);
  }

  @Test
  void showMasksSecretKeysWhateverTheValue() {
    assertThat(secrets.show("password", "x")).isEqualTo(Secrets.MASK);
    assertThat(secrets.show("url", "jdbc:x?pw=hunter22")).isEqualTo("jdbc:x?pw=******");
    assertThat(Map.of("k", secrets.show("user", "admin"))).containsEntry("k", "admin");
  }
}
