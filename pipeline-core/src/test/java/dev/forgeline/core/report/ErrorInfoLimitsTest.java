package dev.forgeline.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Issue 9, defects 5 and 8: an ErrorInfo is bounded and always encodable as UTF-8. */
class ErrorInfoLimitsTest {

  @Test
  void aHugeMessageIsCutAtTheDocumentedLimitAndSaysSo() {
    String huge = "x".repeat(21_000_000);

    ErrorInfo e = ErrorInfo.of("StepFailed", Phase.READ, new IllegalStateException(huge));

    assertThat(e.message().length()).isLessThan(ErrorInfo.MAX_MESSAGE_CHARS + 64);
    assertThat(e.message())
        .endsWith("[cut " + (huge.length() - ErrorInfo.MAX_MESSAGE_CHARS) + " characters]");
    // The message is stored once: the trace starts with the type alone.
    assertThat(e.stackTrace())
        .startsWith("java.lang.IllegalStateException (message above)")
        .doesNotContain("xxxxxxxxxx");
  }

  @Test
  void aHugeMessageOfACauseIsCutInTheStackTrace() {
    String huge = "y".repeat(1_000_000);

    ErrorInfo e =
        ErrorInfo.of(
            "StepFailed",
            Phase.READ,
            new IllegalStateException("outer", new IllegalArgumentException(huge)));

    assertThat(e.message()).isEqualTo("outer");
    assertThat(e.stackTrace().length()).isLessThan(ErrorInfo.MAX_STACK_TRACE_CHARS + 64);
    assertThat(e.stackTrace())
        .startsWith("java.lang.IllegalStateException (message above)")
        .contains("Caused by: java.lang.IllegalArgumentException: yyyy")
        .contains("[cut ");
  }

  @Test
  void anUnpairedSurrogateIsReplacedSoTheReportEncodes() throws CharacterCodingException {
    ErrorInfo e =
        ErrorInfo.of("StepFailed", Phase.READ, new IllegalStateException("a \uD800 b \uDC00 c 😀"));

    assertThat(e.message()).isEqualTo("a \uFFFD b \uFFFD c 😀");
    StandardCharsets.UTF_8
        .newEncoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .encode(CharBuffer.wrap(e.stackTrace()));
  }

  @Test
  void aShortMessageIsKeptAsItIs() {
    assertThat(ErrorInfo.of("StepFailed", null, "plain").message()).isEqualTo("plain");
  }
}
