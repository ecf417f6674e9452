/**
 * The mock's in-memory catalog: databases, managed tables, persistent views, temporary and global
 * temporary views. {@link dev.forgeline.mock.catalog.SharedCatalog} holds what sessions made from
 * one another share (databases, tables, global temporary views); {@link
 * dev.forgeline.mock.catalog.SessionCatalog} adds one session's temporary views and current
 * database and is the entry point. Internal to the mock: not an API.
 */
package dev.forgeline.mock.catalog;
