package dev.mnemo.backup.internal;

import dev.mnemo.backup.BackupException;
import dev.mnemo.system.Hashes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A logical snapshot of every table: one JSON line per row, in a zip with a manifest (schema version, row count
 * and SHA-256 of each table). Read in one snapshot transaction, so the tables agree with each other even while
 * Mnemo writes; restorable into SQLite or PostgreSQL alike, since rows are values, not a vendor's file.
 */
public final class DatabaseSnapshot {
    /**
     * Tokens are credentials, not a person's data: a server's first start creates the owner's, so an install that
     * was only ever started still counts as empty. They are replaced by the archive's like every other table (the
     * next start renews the owner's chat token when the archive does not know it).
     */
    private static final String CREDENTIALS = "api_tokens";

    public static final int FORMAT = 1;
    /** Not data: Flyway's own bookkeeping, and cluster locks that mean nothing after a restore. */
    private static final Set<String> SKIPPED = Set.of("flyway_schema_history", "shedlock");
    private static final String BINARY = "$base64";
    private static final int BATCH = 500;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DatabaseSnapshot() {
    }

    public record Exported(byte[] zip, Map<String, Long> rows) {
    }

    /** Exports every table through {@code snapshot}, a connection already inside its snapshot transaction. */
    public static Exported export(Connection snapshot, String schemaVersion, Instant createdAt) throws SQLException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Map<String, Long> rows = new TreeMap<>();
        List<Map<String, Object>> tables = new ArrayList<>();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String table : tables(snapshot)) {
                ByteArrayOutputStream lines = new ByteArrayOutputStream();
                long count = 0;
                try (Statement statement = snapshot.createStatement()) {
                    statement.setFetchSize(500); // PostgreSQL streams the rows instead of loading the table
                    ResultSet rs = statement.executeQuery("SELECT * FROM " + table + " ORDER BY 1");
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        ObjectNode row = JSON.createObjectNode();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            put(row, meta.getColumnName(i).toLowerCase(Locale.ROOT), rs.getObject(i));
                        }
                        lines.write(JSON.writeValueAsBytes(row));
                        lines.write('\n');
                        count++;
                    }
                }
                byte[] data = lines.toByteArray();
                zip.putNextEntry(new ZipEntry("tables/" + table + ".jsonl"));
                zip.write(data);
                zip.closeEntry();
                rows.put(table, count);
                tables.add(Map.of("name", table, "rows", count, "sha256", Hashes.sha256Hex(data)));
            }
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("format", FORMAT);
            manifest.put("createdAt", createdAt.toString());
            manifest.put("schemaVersion", schemaVersion);
            manifest.put("vendor", snapshot.getMetaData().getDatabaseProductName());
            manifest.put("tables", tables);
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(JSON.writeValueAsBytes(manifest));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Exported(bytes.toByteArray(), rows);
    }

    /** The archive's tables, checked against the manifest: a missing, extra or altered table refuses the archive. */
    public record Contents(String schemaVersion, Instant createdAt, Map<String, byte[]> tables, Map<String, Long> rows) {
    }

    public static Contents read(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes()); // checks each entry's CRC-32
            }
        } catch (ZipException e) {
            throw new BackupException("the archive is corrupt (" + e.getMessage() + "); nothing was restored");
        } catch (IOException e) {
            throw new BackupException("the archive could not be read: " + e.getMessage(), e);
        }
        byte[] manifestBytes = entries.get("manifest.json");
        if (manifestBytes == null) {
            throw new BackupException("the archive is corrupt (no manifest); nothing was restored");
        }
        JsonNode manifest;
        try {
            manifest = JSON.readTree(manifestBytes);
        } catch (RuntimeException e) {
            throw new BackupException("the archive is corrupt (unreadable manifest); nothing was restored");
        }
        if (manifest.path("format").asInt(0) != FORMAT) {
            throw new BackupException("the archive has format " + manifest.path("format") + "; this Mnemo reads format " + FORMAT);
        }
        Map<String, byte[]> tables = new LinkedHashMap<>();
        Map<String, Long> rows = new TreeMap<>();
        Set<String> listed = new HashSet<>(List.of("manifest.json"));
        for (JsonNode table : manifest.path("tables")) {
            listed.add("tables/" + table.path("name").asString("") + ".jsonl");
            String name = table.path("name").asString("");
            byte[] data = entries.get("tables/" + name + ".jsonl");
            if (data == null || !Hashes.sha256Hex(data).equals(table.path("sha256").asString(""))) {
                throw new BackupException("the archive is corrupt or was altered (table " + name + " does not match its "
                        + "checksum); nothing was restored");
            }
            tables.put(name, data);
            rows.put(name, table.path("rows").asLong());
        }
        if (!listed.containsAll(entries.keySet())) {
            throw new BackupException("the archive is corrupt or was altered (it holds files its manifest does not list)");
        }
        try {
            return new Contents(manifest.path("schemaVersion").asString(""), Instant.parse(manifest.path("createdAt").asString()),
                    tables, rows);
        } catch (RuntimeException e) {
            throw new BackupException("the archive is corrupt (bad manifest dates)");
        }
    }

    /**
     * Writes the archive's rows into {@code target} (one transaction, committed by the caller). Table and column
     * names must exist in the target: an archive cannot name anything else.
     */
    public static Map<String, Long> restore(Contents contents, Connection target, boolean force) throws SQLException {
        Map<String, Map<String, Integer>> schema = new LinkedHashMap<>();
        for (String table : tables(target)) {
            schema.put(table, columns(target, table));
        }
        for (String table : contents.tables().keySet()) {
            if (!schema.containsKey(table)) {
                throw new BackupException("the archive has table " + table + ", which this database lacks: it was made by "
                        + "a newer Mnemo; upgrade first");
            }
        }
        // Every table of this database: one the archive lacks (made before it existed) is emptied too, so a
        // restore never leaves old and new data side by side.
        if (!force) {
            for (String table : schema.keySet()) {
                if (table.equals(CREDENTIALS)) {
                    continue; // a fresh install's first start made the owner's token; the restore replaces it
                }
                try (Statement s = target.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        throw new BackupException("the database is not empty (table " + table + " has rows); restore into an "
                                + "empty database, or add --force to replace everything in it");
                    }
                }
            }
        }
        Map<String, Long> restored = new TreeMap<>();
        for (String table : schema.keySet()) {
            try (Statement s = target.createStatement()) {
                s.executeUpdate("DELETE FROM " + table);
            }
        }
        for (String table : contents.tables().keySet()) {
            long inserted = insert(target, table, schema.get(table), contents.tables().get(table));
            if (inserted != contents.rows().get(table)) {
                throw new BackupException("the archive is corrupt (table " + table + " has " + inserted + " rows, its manifest says "
                        + contents.rows().get(table) + "); nothing was restored");
            }
            restored.put(table, inserted);
        }
        return restored;
    }

    private static long insert(Connection target, String table, Map<String, Integer> columns, byte[] lines) throws SQLException {
        long count = 0;
        String sql = null;
        List<String> order = null;
        PreparedStatement insert = null;
        try {
            for (String line : new String(lines, StandardCharsets.UTF_8).split("\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                JsonNode row;
                try {
                    row = JSON.readTree(line);
                } catch (RuntimeException e) {
                    throw new BackupException("the archive is corrupt (a row of " + table + " is not JSON); nothing was restored");
                }
                if (insert == null) {
                    order = new ArrayList<>();
                    for (String column : row.propertyNames()) {
                        if (!columns.containsKey(column)) {
                            throw new BackupException("the archive has column " + table + "." + column + ", which this database lacks");
                        }
                        order.add(column);
                    }
                    sql = "INSERT INTO " + table + " (" + String.join(", ", order) + ") VALUES ("
                            + String.join(", ", Collections.nCopies(order.size(), "?")) + ")";
                    insert = target.prepareStatement(sql);
                }
                for (int i = 0; i < order.size(); i++) {
                    set(insert, i + 1, row.get(order.get(i)), columns.get(order.get(i)));
                }
                insert.addBatch();
                if (++count % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            if (insert != null) {
                insert.executeBatch();
            }
        } finally {
            if (insert != null) {
                insert.close();
            }
        }
        return count;
    }

    private static void set(PreparedStatement insert, int index, JsonNode value, int sqlType) throws SQLException {
        if (value == null || value.isNull()) {
            insert.setNull(index, sqlType);
        } else if (value.isObject() && value.has(BINARY)) {
            insert.setBytes(index, Base64.getDecoder().decode(value.get(BINARY).asString()));
        } else if (value.isIntegralNumber()) {
            insert.setLong(index, value.asLong());
        } else if (value.isNumber()) {
            insert.setDouble(index, value.asDouble());
        } else if (value.isBoolean()) {
            insert.setBoolean(index, value.asBoolean());
        } else {
            insert.setString(index, value.asString());
        }
    }

    private static void put(ObjectNode row, String column, Object value) {
        switch (value) {
            case null -> row.putNull(column);
            case byte[] bytes -> row.putObject(column).put(BINARY, Base64.getEncoder().encodeToString(bytes));
            case Integer n -> row.put(column, n);
            case Long n -> row.put(column, n);
            case Short n -> row.put(column, n);
            case Double d -> row.put(column, d);
            case Float f -> row.put(column, f);
            case BigDecimal d -> row.put(column, d);
            case Boolean b -> row.put(column, b);
            default -> row.put(column, value.toString());
        }
    }

    /** The tables of the connection's schema, lower case, sorted; Flyway's history and locks left out. */
    static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rs = meta.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!SKIPPED.contains(name) && !name.startsWith("sqlite_")) {
                    tables.add(name);
                }
            }
        }
        tables.sort(null);
        return tables;
    }

    private static Map<String, Integer> columns(Connection connection, String table) throws SQLException {
        Map<String, Integer> columns = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                int type = meta.getColumnType(i);
                columns.put(meta.getColumnName(i).toLowerCase(Locale.ROOT), type == Types.NULL ? Types.VARCHAR : type);
            }
        }
        return columns;
    }
}
