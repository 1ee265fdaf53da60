package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
  private static final ClientAddress GATEWAY = ClientAddress.of("10.0.0.0/8, fd00::/8", "X-Forwarded-For");

  @Test
  void withoutTrustedProxiesTheHeadersAreIgnored() {
    ClientAddress none = ClientAddress.of("", null);
    assertEquals("203.0.113.9", none.key("203.0.113.9", List.of("198.51.100.1")));
  }

  @Test
  void aHeaderFromAnUntrustedPeerIsIgnored() {
    assertEquals("203.0.113.9", GATEWAY.key("203.0.113.9", List.of("198.51.100.1")));
  }

  @Test
  void behindATrustedProxyTheClientIsTheRightMostUntrustedHop() {
    // The client wrote "1.2.3.4" itself; the gateway appended the address it saw.
    assertEquals("198.51.100.7", GATEWAY.key("10.1.2.3", List.of("1.2.3.4, 198.51.100.7")));
    assertEquals("198.51.100.7", GATEWAY.key("10.1.2.3", List.of("1.2.3.4, 198.51.100.7, 10.9.9.9")));
    assertEquals("198.51.100.7", GATEWAY.key("10.1.2.3", List.of("1.2.3.4", "198.51.100.7")), "several header lines");
  }

  @Test
  void onlyTrustedHopsOrNoHeaderMeanTheNearestProxy() {
    assertEquals("10.9.9.9", GATEWAY.key("10.1.2.3", List.of("10.9.9.9")));
    assertEquals("10.1.2.3", GATEWAY.key("10.1.2.3", List.of()));
    assertEquals("10.1.2.3", GATEWAY.key("10.1.2.3", List.of("unknown")), "an unnamed hop is not believed");
  }

  @Test
  void ipv6ClientsAreCountedPerSlash64() {
    String a = GATEWAY.key("2001:db8:1:2:aaaa::1", List.of());
    String b = GATEWAY.key("2001:db8:1:2:bbbb::9", List.of());
    String other = GATEWAY.key("2001:db8:1:3::1", List.of());
    assertEquals(a, b);
    assertFalse(a.equals(other));
    assertEquals("20010db800010002::/64", a);
    assertEquals("20010db800010002::/64", GATEWAY.key("fd00::1", List.of("[2001:db8:1:2::5]:4711")));
  }

  @Test
  void theForwardedHeaderIsReadWhenConfigured() {
    ClientAddress fwd = ClientAddress.of("10.0.0.0/8", "Forwarded");
    assertEquals("Forwarded", fwd.header());
    assertEquals("198.51.100.7", fwd.key("10.0.0.1",
        List.of("for=1.2.3.4;proto=https, for=\"198.51.100.7:1234\";by=10.0.0.1")));
    assertEquals("20010db8cafe0000::/64", fwd.key("10.0.0.1", List.of("For=\"[2001:db8:cafe::17]:4711\"")));
  }

  @Test
  void ipv4MappedPeersAreIpv4() {
    assertEquals("198.51.100.7", GATEWAY.key("::ffff:10.0.0.1", List.of("198.51.100.7")));
  }

  @Test
  void headerValuesAreNeverLookedUpInDns() {
    assertEquals("10.1.2.3", GATEWAY.key("10.1.2.3", List.of("localhost")));
    assertEquals("10.1.2.3", GATEWAY.key("10.1.2.3", List.of("example.org")));
  }

  @Test
  void badConfigurationFailsAtStart() {
    assertThrows(IllegalArgumentException.class, () -> ClientAddress.of("10.0.0.0/33", null));
    assertThrows(IllegalArgumentException.class, () -> ClientAddress.of("gateway.local", null));
    assertThrows(IllegalArgumentException.class, () -> ClientAddress.of("10.0.0.0/8", "X-Real-IP"));
  }

  @Test
  void cidrRangesMatchByPrefix() {
    Cidr c = Cidr.parse("192.168.4.0/22");
    assertTrue(c.contains(ClientAddress.parse("192.168.7.255")));
    assertFalse(c.contains(ClientAddress.parse("192.168.8.0")));
    assertFalse(c.contains(ClientAddress.parse("::1")), "families never match");
    assertTrue(Cidr.parse("0.0.0.0/0").contains(ClientAddress.parse("8.8.8.8")));
    assertTrue(Cidr.parse("10.0.0.1").contains(ClientAddress.parse("10.0.0.1")));
    assertFalse(Cidr.parse("10.0.0.1").contains(ClientAddress.parse("10.0.0.2")));
  }
}
