/**
 * Internals of pipeline-validation, public only so the module's packages can share them; not an
 * API. {@link dev.forgeline.validation.internal.Names} quotes and resolves user-given column names.
 */
package dev.forgeline.validation.internal;
