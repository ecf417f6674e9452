package dev.forgeline.core.cli;

import com.google.inject.Inject;
import com.google.inject.name.Named;
import dev.forgeline.core.Factory;
import dev.forgeline.core.connector.Connector;

/** Counts the rows of the {@code people} connector; the region comes from a named config value. */
public final class CountPeople implements Factory<Long> {
  @Inject
  @Named("people")
  Connector people;

  @Inject
  @Named("app.region")
  String region;

  private long count;

  @Override
  public void read() {
    count = people.read().count();
  }

  @Override
  public Long get() {
    return count;
  }

  String region() {
    return region;
  }
}
