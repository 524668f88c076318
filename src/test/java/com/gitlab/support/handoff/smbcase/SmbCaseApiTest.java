package com.gitlab.support.handoff.smbcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.gitlab.support.handoff.TestProfiles;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** {@code POST /api/smb-cases} as an SMB advocate would call it (demo user ava, HTTP Basic). */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles(resolver = TestProfiles.class)
class SmbCaseApiTest {

  /** HTTP Basic for the demo advocate ava (password = user id in the demo profile). */
  private static final String AVA = "Basic " + Base64.getEncoder().encodeToString("ava:ava".getBytes(StandardCharsets.UTF_8));

  @Autowired MockMvc http;
  @Autowired RuntimeService runtime;

  @Test
  @DisplayName("R20 POST /api/smb-cases opens a case: 201 with the process instance and its SMB case key")
  void opensACase() throws Exception {
    MvcResult result = http.perform(post("/api/smb-cases").header("Authorization", AVA)
            .contentType(MediaType.APPLICATION_JSON)
            .content("""
                {"subject": "Need 5 more seats", "description": "Hi, we grew", "origin": "EMAIL",
                 "accountId": "001A2", "contactId": "003C1", "territory": "AMER", "highValueAccount": false}"""))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.processInstanceId").isNotEmpty())
        .andExpect(jsonPath("$.businessKey").value(org.hamcrest.Matchers.matchesPattern("SMB-[0-9A-F]{8}")))
        .andReturn();

    String instanceId = JsonPath.read(result.getResponse().getContentAsString(), "$.processInstanceId");
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
    assertThat(instance.getProcessDefinitionId()).startsWith("smbCase:");
    assertThat(runtime.getVariables(instanceId)).containsEntry("origin", "EMAIL").containsEntry("requestedBy", "ava")
        .containsEntry("caseKey", instance.getBusinessKey()).containsEntry("territory", "AMER");
    runtime.deleteProcessInstance(instanceId, "test over");
  }

  @Test
  @DisplayName("R20 a case without a subject is 400 naming the field, and nothing starts")
  void missingSubjectIs400() throws Exception {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey("smbCase").count();

    http.perform(post("/api/smb-cases").header("Authorization", AVA).contentType(MediaType.APPLICATION_JSON)
            .content("{\"origin\": \"EMAIL\", \"territory\": \"AMER\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.field").value("subject"));

    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("smbCase").count()).isEqualTo(before);
  }

  @Test
  @DisplayName("R20 an origin outside the list is 400 naming the field")
  void unknownOriginIs400() throws Exception {
    http.perform(post("/api/smb-cases").header("Authorization", AVA).contentType(MediaType.APPLICATION_JSON)
            .content("{\"subject\": \"Hello\", \"origin\": \"FAX\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("origin"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("origin: must be one of")));
  }

  @Test
  @DisplayName("R21 a territory outside AMER and EMEA_APJ is 400 naming the field")
  void unknownTerritoryIs400() throws Exception {
    http.perform(post("/api/smb-cases").header("Authorization", AVA).contentType(MediaType.APPLICATION_JSON)
            .content("{\"subject\": \"Hello\", \"origin\": \"EMAIL\", \"territory\": \"LATAM\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("territory"));
  }

  @Test
  @DisplayName("R20 without credentials the API answers 401")
  void needsCredentials() throws Exception {
    http.perform(post("/api/smb-cases").contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isUnauthorized());
  }
}
