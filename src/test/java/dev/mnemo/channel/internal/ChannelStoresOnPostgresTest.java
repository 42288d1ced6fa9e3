package dev.mnemo.channel.internal;

import dev.mnemo.testing.PostgresApp;

@PostgresApp
class ChannelStoresOnPostgresTest extends ChannelStoresContract {
}
