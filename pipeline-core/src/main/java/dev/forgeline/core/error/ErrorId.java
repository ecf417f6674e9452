package dev.forgeline.core.error;

/**
 * The stable identifiers of pipeline-core's errors, printed as {@code [Forgeline/Name]}. Ids never
 * change meaning; match on them rather than on message text.
 *
 * @since 0.1.0
 */
public enum ErrorId implements ErrorCode {
  // Definition problems, found by build() before anything runs.
  /** A null factory class or instance was added to a stage. */
  NULL_FACTORY("NullFactory", "A null factory class or instance was added to a stage."),
  /** The same factory instance was added twice. */
  DUPLICATE_FACTORY("DuplicateFactory", "The same factory instance was added twice."),
  /** Two factories, or two external inputs, share an id. */
  DUPLICATE_ID("DuplicateId", "Two factories, or two external inputs, share an id."),
  /** The output type of a factory class cannot be determined (raw or generic factory). */
  UNRESOLVED_OUTPUT_TYPE(
      "UnresolvedOutputType",
      "The output type of a factory class cannot be determined (raw or generic factory)."),
  /** A delivery field or setter is declared with a raw generic type such as {@code Dataset}. */
  RAW_DELIVERY_TYPE(
      "RawDeliveryType",
      "A delivery field or setter is declared with a raw generic type such as Dataset."),
  /** A {@code @Delivery} method is not a setter with exactly one parameter. */
  INVALID_DELIVERY_MEMBER(
      "InvalidDeliveryMember", "A @Delivery method is not a setter with exactly one parameter."),
  /** No producer matches a required delivery. */
  MISSING_DELIVERY("MissingDelivery", "No producer matches a required delivery."),
  /** More than one producer matches a delivery. */
  AMBIGUOUS_DELIVERY("AmbiguousDelivery", "More than one producer matches a delivery."),
  /** The producer a delivery names (by id or class) produces another type. */
  TYPE_MISMATCH(
      "TypeMismatch", "The producer a delivery names (by id or class) produces another type."),
  /** Deliveries form a cycle. */
  CYCLE("Cycle", "Deliveries form a cycle."),
  /** Guice cannot create a factory (a missing binding, no usable constructor...). */
  INJECTION_FAILED(
      "InjectionFailed",
      "Guice cannot create a factory (a missing binding, no usable constructor...)."),
  /** A registered build-time check threw instead of returning its problems. */
  CHECK_FAILED(
      "CheckFailed", "A registered build-time check threw instead of returning its problems."),
  /** The pipeline has no factory. */
  EMPTY_PIPELINE("EmptyPipeline", "The pipeline has no factory."),
  /** A condition in HOCON ({@code forgeline.stages."stage".when}) does not parse. */
  CONDITION_SYNTAX(
      "ConditionSyntax", "A condition in HOCON (forgeline.stages.<stage>.when) does not parse."),
  /**
   * A stage named by a HOCON condition or an otherwise branch does not exist or has no condition.
   */
  UNKNOWN_STAGE(
      "UnknownStage",
      "A stage named by a HOCON condition or an otherwise branch does not exist or has no condition."),
  /** A step named by a condition (delivered value, outcome) does not exist in its namespace. */
  UNKNOWN_CONDITION_STEP(
      "UnknownConditionStep",
      "A step named by a condition (delivered value, outcome) does not exist in its namespace."),
  /** A required delivery is produced by only one branch of an if/otherwise pair. */
  BRANCH_DELIVERY(
      "BranchDelivery",
      "A required delivery is produced by only one branch of an if/otherwise pair."),
  /** A sub-pipeline's namespace or mapped id collides with another name in the same namespace. */
  NAMESPACE_COLLISION(
      "NamespaceCollision",
      "A sub-pipeline's namespace or mapped id collides with another name in the same namespace."),
  /** A sub-pipeline's input or output mapping names a producer that does not exist. */
  UNKNOWN_MAPPING(
      "UnknownMapping",
      "A sub-pipeline's input or output mapping names a producer that does not exist."),

  // Result cache and partial runs (--select, --from), found by build() unless noted.
  /** A factory marked cacheable cannot be keyed (a ready instance). */
  CACHE_NOT_KEYABLE(
      "CacheNotKeyable", "A factory marked cacheable cannot be keyed (a ready instance)."),
  /** A factory marked cacheable produces an output the cache cannot store. */
  CACHE_CANNOT_STORE(
      "CacheCannotStore", "A factory marked cacheable produces an output the cache cannot store."),
  /** The result cache cannot be used (its directory is not writable). */
  CACHE_UNUSABLE(
      "CacheUnusable", "The result cache cannot be used (its directory is not writable)."),
  /** A cache declaration is not valid (an unknown connector in reads, a bad value). */
  CACHE_DECLARATION(
      "CacheDeclaration",
      "A cache declaration is not valid (an unknown connector in reads, a bad value)."),
  /** A --select or --from name matches no stage or factory. */
  UNKNOWN_SELECTION("UnknownSelection", "A --select or --from name matches no stage or factory."),
  /** An upstream of the selected steps is neither cacheable nor declares the table it writes. */
  UNSERVED_UPSTREAM(
      "UnservedUpstream",
      "An upstream of the selected steps is neither cacheable nor declares the table it writes."),
  /** At run time, a step that was not selected had no cache entry and no table to read. */
  NOT_SERVED(
      "NotServed",
      "At run time, a step that was not selected had no cache entry and no table to read."),

  // Run-time failures, one per failed step.
  /** A factory threw in one of its phases. */
  STEP_FAILED("StepFailed", "A factory threw in one of its phases."),
  /** A factory returned null from get() although a consumer requires its output. */
  NULL_OUTPUT(
      "NullOutput", "A factory returned null from get() although a consumer requires its output."),
  /** A factory exceeded its time limit. */
  TIMEOUT("Timeout", "A factory exceeded its time limit."),
  /** A factory could not be created or injected at run time. */
  CREATION_FAILED("CreationFailed", "A factory could not be created or injected at run time."),
  /** The condition guarding a step threw while it was evaluated. */
  CONDITION_FAILED(
      "ConditionFailed", "The condition guarding a step threw while it was evaluated."),

  // Configuration problems, found before anything runs.
  /** A configuration file that was asked for does not exist. */
  MISSING_CONFIG_FILE(
      "MissingConfigFile", "A configuration file that was asked for does not exist."),
  /** The selected environment has no overlay file. */
  UNKNOWN_ENVIRONMENT("UnknownEnvironment", "The selected environment has no overlay file."),
  /** A configuration file cannot be parsed. */
  CONFIG_SYNTAX("ConfigSyntax", "A configuration file cannot be parsed."),
  /** A required configuration key is missing (or a substitution names an unset variable). */
  MISSING_CONFIG_KEY(
      "MissingConfigKey",
      "A required configuration key is missing (or a substitution names an unset variable)."),
  /** A configuration value has the wrong type. */
  WRONG_CONFIG_TYPE("WrongConfigType", "A configuration value has the wrong type."),
  /** A configuration value has the right type but an invalid value. */
  BAD_CONFIG_VALUE(
      "BadConfigValue", "A configuration value has the right type but an invalid value."),
  /** A connector declares a type Forgeline does not know. */
  UNKNOWN_CONNECTOR_TYPE(
      "UnknownConnectorType", "A connector declares a type Forgeline does not know."),

  // Connector failures, at the step that uses the connector.
  /** A connector name is not declared in the configuration. */
  UNKNOWN_CONNECTOR("UnknownConnector", "A connector name is not declared in the configuration."),
  /** A connector could not read, write or merge. */
  CONNECTOR_FAILED("ConnectorFailed", "A connector could not read, write or merge."),

  /** The CLI ran the pipeline but could not write its report file; the run's outcome stands. */
  REPORT_NOT_WRITTEN(
      "ReportNotWritten", "The CLI could not write the run's report file; the run itself ended.");

  private final String label;
  private final String description;

  ErrorId(String label, String description) {
    this.label = label;
    this.description = description;
  }

  /** The short name, for example {@code MissingDelivery}. */
  @Override
  public String label() {
    return label;
  }

  @Override
  public String description() {
    return description;
  }

  /** The printed form, for example {@code [Forgeline/MissingDelivery]}. */
  @Override
  public String toString() {
    return tag();
  }
}
