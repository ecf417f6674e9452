package dev.forgeline.core.error;

/**
 * The stable identifiers of Forgeline's errors, printed as {@code [Forgeline/Name]}. Ids never
 * change meaning; match on them rather than on message text.
 *
 * @since 0.1.0
 */
public enum ErrorId {
  // Definition problems, found by build() before anything runs.
  /** A null factory class or instance was added to a stage. */
  NULL_FACTORY("NullFactory"),
  /** The same factory instance was added twice. */
  DUPLICATE_FACTORY("DuplicateFactory"),
  /** Two factories, or two external inputs, share an id. */
  DUPLICATE_ID("DuplicateId"),
  /** The output type of a factory class cannot be determined (raw or generic factory). */
  UNRESOLVED_OUTPUT_TYPE("UnresolvedOutputType"),
  /** A delivery field or setter is declared with a raw generic type such as {@code Dataset}. */
  RAW_DELIVERY_TYPE("RawDeliveryType"),
  /** A {@code @Delivery} method is not a setter with exactly one parameter. */
  INVALID_DELIVERY_MEMBER("InvalidDeliveryMember"),
  /** No producer matches a required delivery. */
  MISSING_DELIVERY("MissingDelivery"),
  /** More than one producer matches a delivery. */
  AMBIGUOUS_DELIVERY("AmbiguousDelivery"),
  /** The producer a delivery names (by id or class) produces another type. */
  TYPE_MISMATCH("TypeMismatch"),
  /** Deliveries form a cycle. */
  CYCLE("Cycle"),
  /** Guice cannot create a factory (a missing binding, no usable constructor...). */
  INJECTION_FAILED("InjectionFailed"),
  /** The pipeline has no factory. */
  EMPTY_PIPELINE("EmptyPipeline"),

  // Run-time failures, one per failed step.
  /** A factory threw in one of its phases. */
  STEP_FAILED("StepFailed"),
  /** A factory returned null from get() although a consumer requires its output. */
  NULL_OUTPUT("NullOutput"),
  /** A factory exceeded its time limit. */
  TIMEOUT("Timeout"),
  /** A factory could not be created or injected at run time. */
  CREATION_FAILED("CreationFailed"),

  // Configuration problems, found before anything runs.
  /** A configuration file that was asked for does not exist. */
  MISSING_CONFIG_FILE("MissingConfigFile"),
  /** The selected environment has no overlay file. */
  UNKNOWN_ENVIRONMENT("UnknownEnvironment"),
  /** A configuration file cannot be parsed. */
  CONFIG_SYNTAX("ConfigSyntax"),
  /** A required configuration key is missing (or a substitution names an unset variable). */
  MISSING_CONFIG_KEY("MissingConfigKey"),
  /** A configuration value has the wrong type. */
  WRONG_CONFIG_TYPE("WrongConfigType"),
  /** A configuration value has the right type but an invalid value. */
  BAD_CONFIG_VALUE("BadConfigValue"),
  /** A connector declares a type Forgeline does not know. */
  UNKNOWN_CONNECTOR_TYPE("UnknownConnectorType"),

  // Connector failures, at the step that uses the connector.
  /** A connector name is not declared in the configuration. */
  UNKNOWN_CONNECTOR("UnknownConnector"),
  /** A connector could not read, write or merge. */
  CONNECTOR_FAILED("ConnectorFailed");

  private final String label;

  ErrorId(String label) {
    this.label = label;
  }

  /** The short name, for example {@code MissingDelivery}. */
  public String label() {
    return label;
  }

  /** The printed form, for example {@code [Forgeline/MissingDelivery]}. */
  @Override
  public String toString() {
    return "[Forgeline/" + label + "]";
  }
}
