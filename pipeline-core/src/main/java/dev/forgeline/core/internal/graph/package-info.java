/**
 * Internal, not API: planning. {@link dev.forgeline.core.internal.graph.GraphPlanner} flattens the
 * specification tree (Flattener: namespaces, conditions, HOCON conditions), scans delivery members,
 * matches them to producers inside each namespace (Scopes, Branches), adds the edges of conditions
 * and barriers (Edges), finds cycles and collects every problem into one exception; {@link
 * dev.forgeline.core.internal.graph.GraphRenderer} prints plans. Types here are public only so the
 * API package can reach them.
 */
package dev.forgeline.core.internal.graph;
