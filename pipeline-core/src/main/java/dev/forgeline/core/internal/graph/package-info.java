/**
 * Internal, not API: planning. {@link dev.forgeline.core.internal.graph.GraphPlanner} scans
 * delivery members, matches them to producers, finds cycles and collects every problem into one
 * exception; {@link dev.forgeline.core.internal.graph.GraphRenderer} prints plans. Types here are
 * public only so the API package can reach them.
 */
package dev.forgeline.core.internal.graph;
