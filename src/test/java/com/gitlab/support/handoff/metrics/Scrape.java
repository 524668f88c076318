package com.gitlab.support.handoff.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** One answer of {@code /actuator/prometheus} (text format 0.0.4), read as Prometheus reads it. */
public record Scrape(List<Sample> samples) {

  private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\d+)?$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  public record Sample(String name, Map<String, String> labels, double value) {}

  /** Scrapes {@code /actuator/prometheus} as Prometheus does, with the operator's credentials. */
  public static Scrape of(TestRestTemplate http, String user, String password) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.TEXT_PLAIN));
    ResponseEntity<String> answer = http.withBasicAuth(user, password)
        .exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getHeaders().getContentType().toString()).startsWith("text/plain");
    return of(answer.getBody());
  }

  public static Scrape of(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher sample = LINE.matcher(line.trim());
      if (!sample.matches()) {
        throw new IllegalArgumentException("not a Prometheus sample: " + line);
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (sample.group(3) != null) {
        Matcher label = LABEL.matcher(sample.group(3));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
      }
      samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(4))));
    }
    return new Scrape(samples);
  }

  /** The samples of a metric whose labels include these (name, value, name, value, …). */
  public List<Sample> find(String name, String... labels) {
    return samples.stream().filter(s -> s.name().equals(name) && hasLabels(s, labels)).toList();
  }

  /** The one sample of a metric with these labels; fails when there is none or more than one. */
  public double value(String name, String... labels) {
    List<Sample> found = find(name, labels);
    if (found.size() != 1) {
      throw new AssertionError("expected one sample " + name + " " + List.of(labels) + ", found " + found);
    }
    return found.get(0).value();
  }

  /** The sum over every sample of a metric with these labels (0 when none). */
  public double sum(String name, String... labels) {
    return find(name, labels).stream().mapToDouble(Sample::value).sum();
  }

  private static boolean hasLabels(Sample sample, String... labels) {
    for (int i = 0; i + 1 < labels.length; i += 2) {
      if (!labels[i + 1].equals(sample.labels().get(labels[i]))) {
        return false;
      }
    }
    return true;
  }
}
