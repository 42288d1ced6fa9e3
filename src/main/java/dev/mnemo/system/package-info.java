/**
 * What every module stands on: configuration, the one clock, the data directory, the database, the shared cache,
 * the event publication store (Spring Modulith's registry on SQLite and PostgreSQL), request limits and the one
 * JSON error writer. Its API is the public types of this package ({@link
 * dev.mnemo.system.DataDirectory}, {@link dev.mnemo.system.SharedCache}, {@link dev.mnemo.system.JsonErrors},
 * {@link dev.mnemo.system.Ids}, {@link dev.mnemo.system.Hashes}, {@link dev.mnemo.system.StorableText}, {@link
 * dev.mnemo.system.StartupRefused}, {@link dev.mnemo.system.NeverStored} and a few more); the rest is package-private.
 */
package dev.mnemo.system;
