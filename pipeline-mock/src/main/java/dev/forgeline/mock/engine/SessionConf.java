package dev.forgeline.mock.engine;

import java.time.Instant;
import java.time.ZoneId;

/**
 * The session settings an evaluation reads, captured once per query so that one query sees one time
 * zone and one "now" (as Spark's current_timestamp does).
 */
public record SessionConf(
    ZoneId zone, boolean ansi, boolean caseSensitive, boolean java8Api, Instant now) {}
