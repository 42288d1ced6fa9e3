/**
 * A person's settings: time zone, preferred channel, the name Mnemo calls them. Its API is the {@link
 * dev.mnemo.user.UserSettings} port; the JDBC adapter is package-private.
 */
package dev.mnemo.user;
