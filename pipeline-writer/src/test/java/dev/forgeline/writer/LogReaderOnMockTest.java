package dev.forgeline.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The reader on the mock: the contract, and maintenance refused with a clear error. */
class LogReaderOnMockTest extends LogReaderContract {

  @Override
  WriterBackend backend() {
    return WriterBackend.MOCK;
  }

  @Test
  void maintenanceNeedsDeltaOnClassicSparkAndSaysSo() {
    LogMaintenance m = LogMaintenance.of(backend.session(), LogSettings.of(readerTarget));
    LogException e = assertThrows(LogException.class, m::optimize);
    assertEquals(WriterError.LOG_CONFIG, e.id());
    assertTrue(e.getMessage().contains("classic Spark session"), e.getMessage());
    assertTrue(e.getMessage().contains("MockSparkSession"), e.getMessage());
  }
}
