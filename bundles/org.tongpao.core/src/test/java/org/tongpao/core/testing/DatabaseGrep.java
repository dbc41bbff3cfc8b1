package org.tongpao.core.testing;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * "grep the database": every table of the connection's schema, every character, CLOB and BLOB column, every row,
 * searched for a value (case-insensitively). What an erasure test runs to prove no copy of personal data survives
 * anywhere, including tables the test's author did not think of. For test-sized databases only: it reads every row.
 */
public final class DatabaseGrep {

    private DatabaseGrep() {
    }

    /** Where {@code needle} occurs: {@code table.column} once per matching row, empty when nowhere. */
    public static List<String> find(DataSource ds, String needle) {
        try (Connection c = ds.getConnection()) {
            return find(c, needle);
        } catch (SQLException e) {
            throw new IllegalStateException("could not search the database", e);
        }
    }

    public static List<String> find(Connection c, String needle) throws SQLException {
        String wanted = needle.toLowerCase(Locale.ROOT);
        List<String> hits = new ArrayList<>();
        DatabaseMetaData meta = c.getMetaData();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        for (String table : tables) {
            List<String> columns = new ArrayList<>();
            List<Boolean> binary = new ArrayList<>();
            try (ResultSet rs = meta.getColumns(null, c.getSchema(), table, "%")) {
                while (rs.next()) {
                    int type = rs.getInt("DATA_TYPE");
                    boolean text = type == Types.CHAR || type == Types.VARCHAR || type == Types.LONGVARCHAR
                            || type == Types.CLOB || type == Types.NCHAR || type == Types.NVARCHAR
                            || type == Types.NCLOB || type == Types.LONGNVARCHAR;
                    boolean bytes = type == Types.BLOB || type == Types.VARBINARY || type == Types.LONGVARBINARY
                            || type == Types.BINARY;
                    if (text || bytes) {
                        columns.add(rs.getString("COLUMN_NAME"));
                        binary.add(bytes);
                    }
                }
            }
            if (columns.isEmpty()) {
                continue;
            }
            String list = String.join(", ", columns.stream().map(x -> "\"" + x + "\"").toList());
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT " + list + " FROM \"" + table + "\"")) {
                while (rs.next()) {
                    for (int i = 0; i < columns.size(); i++) {
                        String value = binary.get(i) ? bytes(rs.getBytes(i + 1)) : rs.getString(i + 1);
                        if (value != null && value.toLowerCase(Locale.ROOT).contains(wanted)) {
                            hits.add(table.toLowerCase(Locale.ROOT) + "." + columns.get(i).toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
        }
        return hits;
    }

    private static String bytes(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }
}
