package dev.forgeline.examples.medallion;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The gold figures computed from the sample CSV files with plain Java, independently of Spark and
 * of the pipeline's code: the rules are restated here from the example's documentation.
 */
final class ExpectedFigures {
  final Map<String, BigDecimal> revenueByCountry = new TreeMap<>();
  final Map<String, Long> ordersByCountry = new TreeMap<>();
  final Map<String, BigDecimal> revenueByCategory = new TreeMap<>();
  final Map<String, Long> unitsByCategory = new TreeMap<>();
  final Map<Long, BigDecimal> revenueByCustomer = new TreeMap<>();

  static ExpectedFigures from(Path dataDir) throws IOException {
    ExpectedFigures f = new ExpectedFigures();
    Map<Long, String> countryOf = new HashMap<>();
    for (String[] c : rows(dataDir.resolve("customers.csv"))) {
      countryOf.putIfAbsent(Long.parseLong(c[0]), c[3].trim().toUpperCase(Locale.ROOT));
    }
    Map<Long, String[]> products = new HashMap<>();
    for (String[] p : rows(dataDir.resolve("products.csv"))) {
      products.put(Long.parseLong(p[0]), p);
    }
    Map<Long, String[]> orders = new LinkedHashMap<>();
    for (String[] o : rows(dataDir.resolve("orders.csv"))) {
      boolean valid =
          !o[1].isBlank() && Integer.parseInt(o[3]) > 0 && !o[5].equalsIgnoreCase("cancelled");
      if (valid) {
        orders.putIfAbsent(Long.parseLong(o[0]), o);
      }
    }
    for (String[] o : orders.values()) {
      long customer = Long.parseLong(o[1]);
      String[] product = products.get(Long.parseLong(o[2]));
      String country = countryOf.get(customer);
      if (product == null || country == null) {
        continue;
      }
      int quantity = Integer.parseInt(o[3]);
      BigDecimal amount =
          new BigDecimal(product[3]).multiply(BigDecimal.valueOf(quantity)).setScale(2);
      f.revenueByCountry.merge(country, amount, BigDecimal::add);
      f.ordersByCountry.merge(country, 1L, Long::sum);
      f.revenueByCategory.merge(product[2], amount, BigDecimal::add);
      f.unitsByCategory.merge(product[2], (long) quantity, Long::sum);
      f.revenueByCustomer.merge(customer, amount, BigDecimal::add);
    }
    return f;
  }

  private static List<String[]> rows(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    return lines.subList(1, lines.size()).stream()
        .filter(l -> !l.isBlank())
        .map(l -> l.split(",", -1))
        .toList();
  }
}
