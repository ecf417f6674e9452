package dev.forgeline.validation.pipeline;

import com.google.inject.Inject;
import com.google.inject.name.Named;
import dev.forgeline.core.Delivery;
import dev.forgeline.core.Factory;
import dev.forgeline.core.connector.Connector;
import dev.forgeline.validation.DataAccess;
import dev.forgeline.validation.Rule;
import dev.forgeline.validation.RuleSet;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Factories of the pipeline tests: orders with known defects and a consumer that counts them. */
final class Factories {
  private Factories() {}

  /** The test orders as a factory's output; each subclass declares its own validation. */
  abstract static class OrdersFactory implements Factory<Dataset<Row>> {
    @Inject SparkSession spark;

    @Override
    public Dataset<Row> get() {
      return DataAccess.orders(spark);
    }
  }

  /** Drops orders without id or with an amount out of range; warns on status. */
  public static final class OrderRules implements RuleSet {
    @Override
    public List<Rule> rules() {
      return List.of(
          Rule.notNull("id").drop(),
          Rule.between("amount", 0, 1000).drop(),
          Rule.in("status", "paid", "open").warn());
    }
  }

  /** A FAIL rule that the orders breach. */
  public static final class StrictRules implements RuleSet {
    @Override
    public List<Rule> rules() {
      return List.of(Rule.notNull("email").warn(), Rule.between("amount", 0, 1000).threshold(0.9));
    }
  }

  @Validate(rules = OrderRules.class)
  public static final class Orders extends OrdersFactory {}

  @Validate(rules = StrictRules.class)
  public static final class StrictOrders extends OrdersFactory {}

  /** Orders declared in HOCON only: {@code forgeline.validation.steps.PlainOrders}. */
  public static final class PlainOrders extends OrdersFactory {}

  /** Counts the rows it is handed. */
  public static final class CountOrders implements Factory<Long> {
    @Delivery Dataset<Row> orders;

    @Override
    public Long get() {
      return orders.count();
    }
  }

  /** Rules every order passes (a null amount is allowed). */
  public static final class LenientRules implements RuleSet {
    @Override
    public List<Rule> rules() {
      return List.of(Rule.between("amount", -1000, 1000).allowNull().drop());
    }
  }

  /** A FAIL rule every order passes. */
  public static final class CleanStrictRules implements RuleSet {
    @Override
    public List<Rule> rules() {
      return List.of(Rule.between("amount", -1000, 1000).allowNull());
    }
  }

  /** A FAIL rule with a threshold the orders meet, so its failing rows are quarantined. */
  public static final class TolerantRules implements RuleSet {
    @Override
    public List<Rule> rules() {
      return List.of(Rule.between("amount", 0, 1000).threshold(0.5));
    }
  }

  @Validate(rules = OrderRules.class, quarantine = "rejects")
  public static final class QuarantinedOrders extends OrdersFactory {}

  @Validate(rules = LenientRules.class, quarantine = "rejects")
  public static final class CleanOrders extends OrdersFactory {}

  @Validate(rules = CleanStrictRules.class, quarantine = "rejects")
  public static final class CleanStrictOrders extends OrdersFactory {}

  @Validate(rules = TolerantRules.class, quarantine = "rejects")
  public static final class TolerantOrders extends OrdersFactory {}

  /** Reads the quarantine connector once the consumer has counted (so after the boundary). */
  public static final class ReadRejects implements Factory<List<Row>> {
    @Inject
    @Named("rejects")
    Connector rejects;

    @Delivery Long counted;

    @Override
    public List<Row> get() {
      return rejects.read().collectAsList();
    }
  }

  /** A typed order: only these columns can exist. */
  public record Order(Integer id, Double amount) {}

  @Validate(config = "rules.typed")
  public static final class TypedOrders implements Factory<Dataset<Order>> {
    @Inject SparkSession spark;

    @Override
    public Dataset<Order> get() {
      return DataAccess.orders(spark).select("id", "amount").as(Encoders.bean(Order.class));
    }
  }

  @Validate(rules = OrderRules.class)
  public static final class NotADataset implements Factory<String> {
    @Override
    public String get() {
      return "x";
    }
  }
}
