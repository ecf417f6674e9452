package dev.forgeline.core.internal.cache;

import dev.forgeline.core.cache.CachePolicy;

/**
 * What one factory declares about caching, after precedence is applied.
 *
 * @param policy its cache policy; null when it is not cacheable
 * @param source where the policy came from, for messages
 * @param table the connector its output is written to; null when it declares none
 */
record Declaration(CachePolicy policy, String source, String table) {
  static final Declaration NONE = new Declaration(null, "", null);
}
