package dev.mnemo.channel.internal;

import dev.mnemo.testing.SqliteApp;

@SqliteApp
class ChannelStoresOnSqliteTest extends ChannelStoresContract {
}
