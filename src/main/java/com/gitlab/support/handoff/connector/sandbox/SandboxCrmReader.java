package com.gitlab.support.handoff.connector.sandbox;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the sandbox CRM file. Every problem names the file and the line, because a sandbox that
 * silently answers "no account" would hide a typo in the demo data.
 */
public final class SandboxCrmReader {

  private static final Set<String> SECTIONS =
      Set.of("users", "groups", "accounts", "territories", "opportunities", "activities", "asms");

  private final String source;

  private SandboxCrmReader(String source) {
    this.source = source;
  }

  public static SandboxCrm read(Resource resource) {
    String source = resource.getDescription();
    try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
      Node root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
      return new SandboxCrmReader(source).crm(root);
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw new InvalidSandboxDataException(source, line, e.getProblem());
    } catch (IOException e) {
      throw new InvalidSandboxDataException(source, 0, "cannot be read: " + e.getMessage());
    }
  }

  private SandboxCrm crm(Node root) {
    if (root == null) {
      throw new InvalidSandboxDataException(source, 1, "the file is empty");
    }
    Map<String, Node> sections = mapping(root);
    for (String name : sections.keySet()) {
      if (!SECTIONS.contains(name)) {
        throw problem(sections.get(name), "unknown section '" + name + "' (expected one of " + SECTIONS + ")");
      }
    }
    SandboxCrm crm = new SandboxCrm(
        list(sections.get("users"), e -> new SandboxCrm.User(
            e.required("id"), e.required("name"), e.optional("managerId"), e.optional("email"),
            e.optional("region"))),
        list(sections.get("groups"), e -> new SandboxCrm.Group(e.required("id"), e.required("name"))),
        list(sections.get("accounts"), e -> new SandboxCrm.Account(
            e.required("id"), e.required("name"), e.required("domain"), e.optional("ownerId"),
            e.integer("employees"), e.optional("billingCountry"), e.decimal("carr"),
            e.optional("salesSegment"), e.optional("tamId"))),
        list(sections.get("territories"), e -> new SandboxCrm.Territory(
            e.required("segment"), e.required("region"), e.required("ownerId"))),
        list(sections.get("opportunities"), e -> new SandboxCrm.Opportunity(
            e.required("id"), e.required("accountId"), e.required("type"), e.required("ownerId"),
            e.date("closeDate"))),
        list(sections.get("activities"), e -> new SandboxCrm.Activity(
            e.required("accountId"), e.date("date"), e.optional("subject"))),
        list(sections.get("asms"), e -> new SandboxCrm.Asm(e.required("territory"), e.required("userId"))));
    checkReferences(root, crm);
    return crm;
  }

  private void checkReferences(Node root, SandboxCrm crm) {
    Set<String> userIds = new HashSet<>();
    for (SandboxCrm.User user : crm.users()) {
      if (!userIds.add(user.id())) {
        throw problem(root, "user id '" + user.id() + "' appears twice");
      }
    }
    for (SandboxCrm.User user : crm.users()) {
      if (user.managerId() != null && !userIds.contains(user.managerId())) {
        throw problem(root, "user '" + user.id() + "' has managerId '" + user.managerId() + "', which is no user");
      }
    }
    for (SandboxCrm.Account account : crm.accounts()) {
      if (account.ownerId() != null && !userIds.contains(account.ownerId())) {
        throw problem(root, "account '" + account.id() + "' has ownerId '" + account.ownerId() + "', which is no user");
      }
    }
  }

  private <T> List<T> list(Node node, Function<Entry, T> mapper) {
    if (node == null) {
      return List.of();
    }
    if (!(node instanceof SequenceNode sequence)) {
      throw problem(node, "expected a list");
    }
    List<T> result = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      result.add(mapper.apply(new Entry(item, mapping(item))));
    }
    return List.copyOf(result);
  }

  private Map<String, Node> mapping(Node node) {
    if (!(node instanceof MappingNode map)) {
      throw problem(node, "expected key: value pairs");
    }
    Map<String, Node> result = new HashMap<>();
    for (NodeTuple tuple : map.getValue()) {
      result.put(scalar(tuple.getKeyNode()), tuple.getValueNode());
    }
    return result;
  }

  private String scalar(Node node) {
    if (!(node instanceof ScalarNode scalar)) {
      throw problem(node, "expected a single value");
    }
    return scalar.getValue();
  }

  private InvalidSandboxDataException problem(Node node, String message) {
    return new InvalidSandboxDataException(source, node.getStartMark().getLine() + 1, message);
  }

  /** One list item, with typed access that reports the item's line. */
  private final class Entry {
    private final Node node;
    private final Map<String, Node> fields;

    Entry(Node node, Map<String, Node> fields) {
      this.node = node;
      this.fields = fields;
    }

    String required(String key) {
      String value = optional(key);
      if (value == null || value.isBlank()) {
        throw problem(node, "'" + key + "' is missing");
      }
      return value;
    }

    String optional(String key) {
      Node value = fields.get(key);
      if (value == null) {
        return null;
      }
      String text = scalar(value);
      return "null".equals(text) || "~".equals(text) || text.isEmpty() ? null : text;
    }

    Integer integer(String key) {
      String value = optional(key);
      try {
        return value == null ? null : Integer.valueOf(value);
      } catch (NumberFormatException e) {
        throw problem(fields.get(key), "'" + key + "' must be a whole number, not '" + value + "'");
      }
    }

    BigDecimal decimal(String key) {
      String value = optional(key);
      try {
        return value == null ? null : new BigDecimal(value);
      } catch (NumberFormatException e) {
        throw problem(fields.get(key), "'" + key + "' must be a number, not '" + value + "'");
      }
    }

    LocalDate date(String key) {
      String value = optional(key);
      try {
        return value == null ? null : LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        throw problem(fields.get(key), "'" + key + "' must be a date like 2026-01-31, not '" + value + "'");
      }
    }
  }
}
