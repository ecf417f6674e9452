/**
 * The result cache's engine side: {@link dev.forgeline.core.internal.cache.CachePlan} resolves each
 * factory's policy and the partial-run selection at build time, {@link
 * dev.forgeline.core.internal.cache.RunCache} computes keys and serves or stores outputs during a
 * run, and the stores keep entries in memory or on disk. Internal: not API.
 */
package dev.forgeline.core.internal.cache;
