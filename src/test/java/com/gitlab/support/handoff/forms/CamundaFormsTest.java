package com.gitlab.support.handoff.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 7's promise for every model in processes/: each user task, and the start event of each
 * process people start in Tasklist, has a Camunda Form that Tasklist 7.24 (form-js 1.8) renders, and
 * every field in it carries a label. The browser tests show a few of them; this checks them all.
 */
class CamundaFormsTest {

  private static final Path PROCESSES = Path.of("processes");
  /** Processes the demo groups may start from Tasklist's "Start process" (IdentityBootstrap's grants). */
  private static final Set<String> STARTED_IN_TASKLIST = Set.of("salesHandoff", "addCustomerToOrganization", "smbCase");
  /** Form field types form-js 1.8 renders; newer ones show as errors in Tasklist 7.24. */
  private static final Set<String> FORM_JS_1_8_TYPES = Set.of("text", "textfield", "textarea", "number", "select",
      "radio", "checkbox", "checklist", "taglist", "datetime", "group", "spacer", "separator", "button", "image");

  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> models() throws IOException {
    try (Stream<Path> files = Files.list(PROCESSES)) {
      return files.filter(path -> path.toString().endsWith(".bpmn")).sorted().toList().stream();
    }
  }

  static Stream<Path> forms() throws IOException {
    try (Stream<Path> files = Files.list(PROCESSES)) {
      return files.filter(path -> path.toString().endsWith(".form")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  @DisplayName("Every user task and every Tasklist start event has a Camunda Form that exists in processes/")
  void everyHumanStepHasAForm(Path model) throws IOException {
    BpmnModelInstance bpmn = read(model);
    List<String> missing = new ArrayList<>();
    for (UserTask task : bpmn.getModelElementsByType(UserTask.class)) {
      checkFormRef(task.getId(), task.getCamundaFormRef(), missing);
    }
    for (StartEvent start : bpmn.getModelElementsByType(StartEvent.class)) {
      boolean startedByPeople = start.getParentElement() instanceof Process process
          && STARTED_IN_TASKLIST.contains(process.getId()) && start.getEventDefinitions().isEmpty();
      if (startedByPeople) {
        checkFormRef(start.getId(), start.getCamundaFormRef(), missing);
      }
    }
    assertThat(missing).as(model.toString()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  @DisplayName("Every form renders in Tasklist 7.24 and labels each of its fields")
  void everyFormRendersWithLabels(Path form) throws IOException {
    JsonNode schema = JSON.readTree(form.toFile());
    String id = form.getFileName().toString().replace(".form", "");

    assertThat(schema.path("id").asText()).as("id of %s", form).isEqualTo(id);
    assertThat(schema.path("schemaVersion").asInt()).as("schemaVersion of %s (form-js 1.8 reads up to 16)", form)
        .isBetween(1, 16);
    List<String> problems = new ArrayList<>();
    checkComponents(schema.path("components"), problems);
    assertThat(problems).as(form.toString()).isEmpty();
  }

  private static void checkFormRef(String elementId, String formRef, List<String> missing) {
    if (formRef == null || formRef.isBlank()) {
      missing.add(elementId + " has no camunda:formRef");
    } else if (!Files.exists(PROCESSES.resolve(formRef + ".form"))) {
      missing.add(elementId + " refers to " + formRef + ", which is not in processes/");
    }
  }

  private static void checkComponents(JsonNode components, List<String> problems) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      String id = component.path("id").asText();
      if (!FORM_JS_1_8_TYPES.contains(type)) {
        problems.add(id + ": type " + type + " is not rendered by form-js 1.8");
      }
      if (component.hasNonNull("key") && component.path("label").asText().isBlank()) {
        problems.add(id + ": field " + component.path("key").asText() + " has no label");
      }
      checkComponents(component.path("components"), problems);
    }
  }

  private static BpmnModelInstance read(Path model) throws IOException {
    try (InputStream in = Files.newInputStream(model)) {
      return Bpmn.readModelFromStream(in);
    }
  }
}
