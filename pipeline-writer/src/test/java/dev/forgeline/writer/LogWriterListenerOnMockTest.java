package dev.forgeline.writer;

/** The LogWriter attached to pipeline runs on the mock. */
class LogWriterListenerOnMockTest extends LogWriterListenerContract {
  @Override
  WriterBackend backend() {
    return WriterBackend.MOCK;
  }
}
