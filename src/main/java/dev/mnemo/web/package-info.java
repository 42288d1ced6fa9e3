/**
 * The web app's pages (the chat page is the web channel's, in {@code channel.web}): memories, reminders, costs,
 * activity and settings, server-rendered with Thymeleaf and enhanced with htmx, each reading and changing data only
 * through the other modules' APIs and only the signed-in person's. It has no API of its own: nothing else uses it.
 */
package dev.mnemo.web;
