package app.roundtable.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The reads and deletes of the {@code sessions} table ({@link SqliteFile} makes it, {@link
 * SqliteWriter} writes its rows). On the writer thread only, with its connection.
 */
final class SessionRows {
  private SessionRows() {}

  /** The encoded session of {@code code}, or null when it has no row. */
  static byte[] state(Connection c, String code) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT state FROM sessions WHERE code = ?")) {
      ps.setString(1, code);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getBytes(1) : null;
      }
    }
  }

  static int count(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM sessions"); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  static void delete(Connection c, String code) throws SQLException {
    try (PreparedStatement del = c.prepareStatement("DELETE FROM sessions WHERE code = ?")) {
      del.setString(1, code);
      del.executeUpdate();
    }
  }

  /** Deletes the rows that expired before {@code now}; how many. */
  static int deleteExpired(Connection c, long now) throws SQLException {
    try (PreparedStatement del = c.prepareStatement("DELETE FROM sessions WHERE expires_at < ?")) {
      del.setLong(1, now);
      return del.executeUpdate();
    }
  }
}
