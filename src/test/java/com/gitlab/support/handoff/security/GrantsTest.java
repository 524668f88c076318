package com.gitlab.support.handoff.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.gitlab.support.handoff.TestProfiles;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Camunda's authorization checks with CONTRACT's groups, through {@code /engine-rest} as each demo user. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
class GrantsTest {

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;

  @Test
  @DisplayName("A support engineer may start a handoff, and sees no process they do not work with")
  void engineerSeesTheHandoff() {
    assertThat(keysVisibleTo("sam")).contains("salesHandoff", "addCustomerToOrganization").doesNotContain("smbCase");
  }

  @Test
  @DisplayName("R20-R38 an SMB advocate sees the case and the routing, closing, questions and emails it calls, nothing of the Support handoff")
  void advocateSeesTheCaseAndWhatItCalls() {
    assertThat(keysVisibleTo("ava")).contains("smbCase", "routeSmbCase", "closeSmbCase",
        "attemptSmbCaseContact", "answerSmbCaseQuestion", "readSmbCaseEmail").doesNotContain("salesHandoff");
    assertThat(keysVisibleTo("sam")).contains("closeSmbCase").doesNotContain("routeSmbCase");
  }

  @Test
  @DisplayName("A process owner reads every definition in Cockpit but can neither start nor deploy")
  void processOwnerIsReadOnly() {
    assertThat(keysVisibleTo("pat")).contains("salesHandoff", "addCustomerToOrganization");

    ResponseEntity<String> start = http.withBasicAuth("pat", "pat").exchange(
        rest("/process-definition/key/salesHandoff/start"), HttpMethod.POST, json("{\"businessKey\":\"5001\"}"), String.class);
    assertThat(start.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(deploy("pat", "pat").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  @DisplayName("Camunda Modeler's deploy (multipart to /engine-rest/deployment/create) works for an administrator")
  void modelerDeployWorksForTheAdmin() {
    ResponseEntity<Map> deployed = deploy("admin", "admin-password");

    assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(deployed.getBody()).containsKey("deployedProcessDefinitions");
  }

  private List<String> keysVisibleTo(String user) {
    ResponseEntity<List> response = http.withBasicAuth(user, user).getForEntity(rest("/process-definition?latestVersion=true"), List.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return ((List<Map<String, Object>>) response.getBody()).stream().map(d -> (String) d.get("key")).toList();
  }

  private ResponseEntity<Map> deploy(String user, String password) {
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="modelerDeployCheck" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="s" />
          </bpmn:process>
        </bpmn:definitions>
        """;
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", "from Modeler");
    parts.add("deploy-changed-only", "true");
    parts.add("modelerDeployCheck.bpmn", new ByteArrayResource(bpmn.getBytes()) {
      @Override
      public String getFilename() {
        return "modelerDeployCheck.bpmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, password).exchange(rest("/deployment/create"), HttpMethod.POST,
        new HttpEntity<>(parts, headers), Map.class);
  }

  private String rest(String path) {
    return "/engine-rest/engine/" + engine.getName() + path;
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
