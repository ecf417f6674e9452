package dev.forgeline.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The writer on the mock: the contract, and what the mock's DataFrame-only Delta cannot do. */
class LogWriterOnMockTest extends LogWriterContract {

  @Override
  WriterBackend backend() {
    return WriterBackend.MOCK;
  }

  @Test
  void aCatalogTableIsRefusedNamingWhatIsMissing() {
    LogException e =
        assertThrows(
            LogException.class,
            () ->
                LogWriter.builder(spark)
                    .table("ops.run_log")
                    .build()
                    .write(Reports.successful("r", "shop", Reports.T0, 1)));
    assertEquals(WriterError.LOG_CONFIG, e.id());
    assertTrue(e.getMessage().contains("needs a classic Spark session"), e.getMessage());
    assertTrue(e.getMessage().contains("forgeline.log.path"), e.getMessage());
  }
}
