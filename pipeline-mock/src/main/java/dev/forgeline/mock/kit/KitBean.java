package dev.forgeline.mock.kit;

import java.io.Serializable;

/**
 * A Java bean the kit's encoder cases build frames from; public because Spark's bean encoder
 * instantiates it reflectively. Not meant for other use.
 *
 * @since 0.1.0
 */
public class KitBean implements Serializable {
  private static final long serialVersionUID = 1L;

  private String name;
  private int score;
  private Double weight;

  /** An empty bean, for the encoder. */
  public KitBean() {}

  /**
   * A bean with every property set.
   *
   * @param name the name, may be null
   * @param score the score
   * @param weight the weight, may be null
   */
  public KitBean(String name, int score, Double weight) {
    this.name = name;
    this.score = score;
    this.weight = weight;
  }

  /** The name; may be null. */
  public String getName() {
    return name;
  }

  /** Sets the name; may be null. */
  public void setName(String name) {
    this.name = name;
  }

  /** The score. */
  public int getScore() {
    return score;
  }

  /** Sets the score. */
  public void setScore(int score) {
    this.score = score;
  }

  /** The weight; may be null. */
  public Double getWeight() {
    return weight;
  }

  /** Sets the weight; may be null. */
  public void setWeight(Double weight) {
    this.weight = weight;
  }
}
