package app.roundtable.server;

import io.netty.util.NetUtil;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Who a request comes from, as the limits count it (join guard, creation limits, unjoined
 * sockets). Behind a gateway the TCP peer is the gateway, so one abuser would lock everyone out:
 * when the peer is a trusted proxy, the client is the right-most address of the forwarding header
 * that is not itself a trusted proxy. That entry was written by a proxy we trust; everything left
 * of it came from the client and could be made up. From any other peer the headers are ignored.
 *
 * <p>Only one header is read, the one the proxies write ({@code X-Forwarded-For} by default):
 * a proxy that appends to one passes the other through untouched, so reading both would let a
 * client choose its own address.
 *
 * <p>IPv6 clients are counted per /64: one home or phone network gets a whole /64 and can pick any
 * address in it.
 */
final class ClientAddress {
  static final String X_FORWARDED_FOR = "X-Forwarded-For";
  static final String FORWARDED = "Forwarded";

  private final List<Cidr> trusted;
  private final String header;

  ClientAddress(List<Cidr> trusted, String header) {
    if (!X_FORWARDED_FOR.equalsIgnoreCase(header) && !FORWARDED.equalsIgnoreCase(header)) {
      throw new IllegalArgumentException("CLIENT_ADDRESS_HEADER must be X-Forwarded-For or Forwarded, got '" + header + "'");
    }
    this.trusted = List.copyOf(trusted);
    this.header = FORWARDED.equalsIgnoreCase(header) ? FORWARDED : X_FORWARDED_FOR;
  }

  /** From the comma list of {@code TRUSTED_PROXIES}; blank trusts nobody. */
  static ClientAddress of(String trustedProxies, String header) {
    List<Cidr> list = trustedProxies == null || trustedProxies.isBlank() ? List.of()
        : Arrays.stream(trustedProxies.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Cidr::parse).toList();
    return new ClientAddress(list, header == null || header.isBlank() ? X_FORWARDED_FOR : header.trim());
  }

  /** The header this reads when the peer is trusted. */
  String header() {
    return header;
  }

  /**
   * The key limits are counted against, for a request from {@code peer} (an IP literal) carrying
   * {@code headerValues} (every value of {@link #header()}, in order; empty when absent).
   */
  String key(String peer, List<String> headerValues) {
    InetAddress direct = parse(peer);
    if (direct == null) return peer == null ? "?" : peer;
    return key(client(direct, headerValues));
  }

  InetAddress client(InetAddress direct, List<String> headerValues) {
    if (!isTrusted(direct) || headerValues.isEmpty()) return direct;
    List<String> hops = new ArrayList<>();
    for (String v : headerValues) hops.addAll(FORWARDED.equals(header) ? forwardedFor(v) : Arrays.asList(v.split(",")));
    InetAddress nearest = direct;
    for (int i = hops.size() - 1; i >= 0; i--) {
      InetAddress hop = parse(hostOf(hops.get(i).trim()));
      // A hop a trusted proxy could not name (e.g. "unknown"): the nearest known proxy stands in.
      if (hop == null) return nearest;
      if (!isTrusted(hop)) return hop;
      nearest = hop;
    }
    return nearest;
  }

  boolean isTrusted(InetAddress a) {
    for (Cidr c : trusted) if (c.contains(a)) return true;
    return false;
  }

  /** IPv4 as is; IPv6 by its /64. */
  static String key(InetAddress a) {
    if (!(a instanceof Inet6Address)) return a.getHostAddress();
    return HexFormat.of().formatHex(a.getAddress(), 0, 8) + "::/64";
  }

  /** IP literal to address, never a DNS look-up; null when it is not one. */
  static InetAddress parse(String text) {
    if (text == null || text.isEmpty()) return null;
    byte[] b = NetUtil.createByteArrayFromIpAddressString(text);
    if (b == null) return null;
    try {
      return InetAddress.getByAddress(b);
    } catch (java.net.UnknownHostException e) {
      return null;
    }
  }

  /** The {@code for=} values of a {@code Forwarded} header (RFC 7239), in order. */
  private static List<String> forwardedFor(String value) {
    List<String> out = new ArrayList<>();
    for (String element : value.split(",")) {
      String node = "unknown";
      for (String pair : element.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).trim().equalsIgnoreCase("for")) node = pair.substring(eq + 1).trim();
      }
      out.add(node.replace("\"", ""));
    }
    return out;
  }

  /** Strips a port: {@code [v6]:p} → v6, {@code v4:p} → v4; a bare IPv6 keeps its colons. */
  private static String hostOf(String node) {
    if (node.startsWith("[")) {
      int end = node.indexOf(']');
      return end < 0 ? null : node.substring(1, end);
    }
    int colon = node.indexOf(':');
    return colon >= 0 && colon == node.lastIndexOf(':') ? node.substring(0, colon) : node;
  }
}
