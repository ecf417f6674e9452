package dev.forgeline.mock.sql;

import dev.forgeline.mock.catalog.CatalogTable;
import dev.forgeline.mock.catalog.SessionCatalog;
import dev.forgeline.mock.engine.Ddl;
import dev.forgeline.mock.engine.Errors;
import dev.forgeline.mock.engine.Field;
import dev.forgeline.mock.engine.Names;
import dev.forgeline.mock.engine.Relation;
import dev.forgeline.mock.engine.SqlLiterals;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser.*;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * DDL and commands: CREATE / DROP / ALTER of tables, views and databases, INSERT, USE, SET, and the
 * DESCRIBE and SHOW commands with Spark's result columns. Each runs at once.
 */
final class Commands {
  private final QueryPlanner planner;
  private final SqlEnv env;
  private final SessionCatalog catalog;

  Commands(QueryPlanner planner) {
    this.planner = planner;
    this.env = planner.env();
    this.catalog = env.catalog();
  }

  private Dataset<Row> none() {
    return env.spark().createDataFrame(List.of(), new StructType());
  }

  private Dataset<Row> result(StructType schema, List<Row> rows) {
    return env.spark().createDataFrame(rows, schema);
  }

  private static String text(StringLitContext s) {
    StringBuilder sb = new StringBuilder();
    for (SingleStringLitContext p : s.singleStringLit()) {
      sb.append(SqlLiterals.unquote(p.getText()));
    }
    return sb.toString();
  }

  Dataset<Row> run(StatementContext st) {
    if (st instanceof CreateTableContext c) {
      return createTable(c);
    }
    if (st instanceof CreateViewContext c) {
      return createView(c);
    }
    if (st instanceof CreateNamespaceContext c) {
      String comment = c.commentSpec().isEmpty() ? null : text(c.commentSpec(0).stringLit());
      String name = single(QueryPlanner.parts(c.identifierReference()));
      catalog.shared().createDatabase(name, comment, c.EXISTS() != null);
      return none();
    }
    if (st instanceof DropNamespaceContext c) {
      catalog
          .shared()
          .dropDatabase(
              single(QueryPlanner.parts(c.identifierReference())),
              c.EXISTS() != null,
              c.CASCADE() != null);
      return none();
    }
    if (st instanceof DropTableContext c) {
      return drop(QueryPlanner.parts(c.identifierReference()), c.EXISTS() != null, false);
    }
    if (st instanceof DropViewContext c) {
      return drop(QueryPlanner.parts(c.identifierReference()), c.EXISTS() != null, true);
    }
    if (st instanceof UseContext c) {
      catalog.setCurrentDatabase(single(QueryPlanner.parts(c.identifierReference())));
      return none();
    }
    if (st instanceof UseNamespaceContext c) {
      catalog.setCurrentDatabase(single(QueryPlanner.parts(c.identifierReference())));
      return none();
    }
    if (st instanceof TruncateTableContext c && c.partitionSpec() == null) {
      CatalogTable t = managed(QueryPlanner.parts(c.identifierReference()), "TRUNCATE TABLE");
      catalog
          .shared()
          .update(
              t.database(), t.name(), old -> old.withData(Relation.of(old.fields(), List.of())));
      return none();
    }
    if (st instanceof RenameTableContext c) {
      return rename(c);
    }
    if (st instanceof AddTableColumnsContext c) {
      return addColumns(c);
    }
    if (st instanceof SetTablePropertiesContext c) {
      CatalogTable t = catalog.require(QueryPlanner.parts(c.identifierReference()));
      Map<String, String> props = new java.util.LinkedHashMap<>();
      for (PropertyContext p : c.propertyList().property()) {
        String raw = p.getText();
        int eq = raw.indexOf('=');
        String key = unquote(raw.substring(0, eq));
        if (RESERVED_PROPERTIES.contains(key.toLowerCase(Locale.ROOT))) {
          throw Errors.analysis(
              "UNSUPPORTED_FEATURE.SET_TABLE_PROPERTY", "property", Names.quote(key), "msg", "");
        }
        props.put(key, unquote(raw.substring(eq + 1)));
      }
      catalog.shared().update(t.database(), t.name(), old -> old.withProperties(props));
      return none();
    }
    return new Describe(planner).run(st);
  }

  /** Table properties Spark reserves for its own clauses. */
  private static final java.util.Set<String> RESERVED_PROPERTIES =
      java.util.Set.of(
          "provider", "location", "owner", "external", "comment", "is_managed_location");

  private static String unquote(String s) {
    String t = s.trim();
    return t.startsWith("'") || t.startsWith("\"") ? SqlLiterals.unquote(t) : t;
  }

  private static String single(List<String> parts) {
    if (parts.size() != 1) {
      throw Errors.analysis(
          "REQUIRES_SINGLE_PART_NAMESPACE",
          "sessionCatalog",
          "spark_catalog",
          "namespace",
          Names.quoteParts(parts));
    }
    return parts.get(0);
  }

  private CatalogTable managed(List<String> parts, String operation) {
    CatalogTable t = catalog.require(parts);
    if (t.isView()) {
      throw Errors.analysis(
          "EXPECT_TABLE_NOT_VIEW.NO_ALTERNATIVE",
          "viewName",
          Names.quoteParts(parts),
          "operation",
          operation);
    }
    return t;
  }

  private Dataset<Row> createTable(CreateTableContext c) {
    CreateTableHeaderContext h = c.createTableHeader();
    CreateTableClausesContext clauses = c.createTableClauses();
    if (h.TEMPORARY() != null
        || h.EXTERNAL() != null
        || !clauses.partitionFieldList().isEmpty()
        || !clauses.locationSpec().isEmpty()
        || !clauses.bucketSpec().isEmpty()
        || !clauses.clusterBySpec().isEmpty()) {
      throw SqlStatements.unsupported(planner.text(), c);
    }
    SessionCatalog.Ident id = catalog.qualify(QueryPlanner.parts(h.identifierReference()));
    boolean ifNotExists = h.EXISTS() != null;
    String provider =
        c.tableProvider() == null ? null : c.tableProvider().multipartIdentifier().getText();
    if (ifNotExists && catalog.shared().get(id.database(), id.name()) != null) {
      return none();
    }
    Dataset<Row> data;
    if (c.query() != null) {
      if (c.tableElementList() != null) {
        throw SqlStatements.unsupported(planner.text(), c);
      }
      data = planner.query(c.query());
    } else {
      List<StructField> fields = new ArrayList<>();
      if (c.tableElementList() != null) {
        for (TableElementContext e : c.tableElementList().tableElement()) {
          ColDefinitionContext d = e.colDefinition();
          if (d == null) {
            throw SqlStatements.unsupported(planner.text(), e);
          }
          DataType t =
              Ddl.dataType(
                  planner
                      .text()
                      .substring(
                          d.dataType().start.getStartIndex(),
                          d.dataType().stop.getStopIndex() + 1));
          fields.add(
              DataTypes.createStructField(SqlLiterals.identifier(d.colName.getText()), t, true));
        }
      }
      data =
          env.spark()
              .createDataFrame(List.of(), new StructType(fields.toArray(new StructField[0])));
    }
    catalog.shared().tables(id.database());
    env.tables().create(id, data, provider, false);
    return none();
  }

  private Dataset<Row> createView(CreateViewContext c) {
    List<String> parts = QueryPlanner.parts(c.identifierReference());
    String query =
        planner
            .text()
            .substring(c.query().start.getStartIndex(), c.query().stop.getStopIndex() + 1);
    Dataset<Row> plan = planner.query(c.query());
    if (c.identifierCommentList() != null) {
      List<String> names = new ArrayList<>();
      for (IdentifierCommentContext ic : c.identifierCommentList().identifierComment()) {
        names.add(SqlLiterals.identifier(ic.identifier().getText()));
      }
      if (names.size() != plan.columns().length) {
        throw Errors.analysis(
            "CREATE_VIEW_COLUMN_ARITY_MISMATCH.NOT_ENOUGH_DATA_COLUMNS",
            "viewName",
            Names.quoteParts(parts),
            "viewColumns",
            String.join(", ", names),
            "dataColumns",
            String.join(", ", plan.columns()));
      }
      StringBuilder q = new StringBuilder("SELECT ");
      String[] cols = plan.columns();
      for (int i = 0; i < cols.length; i++) {
        q.append(i == 0 ? "" : ", ")
            .append(Names.quote(cols[i]))
            .append(" AS ")
            .append(Names.quote(names.get(i)));
      }
      query = q.append(" FROM (").append(query).append(")").toString();
      plan = plan.toDF(names.toArray(new String[0]));
    }
    List<Field> fields = new ArrayList<>();
    for (StructField f : plan.schema().fields()) {
      fields.add(Field.of(f.name(), f.dataType(), f.nullable()));
    }
    boolean replace = c.REPLACE() != null;
    if (c.TEMPORARY() != null) {
      boolean global = c.GLOBAL() != null;
      String name = parts.get(parts.size() - 1);
      CatalogTable view =
          new CatalogTable(
              null, name, CatalogTable.Kind.TEMPORARY, fields, null, query, null, null, Map.of());
      catalog.createTempView(name, view, replace, global);
      return none();
    }
    String temp = tempReference(c.query());
    if (temp != null) {
      throw Errors.analysis(
          "INVALID_TEMP_OBJ_REFERENCE",
          "obj",
          "VIEW",
          "objName",
          Names.quoteParts(catalog.qualifiedParts(parts)),
          "tempObj",
          "VIEW",
          "tempObjName",
          Names.quote(temp));
    }
    SessionCatalog.Ident id = catalog.qualify(parts);
    CatalogTable existing = catalog.shared().get(id.database(), id.name());
    if (existing != null && replace && !existing.isView()) {
      throw Errors.analysis(
          "EXPECT_VIEW_NOT_TABLE.NO_ALTERNATIVE",
          "tableName",
          "`spark_catalog`.`" + id.database() + "`.`" + id.name() + "`",
          "operation",
          "CREATE OR REPLACE VIEW");
    }
    CatalogTable view =
        new CatalogTable(
            id.database(),
            id.name(),
            CatalogTable.Kind.VIEW,
            fields,
            null,
            query,
            null,
            null,
            Map.of());
    catalog.shared().create(view, replace, c.EXISTS() != null);
    return none();
  }

  /** The first temporary view a query reads (a permanent view may not), or null. */
  private String tempReference(org.antlr.v4.runtime.tree.ParseTree t) {
    if (t instanceof TableNameContext n) {
      List<String> parts = QueryPlanner.parts(n.identifierReference());
      if (parts.size() == 1
          && catalog.tempViews().containsKey(parts.get(0).toLowerCase(Locale.ROOT))) {
        return parts.get(0);
      }
    }
    for (int i = 0; i < t.getChildCount(); i++) {
      String found = tempReference(t.getChild(i));
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private Dataset<Row> drop(List<String> parts, boolean ifExists, boolean view) {
    if (parts.size() == 1
        && catalog.tempViews().containsKey(parts.get(0).toLowerCase(Locale.ROOT))) {
      catalog.dropTempView(parts.get(0));
      return none();
    }
    if (parts.size() == 2 && parts.get(0).equalsIgnoreCase("global_temp")) {
      if (!catalog.dropGlobalTempView(parts.get(1)) && !ifExists) {
        throw Errors.analysis("TABLE_OR_VIEW_NOT_FOUND", "relationName", Names.quoteParts(parts));
      }
      return none();
    }
    CatalogTable t = catalog.find(parts);
    if (t == null) {
      if (ifExists) {
        return none();
      }
      throw Errors.analysis("TABLE_OR_VIEW_NOT_FOUND", "relationName", Names.quoteParts(parts));
    }
    if (t.isView() != view) {
      throw Errors.analysis(
          "WRONG_COMMAND_FOR_OBJECT_TYPE",
          "alternative",
          view ? "DROP TABLE" : "DROP VIEW",
          "foundType",
          view ? "MANAGED" : "VIEW",
          "objectName",
          "`spark_catalog`.`" + t.database() + "`.`" + t.name() + "`",
          "operation",
          view ? "DROP VIEW" : "DROP TABLE",
          "requiredType",
          view ? "VIEW" : "EXTERNAL or MANAGED");
    }
    catalog.shared().remove(t.database(), t.name());
    return none();
  }

  private Dataset<Row> rename(RenameTableContext c) {
    List<String> from = QueryPlanner.parts(c.from);
    List<String> to = QueryPlanner.parts(c.to);
    if (from.size() == 1 && catalog.tempViews().containsKey(from.get(0).toLowerCase(Locale.ROOT))) {
      CatalogTable v = catalog.tempViews().remove(from.get(0).toLowerCase(Locale.ROOT));
      catalog.createTempView(
          to.get(to.size() - 1), v.renamed(null, to.get(to.size() - 1)), false, false);
      return none();
    }
    CatalogTable t = catalog.require(from);
    SessionCatalog.Ident target =
        to.size() == 1 ? new SessionCatalog.Ident(t.database(), to.get(0)) : catalog.qualify(to);
    catalog.shared().create(t.renamed(target.database(), target.name()), false, false);
    catalog.shared().remove(t.database(), t.name());
    return none();
  }

  private Dataset<Row> addColumns(AddTableColumnsContext c) {
    List<String> parts = QueryPlanner.parts(c.identifierReference());
    CatalogTable t = managed(parts, "ALTER TABLE ... ADD COLUMNS");
    List<Field> added = new ArrayList<>();
    for (QualifiedColTypeWithPositionContext q : c.columns.qualifiedColTypeWithPosition()) {
      if (!q.colDefinitionDescriptorWithPosition().isEmpty()) {
        throw SqlStatements.unsupported(planner.text(), q);
      }
      DataType type =
          Ddl.dataType(
              planner
                  .text()
                  .substring(
                      q.dataType().start.getStartIndex(), q.dataType().stop.getStopIndex() + 1));
      String name = String.join(".", QueryPlanner.parts(q.name));
      for (Field f : t.fields()) {
        if (f.name().equalsIgnoreCase(name)) {
          throw Errors.analysis(
              "FIELDS_ALREADY_EXISTS",
              "op",
              "add",
              "fieldNames",
              Names.quote(name),
              "struct",
              t.schema().toDDL());
        }
      }
      added.add(Field.of(name, type, true));
    }
    catalog
        .shared()
        .update(
            t.database(),
            t.name(),
            old -> {
              List<Field> fields = new ArrayList<>(old.fields());
              fields.addAll(added);
              List<Object[]> rows = new ArrayList<>();
              for (Object[] r : old.data().rows()) {
                rows.add(java.util.Arrays.copyOf(r, fields.size()));
              }
              return old.withSchema(fields, Relation.of(fields, rows));
            });
    return none();
  }

  Dataset<Row> insert(SingleInsertQueryContext c) {
    InsertIntoContext into = c.insertInto();
    Dataset<Row> data = planner.query(c.query());
    if (into instanceof InsertIntoTableContext t) {
      if (t.partitionSpec() != null || t.identifierList() != null || t.optionsClause() != null) {
        throw SqlStatements.unsupported(planner.text(), t);
      }
      env.tables()
          .insert(QueryPlanner.parts(t.identifierReference()), data, false, t.NAME() != null);
    } else if (into instanceof InsertOverwriteTableContext t) {
      if (t.partitionSpec() != null || t.identifierList() != null || t.optionsClause() != null) {
        throw SqlStatements.unsupported(planner.text(), t);
      }
      env.tables()
          .insert(QueryPlanner.parts(t.identifierReference()), data, true, t.NAME() != null);
    } else {
      throw SqlStatements.unsupported(planner.text(), into);
    }
    return none();
  }

  /** SET, SET key, SET key=value, RESET key. */
  Dataset<Row> config(SetResetStatementContext c) {
    StructType schema =
        new StructType()
            .add("key", DataTypes.StringType, false)
            .add("value", DataTypes.StringType, false);
    String raw =
        planner.text().substring(c.start.getStartIndex(), c.stop.getStopIndex() + 1).trim();
    String upper = raw.toUpperCase(Locale.ROOT);
    if (upper.startsWith("RESET")) {
      String key = raw.substring(5).trim();
      if (key.isEmpty()) {
        throw SqlStatements.unsupported(planner.text(), c);
      }
      env.spark().conf().unset(key);
      return none();
    }
    if (!upper.startsWith("SET")
        || upper.startsWith("SET TIME ZONE")
        || upper.startsWith("SET VAR")) {
      throw SqlStatements.unsupported(planner.text(), c);
    }
    String body = raw.substring(3).trim();
    if (body.endsWith(";")) {
      body = body.substring(0, body.length() - 1).trim();
    }
    if (body.isEmpty() || body.equals("-v")) {
      throw SqlStatements.unsupported(planner.text(), c);
    }
    int eq = body.indexOf('=');
    if (eq < 0) {
      String key = SqlLiterals.identifier(body);
      String value = env.spark().conf().get(key, "<undefined>");
      return result(schema, List.of(RowFactory.create(key, value)));
    }
    String key = SqlLiterals.identifier(body.substring(0, eq).trim());
    String value = body.substring(eq + 1).trim();
    env.spark().conf().set(key, value);
    return result(schema, List.of(RowFactory.create(key, value)));
  }
}
