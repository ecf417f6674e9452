package dev.forgeline.examples.medallion;

import java.math.BigDecimal;

/** A row of the gold customer totals table: a JavaBean for the typed repository. */
public final class CustomerTotal {
  private Long customerId;
  private String name;
  private BigDecimal revenue;
  private Long orders;

  public Long getCustomerId() {
    return customerId;
  }

  public void setCustomerId(Long customerId) {
    this.customerId = customerId;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public BigDecimal getRevenue() {
    return revenue;
  }

  public void setRevenue(BigDecimal revenue) {
    this.revenue = revenue;
  }

  public Long getOrders() {
    return orders;
  }

  public void setOrders(Long orders) {
    this.orders = orders;
  }
}
