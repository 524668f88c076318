/*
 * Cockpit's configuration in this application: Camunda's defaults plus the plugins in scripts/handoff/
 * (History, SLA dashboard). The Spring Boot starter serves the webapps from the class path
 * (META-INF/resources/webjars/camunda/), and the application's own resources come first, so this file
 * replaces the webjar's config.js, whose every setting is commented out.
 */
export default {
  // ES modules, relative to app/cockpit/; each exports its Cockpit plugins (7.14+ plugin API).
  customScripts: [
    'scripts/handoff/history-plugin',
    'scripts/handoff/sla-dashboard-plugin'
  ]
};
