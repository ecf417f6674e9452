package dev.forgeline.mock.kit;

import static dev.forgeline.mock.kit.Fixtures.nums;
import static dev.forgeline.mock.kit.Fixtures.texts;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.crc32;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.md5;
import static org.apache.spark.sql.functions.sha1;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.xxhash64;

/** Cases for hash functions over strings (UTF-8, empty, null) and numbers. */
final class HashCases {

  private HashCases() {}

  static void addTo(CaseBook book) {
    CaseBook b = book.area("hashes");
    b.rows("md5", "md5 of strings", sp -> texts(sp).select(col("k"), md5(col("s").cast("binary"))));
    b.rows(
        "sha1", "sha1 of strings", sp -> texts(sp).select(col("k"), sha1(col("s").cast("binary"))));
    b.rows(
        "sha2-256",
        "sha2 256",
        sp -> texts(sp).select(col("k"), sha2(col("s").cast("binary"), 256)));
    b.rows(
        "sha2-512",
        "sha2 512",
        sp -> texts(sp).select(col("k"), sha2(col("s").cast("binary"), 512)));
    b.rows(
        "sha2-224",
        "sha2 224",
        sp -> texts(sp).select(col("k"), sha2(col("s").cast("binary"), 224)));
    b.rows("crc32", "crc32", sp -> texts(sp).select(col("k"), crc32(col("s").cast("binary"))));
    b.rows(
        "hash-string",
        "murmur3 hash() of strings",
        sp -> texts(sp).select(col("k"), hash(col("s"))));
    b.rows("hash-int", "hash() of ints", sp -> nums(sp).select(col("i"), hash(col("i"))));
    b.rows("hash-long", "hash() of longs", sp -> nums(sp).select(col("l"), hash(col("l"))));
    b.rows("hash-double", "hash() of doubles", sp -> nums(sp).select(col("d"), hash(col("d"))));
    b.rows(
        "hash-multi",
        "hash() of several columns",
        sp -> nums(sp).select(hash(col("i"), col("l"), col("d"))));
    b.rows(
        "hash-decimal", "hash() of decimals", sp -> nums(sp).select(col("dec"), hash(col("dec"))));
    b.rows(
        "xxhash64-string",
        "xxhash64 of strings",
        sp -> texts(sp).select(col("k"), xxhash64(col("s"))));
    b.rows("xxhash64-int", "xxhash64 of ints", sp -> nums(sp).select(col("i"), xxhash64(col("i"))));
    b.rows(
        "xxhash64-multi",
        "xxhash64 of two columns",
        sp -> nums(sp).select(xxhash64(col("i"), col("s"))));
    b.rows(
        "md5-string-implicit",
        "md5 of a string column casts to binary",
        sp -> texts(sp).select(md5(col("s"))));
  }
}
