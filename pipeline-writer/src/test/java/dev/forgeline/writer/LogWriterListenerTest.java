package dev.forgeline.writer;

/** The LogWriter attached to pipeline runs on local Spark with real Delta. */
class LogWriterListenerTest extends LogWriterListenerContract {
  @Override
  WriterBackend backend() {
    return WriterBackend.SPARK;
  }
}
