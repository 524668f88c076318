package com.gitlab.support.handoff.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gitlab.support.handoff.refusals.HandResults;
import com.gitlab.support.handoff.workflow.Input;
import com.gitlab.support.handoff.workflow.Inputs;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Issue 13: the element templates in {@code processes/.camunda/element-templates} that Camunda Modeler
 * offers ("Post on Chatter", ...) agree with the code and with the diagrams. The schema itself is
 * checked by {@code .ci/validate-element-templates.mjs}; this checks what the schema cannot see: the
 * delegate bean a template names exists, the fields it offers are exactly the inputs the delegate
 * declares ({@link Inputs}), and every service task applies a template whose settings it keeps.
 */
class ElementTemplatesTest {

  private static final Path TEMPLATES = Path.of("processes", ".camunda", "element-templates");
  private static final Path PROCESSES = Path.of("processes");
  private static final Path SOURCES = Path.of("src", "main", "java");
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final String ID_PREFIX = "com.gitlab.support.handoff.";

  /**
   * Delegates that sit on no service task, so have no template, and why: a Camunda 7 template binds
   * properties of the element itself, and this delegate belongs to a message event definition.
   */
  private static final Map<String, String> WITHOUT_TEMPLATE = Map.of(
      "reportSmbCasePickedUp", "the message throw event tellSupportHandoff in smbCase.bpmn");

  /** Delegates that read process variables themselves, which are no inputs, and which ones. */
  private static final Map<String, String> OWN_STATE = Map.of(
      "readSalesReplies", "salesRepliesSeen, the answers it counted on an earlier run",
      "skipFailedStep", "handResult1..3 and their names and labels: what the person entered for the refused step (HandResults)");

  /** The step properties a refusal of the call reads (docs/refusals.md); every template of a remote call offers them. */
  private static final List<String> REFUSAL_PROPERTIES = List.of("refusalTaskName", "refusalAssignee",
      "refusalCandidateGroups", "refusalResults");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Map<String, Class<?>> delegates;

  @BeforeAll
  static void findDelegates() throws ClassNotFoundException {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
    scanner.addIncludeFilter(new AssignableTypeFilter(JavaDelegate.class));
    SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
    delegates = new TreeMap<>();
    for (BeanDefinition bean : scanner.findCandidateComponents("com.gitlab.support.handoff")) {
      Class<?> type = Class.forName(bean.getBeanClassName());
      // The application's delegates only: tests declare delegates of their own (e.g. a flaky one).
      boolean fromTests = type.getProtectionDomain().getCodeSource().getLocation().getPath().contains("test-classes");
      if (JavaDelegate.class.isAssignableFrom(type) && !fromTests) {
        delegates.put(AnnotationBeanNameGenerator.INSTANCE.generateBeanName(bean, registry),
            Class.forName(bean.getBeanClassName()));
      }
    }
  }

  static Stream<Path> templateFiles() throws IOException {
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      return files.filter(path -> path.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  static Stream<Path> models() throws IOException {
    try (Stream<Path> files = Files.list(PROCESSES)) {
      return files.filter(path -> path.toString().endsWith(".bpmn")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templateFiles")
  @DisplayName("Issue 13: a template binds an existing delegate bean, named by its id and file")
  void templateBindsAnExistingDelegate(Path file) throws IOException {
    Template template = Template.read(file);

    assertThat(delegates).as("JavaDelegate beans").containsKey(template.bean());
    assertThat(template.id()).isEqualTo(ID_PREFIX + template.bean());
    assertThat(file.getFileName().toString()).isEqualTo(template.bean() + ".json");
    assertThat(template.version()).isPositive();
    assertThat(template.json().path("appliesTo").toString()).isEqualTo("[\"bpmn:ServiceTask\"]");
    assertThat(template.json().path("description").asText()).as("description names the SPEC rules")
        .containsPattern("R\\d+");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templateFiles")
  @DisplayName("Issue 13: a template offers exactly the inputs its delegate declares; required ones must be filled or default to the process variable")
  void templateOffersExactlyTheDelegatesInputs(Path file) throws Exception {
    Template template = Template.read(file);
    List<Input> declared = inputsOf(delegates.get(template.bean()));

    assertThat(template.inputs().keySet()).as("input parameters of %s", file)
        .containsExactlyInAnyOrderElementsOf(declared.stream().map(Input::name).toList());
    for (Input input : declared) {
      JsonNode property = template.inputs().get(input.name());
      boolean notEmpty = property.path("constraints").path("notEmpty").asBoolean(false);
      if (input.required()) {
        assertThat(notEmpty || property.path("value").asText().equals("${" + input.name() + "}"))
            .as("required input %s of %s: notEmpty, or the default ${%s}", input.name(), file, input.name())
            .isTrue();
      } else {
        assertThat(notEmpty).as("optional input %s of %s is not marked notEmpty", input.name(), file).isFalse();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templateFiles")
  @DisplayName("Issue 13: a templated delegate reads the process only through its declared inputs")
  void delegateReadsOnlyDeclaredInputs(Path file) throws IOException {
    Template template = Template.read(file);
    Class<?> delegate = delegates.get(template.bean());
    Path source = SOURCES.resolve(delegate.getName().replace('.', '/') + ".java");
    long reads = Files.readString(source).lines().filter(line -> line.contains("getVariable")).count();

    assertThat(reads).as("direct variable reads in %s (read inputs through Inputs instead)", source)
        .isEqualTo(OWN_STATE.containsKey(template.bean()) ? 1 : 0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templateFiles")
  @DisplayName("Issue 13: a template of a call to Salesforce, Zendesk or Slack offers the refusal properties; a local one does not")
  void remoteCallsOfferTheRefusalProperties(Path file) throws IOException {
    Template template = Template.read(file);
    Class<?> delegate = delegates.get(template.bean());
    boolean remote = Files.readString(SOURCES.resolve(delegate.getName().replace('.', '/') + ".java")).contains("Connector");
    List<String> offered = StreamSupport.stream(template.json().path("properties").spliterator(), false)
        .filter(property -> "camunda:property".equals(property.path("binding").path("type").asText()))
        .map(property -> property.path("binding").path("name").asText()).toList();

    assertThat(offered).as("camunda:property fields of %s", file)
        .containsExactlyElementsOf(remote ? REFUSAL_PROPERTIES : List.of());
    if (remote) {
      assertThat(StreamSupport.stream(template.json().path("properties").spliterator(), false)
          .filter(property -> "camunda:property".equals(property.path("binding").path("type").asText())))
          .allSatisfy(property -> {
            assertThat(property.path("group").asText()).isEqualTo("refusal");
            assertThat(property.path("description").asText()).isNotBlank();
            assertThat(property.path("constraints").path("notEmpty").asBoolean(false)).as("optional").isFalse();
          });
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  @DisplayName("Issue 13: every refusalResults a step names is 'variable: label', at most three, so done by hand can ask for them")
  void refusalResultsAreWellFormed(Path model) throws IOException {
    for (ServiceTask task : Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(ServiceTask.class)) {
      ExtensionElements extensions = task.getExtensionElements();
      if (extensions == null) {
        continue;
      }
      extensions.getChildElementsByType(CamundaProperties.class).stream()
          .flatMap(properties -> properties.getCamundaProperties().stream())
          .filter(property -> HandResults.PROPERTY.equals(property.getCamundaName()))
          .forEach(property -> assertThat(HandResults.parse(property.getCamundaValue()).results())
              .as("%s %s", model.getFileName(), task.getId()).isNotEmpty());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  @DisplayName("Issue 13: every service task applies an existing template and keeps what it sets")
  void everyServiceTaskAppliesItsTemplate(Path model) throws IOException {
    Map<String, Template> templates = templatesById();
    BpmnModelInstance bpmn = Bpmn.readModelFromFile(model.toFile());
    List<String> problems = new ArrayList<>();
    for (ServiceTask task : bpmn.getModelElementsByType(ServiceTask.class)) {
      String where = model.getFileName() + " " + task.getId() + ": ";
      String id = task.getAttributeValueNs(CAMUNDA_NS, "modelerTemplate");
      Template template = templates.get(id);
      if (template == null) {
        problems.add(where + "template '" + id + "' not found");
        continue;
      }
      if (!String.valueOf(template.version()).equals(task.getAttributeValueNs(CAMUNDA_NS, "modelerTemplateVersion"))) {
        problems.add(where + "template version " + task.getAttributeValueNs(CAMUNDA_NS, "modelerTemplateVersion")
            + ", the template is at " + template.version());
      }
      if (!template.delegateExpression().equals(task.getCamundaDelegateExpression())
          || task.getCamundaClass() != null || task.getCamundaExpression() != null) {
        problems.add(where + "implementation differs from " + template.delegateExpression());
      }
      if (template.fixedAsyncBefore() != null && template.fixedAsyncBefore() != task.isCamundaAsyncBefore()) {
        problems.add(where + "asyncBefore " + task.isCamundaAsyncBefore() + ", the template fixes "
            + template.fixedAsyncBefore());
      }
      Map<String, CamundaInputParameter> given = inputParameters(task);
      Set<String> unknown = new TreeSet<>(given.keySet());
      unknown.removeAll(template.inputs().keySet());
      if (!unknown.isEmpty()) {
        problems.add(where + "input parameters the template does not offer: " + unknown);
      }
      template.inputs().forEach((name, property) -> {
        boolean notEmpty = property.path("constraints").path("notEmpty").asBoolean(false);
        if (notEmpty && (!given.containsKey(name) || isBlank(given.get(name)))) {
          problems.add(where + "the template's required field " + name + " is not set");
        }
      });
    }
    assertThat(problems).isEmpty();
  }

  @Test
  @DisplayName("Issue 13: every delegate has a template, but those that sit on no service task")
  void everyDelegateHasATemplate() throws IOException {
    Set<String> templated = templatesById().values().stream().map(Template::bean).collect(Collectors.toSet());
    Set<String> without = new TreeSet<>(delegates.keySet());
    without.removeAll(templated);

    assertThat(without).isEqualTo(WITHOUT_TEMPLATE.keySet());
    for (Path model : models().toList()) {
      for (ServiceTask task : Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(ServiceTask.class)) {
        assertThat(WITHOUT_TEMPLATE).as("%s %s", model, task.getId())
            .doesNotContainKey(beanOf(task.getCamundaDelegateExpression()));
      }
    }
  }

  private static Map<String, Template> templatesById() throws IOException {
    Map<String, Template> byId = new LinkedHashMap<>();
    for (Path file : templateFiles().toList()) {
      Template template = Template.read(file);
      assertThat(byId.put(template.id(), template)).as("template id %s twice", template.id()).isNull();
    }
    return byId;
  }

  private static List<Input> inputsOf(Class<?> delegate) throws IllegalAccessException {
    for (Field field : delegate.getDeclaredFields()) {
      if (field.getType() == Inputs.class && Modifier.isStatic(field.getModifiers())) {
        field.setAccessible(true);
        return ((Inputs) field.get(null)).declared();
      }
    }
    throw new AssertionError(delegate.getName() + " declares no static Inputs INPUTS");
  }

  private static Map<String, CamundaInputParameter> inputParameters(ServiceTask task) {
    Map<String, CamundaInputParameter> parameters = new LinkedHashMap<>();
    ExtensionElements extensions = task.getExtensionElements();
    if (extensions != null) {
      for (CamundaInputOutput io : extensions.getChildElementsByType(CamundaInputOutput.class)) {
        io.getCamundaInputParameters().forEach(parameter -> parameters.put(parameter.getCamundaName(), parameter));
      }
    }
    return parameters;
  }

  private static boolean isBlank(CamundaInputParameter parameter) {
    return parameter.getDomElement().getChildElements().isEmpty() && parameter.getTextContent().isBlank();
  }

  private static String beanOf(String delegateExpression) {
    return delegateExpression == null ? null : delegateExpression.replaceAll("^\\$\\{(.*)}$", "$1");
  }

  /** One template of a file (each file holds one), read with the parts the checks need. */
  private record Template(JsonNode json) {

    static Template read(Path file) throws IOException {
      JsonNode root = JSON.readTree(file.toFile());
      assertThat(root.isArray() && root.size() == 1).as("%s holds one template", file).isTrue();
      return new Template(root.get(0));
    }

    String id() {
      return json.path("id").asText();
    }

    int version() {
      return json.path("version").asInt();
    }

    String delegateExpression() {
      return property("property", "camunda:delegateExpression").filter(p -> p.path("type").asText().equals("Hidden"))
          .map(p -> p.path("value").asText()).findFirst()
          .orElseThrow(() -> new AssertionError(id() + " has no hidden camunda:delegateExpression"));
    }

    String bean() {
      return beanOf(delegateExpression());
    }

    /** The asyncBefore the template fixes (a hidden property), or null where the process owner chooses. */
    Boolean fixedAsyncBefore() {
      return property("property", "camunda:asyncBefore").filter(p -> p.path("type").asText().equals("Hidden"))
          .map(p -> p.path("value").asBoolean()).findFirst().orElse(null);
    }

    Map<String, JsonNode> inputs() {
      Map<String, JsonNode> inputs = new LinkedHashMap<>();
      properties().filter(p -> p.path("binding").path("type").asText().equals("camunda:inputParameter"))
          .forEach(p -> assertThat(inputs.put(p.path("binding").path("name").asText(), p))
              .as("%s offers %s twice", id(), p.path("binding").path("name").asText()).isNull());
      return inputs;
    }

    private Stream<JsonNode> property(String bindingType, String name) {
      return properties().filter(p -> p.path("binding").path("type").asText().equals(bindingType)
          && p.path("binding").path("name").asText().equals(name));
    }

    private Stream<JsonNode> properties() {
      return StreamSupport.stream(json.path("properties").spliterator(), false);
    }
  }
}
