package com.gitlab.support.handoff.metrics;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes the readings whose tags come from the database (the escalation levels of
 * {@code handoff.waiting.for.sales}) before a scrape collects the meters: a level reached for the
 * first time gets its gauge now and is in this scrape, not only in the next. Within
 * {@code handoff.metrics.cache-for} it is the cached reading, so this costs no extra query.
 */
@Configuration(proxyBeanMethods = false)
public class ReadBeforeScrape {

  private static final Logger LOG = LoggerFactory.getLogger(ReadBeforeScrape.class);

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> readBeforeScrapeFilter(WaitingForSalesMetrics waiting) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        try {
          waiting.waitingByLevel();
        } catch (RuntimeException databaseDown) {
          // The gauges then read NaN, as Micrometer reports a gauge it cannot read; the scrape goes on.
          LOG.warn("Handoffs waiting for Sales not read before a scrape: {}", databaseDown.getMessage());
        }
        chain.doFilter(request, response);
      }
    });
    registration.setName("read-before-scrape");
    registration.addUrlPatterns("/actuator/prometheus", "/actuator/metrics/*");
    registration.setOrder(13);
    return registration;
  }
}
