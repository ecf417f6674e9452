/**
 * Result caching: mark a factory {@link dev.forgeline.core.cache.Cacheable} (or give its spec a
 * {@link dev.forgeline.core.cache.CachePolicy}, or declare it in HOCON under {@code
 * forgeline.cache}), and a run reuses its output while nothing it depends on has changed. {@link
 * dev.forgeline.core.cache.ResultCache} is the entry point: where results live (in memory for the
 * session, or on disk for later processes), listing and invalidating entries. docs/caching.md
 * describes the key.
 */
package dev.forgeline.core.cache;
