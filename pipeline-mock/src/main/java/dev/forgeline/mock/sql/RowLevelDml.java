package dev.forgeline.mock.sql;

import dev.forgeline.mock.catalog.CatalogTable;
import dev.forgeline.mock.catalog.SharedCatalog;
import dev.forgeline.mock.delta.DeltaDml;
import dev.forgeline.mock.delta.DmlCounts;
import dev.forgeline.mock.delta.MergeClause;
import dev.forgeline.mock.engine.Errors;
import dev.forgeline.mock.engine.NotSupported;
import dev.forgeline.mock.engine.SqlLiterals;
import dev.forgeline.mock.files.FileSources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser.*;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Delta's row-level statements in SQL: MERGE INTO, UPDATE and DELETE on a path table ({@code
 * delta.`/path`}) or a catalog table created {@code USING delta}. The statement is translated into
 * the Delta layer's {@link DeltaDml} (the same code {@code MockDeltaTable} runs), and its result is
 * Delta's: one row of {@code num_affected_rows} (and for MERGE the updated, deleted and inserted
 * counts). Expressions are translated into Columns, never spliced into SQL text.
 */
final class RowLevelDml {
  private final QueryPlanner planner;
  private final SqlEnv env;

  RowLevelDml(QueryPlanner planner) {
    this.planner = planner;
    this.env = planner.env();
  }

  /** The table a statement changes, with the alias its columns are qualified by. */
  private record Target(DeltaDml dml, String alias, List<String> columns) {}

  Dataset<Row> run(DmlStatementNoWithContext statement) {
    if (statement instanceof DeleteFromTableContext d) {
      Target t = target(d.identifierReference(), d.tableAlias(), "DELETE");
      Column where = d.whereClause() == null ? null : bool(d.whereClause().booleanExpression());
      return affected(t.dml().delete(t.alias(), where));
    }
    if (statement instanceof UpdateTableContext u) {
      Target t = target(u.identifierReference(), u.tableAlias(), "UPDATE");
      Map<String, Column> set = assignments(u.setClause().assignmentList(), t);
      Column where = u.whereClause() == null ? null : bool(u.whereClause().booleanExpression());
      return affected(t.dml().update(t.alias(), where, set));
    }
    return merge((MergeIntoTableContext) statement);
  }

  private Dataset<Row> merge(MergeIntoTableContext m) {
    if (m.EVOLUTION() != null) {
      throw NotSupported.method("SparkSession.sql(\"MERGE WITH SCHEMA EVOLUTION ...\")");
    }
    Target t = target(m.target, m.targetAlias, "MERGE INTO TABLE");
    Dataset<Row> source;
    String sourceAlias = alias(m.sourceAlias);
    if (m.source != null) {
      List<String> parts = QueryPlanner.parts(m.source);
      source = planner.table(parts);
      sourceAlias = sourceAlias == null ? parts.get(parts.size() - 1) : sourceAlias;
    } else {
      source = planner.query(m.sourceQuery);
    }
    List<MergeClause> clauses = new ArrayList<>();
    for (MatchedClauseContext c : m.matchedClause()) {
      MatchedActionContext a = c.matchedAction();
      clauses.add(
          clause(
              MergeClause.Kind.MATCHED,
              c.matchedCond,
              a.DELETE() != null,
              a.ASTERISK() != null,
              a.assignmentList(),
              t));
    }
    for (NotMatchedClauseContext c : m.notMatchedClause()) {
      NotMatchedActionContext a = c.notMatchedAction();
      Column cond = c.notMatchedCond == null ? null : bool(c.notMatchedCond);
      if (a.ASTERISK() != null) {
        clauses.add(new MergeClause(MergeClause.Kind.NOT_MATCHED, cond, Map.of(), true, false));
        continue;
      }
      List<MultipartIdentifierContext> names = a.columns.multipartIdentifier();
      if (names.size() != a.expression().size()) {
        throw Errors.analysis(
            names.size() < a.expression().size()
                ? "INSERT_COLUMN_ARITY_MISMATCH.TOO_MANY_DATA_COLUMNS"
                : "INSERT_COLUMN_ARITY_MISMATCH.NOT_ENOUGH_DATA_COLUMNS",
            "tableName",
            String.join(".", QueryPlanner.parts(m.target)),
            "tableColumns",
            a.columns.getText(),
            "dataColumns",
            String.valueOf(a.expression().size()));
      }
      Map<String, Column> values = new LinkedHashMap<>();
      for (int i = 0; i < names.size(); i++) {
        values.put(column(QueryPlanner.parts(names.get(i)), t), expr(a.expression(i)));
      }
      clauses.add(new MergeClause(MergeClause.Kind.NOT_MATCHED, cond, values, false, false));
    }
    for (NotMatchedBySourceClauseContext c : m.notMatchedBySourceClause()) {
      NotMatchedBySourceActionContext a = c.notMatchedBySourceAction();
      clauses.add(
          clause(
              MergeClause.Kind.NOT_MATCHED_BY_SOURCE,
              c.notMatchedBySourceCond,
              a.DELETE() != null,
              false,
              a.assignmentList(),
              t));
    }
    DmlCounts n = t.dml().merge(t.alias(), source, sourceAlias, bool(m.mergeCondition), clauses);
    StructType schema =
        new StructType()
            .add("num_affected_rows", DataTypes.LongType)
            .add("num_updated_rows", DataTypes.LongType)
            .add("num_deleted_rows", DataTypes.LongType)
            .add("num_inserted_rows", DataTypes.LongType);
    return env.spark()
        .createDataFrame(
            List.of(RowFactory.create(n.affected(), n.updated(), n.deleted(), n.inserted())),
            schema);
  }

  private MergeClause clause(
      MergeClause.Kind kind,
      BooleanExpressionContext condition,
      boolean delete,
      boolean all,
      AssignmentListContext set,
      Target t) {
    Column cond = condition == null ? null : bool(condition);
    Map<String, Column> values = delete || all ? Map.of() : assignments(set, t);
    return new MergeClause(kind, cond, values, all, delete);
  }

  private Dataset<Row> affected(DmlCounts n) {
    StructType schema = new StructType().add("num_affected_rows", DataTypes.LongType);
    return env.spark().createDataFrame(List.of(RowFactory.create(n.affected())), schema);
  }

  private Target target(IdentifierReferenceContext ref, TableAliasContext a, String operation) {
    if (a != null && a.identifierList() != null) {
      throw planner.unsupported(a);
    }
    List<String> parts = QueryPlanner.parts(ref);
    String alias = alias(a);
    if (parts.size() == 2
        && parts.get(0).equalsIgnoreCase("delta")
        && !env.catalog().shared().databaseExists("delta")) {
      DeltaDml dml = DeltaDml.forSqlPath(FileSources.localPath(parts.get(1)), env.frames());
      return new Target(dml, alias, List.of(dml.toDF().columns()));
    }
    CatalogTable table = env.catalog().require(parts);
    if (table.isView() || table.provider() == null || !table.provider().equalsIgnoreCase("delta")) {
      String name =
          table.database() == null
              ? dev.forgeline.mock.engine.Names.quote(table.name())
              : "`" + SharedCatalog.CATALOG + "`.`" + table.database() + "`.`" + table.name() + "`";
      throw Errors.analysis(
          "UNSUPPORTED_FEATURE.TABLE_OPERATION", "tableName", name, "operation", operation);
    }
    DeltaDml dml = new DeltaDml(new CatalogTarget(env.catalog().shared(), table), env.frames());
    List<String> columns = new ArrayList<>();
    table.fields().forEach(f -> columns.add(f.name()));
    return new Target(dml, alias == null ? table.name() : alias, columns);
  }

  private static String alias(TableAliasContext a) {
    return a == null || a.strictIdentifier() == null
        ? null
        : SqlLiterals.identifier(a.strictIdentifier().getText());
  }

  private Map<String, Column> assignments(AssignmentListContext list, Target t) {
    Map<String, Column> out = new LinkedHashMap<>();
    for (AssignmentContext a : list.assignment()) {
      out.put(column(QueryPlanner.parts(a.key), t), expr(a.value));
    }
    return out;
  }

  /** The target column an assignment names, without the target's qualifier. */
  private static String column(List<String> parts, Target t) {
    List<String> name = parts;
    if (name.size() > 1 && t.alias() != null && name.get(0).equalsIgnoreCase(t.alias())) {
      name = name.subList(1, name.size());
    }
    if (name.size() > 1) {
      throw NotSupported.method(
          "SparkSession.sql(...) assigning the nested field ["
              + String.join(".", parts)
              + "] in UPDATE or MERGE");
    }
    for (String c : t.columns()) {
      if (c.toLowerCase(Locale.ROOT).equals(name.get(0).toLowerCase(Locale.ROOT))) {
        return c;
      }
    }
    throw Errors.unresolvedColumn(parts, t.columns());
  }

  private Column bool(BooleanExpressionContext ctx) {
    return new Column(new StatementTranslator(planner, null, Map.of()).bool(ctx));
  }

  private Column expr(ExpressionContext ctx) {
    return new Column(new StatementTranslator(planner, null, Map.of()).expr(ctx));
  }
}
