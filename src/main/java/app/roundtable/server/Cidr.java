package app.roundtable.server;

import io.netty.util.NetUtil;
import java.net.InetAddress;

/** An address range such as {@code 10.0.0.0/8} or {@code fd00::/8}; a bare address is its own range. */
record Cidr(byte[] network, int prefixBits) {

  /** Parses without DNS: anything but an IP literal with an optional prefix is refused. */
  static Cidr parse(String text) {
    String t = text.trim();
    int slash = t.indexOf('/');
    byte[] address = NetUtil.createByteArrayFromIpAddressString(slash < 0 ? t : t.substring(0, slash));
    if (address == null) throw new IllegalArgumentException("not an IP address or CIDR range: '" + text + "'");
    int bits = address.length * 8;
    if (slash >= 0) {
      try {
        bits = Integer.parseInt(t.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad prefix length in '" + text + "'");
      }
      if (bits < 0 || bits > address.length * 8) throw new IllegalArgumentException("bad prefix length in '" + text + "'");
    }
    return new Cidr(address, bits);
  }

  boolean contains(InetAddress a) {
    byte[] b = a.getAddress();
    if (b.length != network.length) return false;
    int whole = prefixBits / 8;
    for (int i = 0; i < whole; i++) if (b[i] != network[i]) return false;
    int rest = prefixBits % 8;
    if (rest == 0) return true;
    int mask = (0xff << (8 - rest)) & 0xff;
    return (b[whole] & mask) == (network[whole] & mask);
  }
}
