package app.roundtable.domain;

import java.util.random.RandomGenerator;

/**
 * Random ids for agenda items, ideas and commitments: 16 characters of lowercase base32, 80 bits.
 * Random rather than sequential so that an id tells nothing about when, or by whom, a thing was made
 * (ideas are anonymous), and collisions are negligible within one session.
 */
public final class Ids {
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  public static final int LENGTH = 16;

  private Ids() {}

  public static String next(RandomGenerator random) {
    char[] id = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    return new String(id);
  }
}
