package com.gitlab.support.handoff;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The sales-handoff process application: GitLab Support's "Working with Sales" policies on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SalesHandoffApplication {

  public static void main(String[] args) {
    SpringApplication.run(SalesHandoffApplication.class, args);
  }
}
