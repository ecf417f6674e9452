/**
 * The mock's evaluation engine (internal, not API): {@link dev.forgeline.mock.engine.Relation}
 * holds an immutable schema and lazily computed rows; {@link dev.forgeline.mock.engine.Binder}
 * resolves Spark's ColumnNode trees into typed {@link dev.forgeline.mock.engine.Expr}s with Spark's
 * coercion, casts and error classes; operator classes (Projections, Aggregations, Joins,
 * SetOperations, Windows) build new relations from old ones.
 */
package dev.forgeline.mock.engine;
