package dev.forgeline.core.cache;

import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.StepResult;
import dev.forgeline.mock.MockSparkSession;
import java.nio.file.Path;

/**
 * One process of {@link TwoProcessCacheTest}: runs the fixture pipeline on the mock over the inputs
 * in {@code args[0]} with the disk cache in {@code args[1]}, and prints each step's status and the
 * adult count.
 */
public final class CacheProcessMain {
  private CacheProcessMain() {}

  public static void main(String[] args) {
    Path inputs = Path.of(args[0]);
    var pipeline =
        CacheFixtures.pipeline(MockSparkSession.create(), CacheFixtures.config(inputs, 18))
            .cache(ResultCache.onDisk(Path.of(args[1])))
            .build();
    PipelineReport report = pipeline.run();
    for (StepResult s : report.steps()) {
      System.out.println("STEP " + s.factoryId() + "=" + s.status());
    }
    System.out.println("ADULTS " + pipeline.output("AdultCount", Long.class));
  }
}
