package com.gitlab.support.handoff.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;

import com.gitlab.support.handoff.SalesHandoffApplication;
import com.gitlab.support.handoff.TestProfiles;
import com.gitlab.support.handoff.review.EscalatedToSalesFilter;
import com.gitlab.support.handoff.smbcase.SmbCaseFilters;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Each worker sees in Tasklist the filters made for their group, and "All tasks"; nobody else's. */
@SpringBootTest(classes = SalesHandoffApplication.class)
@ActiveProfiles(resolver = TestProfiles.class)
class FilterGrantsTest {

  @Autowired AuthorizationService authorizations;
  @Autowired FilterService filters;

  @Test
  @DisplayName("R16, R22-R26: engineers read 'Escalated to Sales', advocates and SMB Ops the SMB filters, all read 'All tasks'")
  void filtersPerGroup() {
    for (String group : Groups.WORKERS) {
      assertThat(mayRead(group, "All tasks")).as(group + " reads All tasks").isTrue();
    }
    assertThat(mayRead(Groups.SUPPORT_ENGINEERS, EscalatedToSalesFilter.NAME)).isTrue();
    for (String smb : List.of(SmbCaseFilters.MY_OPEN_CASES, SmbCaseFilters.PICK_UP_AT_RISK, SmbCaseFilters.OVER_SEVEN_DAYS)) {
      assertThat(mayRead(Groups.SUPPORT_ENGINEERS, smb)).as("engineers read " + smb).isFalse();
      assertThat(mayRead(Groups.SMB_ADVOCATES_AMER, smb)).as("AMER advocates read " + smb).isTrue();
      assertThat(mayRead(Groups.SMB_ADVOCATES_EMEA_APJ, smb)).as("EMEA/APJ advocates read " + smb).isTrue();
    }
    for (String advocates : List.of(Groups.SMB_ADVOCATES_AMER, Groups.SMB_ADVOCATES_EMEA_APJ)) {
      assertThat(mayRead(advocates, EscalatedToSalesFilter.NAME)).as(advocates + " read Escalated to Sales").isFalse();
    }
  }

  @Test
  @DisplayName("no worker group holds a READ on every filter (the wildcard of earlier versions is revoked)")
  void noWildcard() {
    for (String group : Groups.WORKERS) {
      assertThat(authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(FILTER).resourceId("*").count())
          .as(group).isZero();
    }
  }

  private boolean mayRead(String group, String filterName) {
    String filterId = filters.createFilterQuery().filterName(filterName).singleResult().getId();
    return authorizations.isUserAuthorized("someone", List.of(group), READ, FILTER, filterId);
  }
}
