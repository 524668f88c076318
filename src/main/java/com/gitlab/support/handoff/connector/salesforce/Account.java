package com.gitlab.support.handoff.connector.salesforce;

import java.math.BigDecimal;

/**
 * A Salesforce Account as the workflows need it (R4–R7, R17).
 *
 * @param salesSegment the org's own segment field, if it holds one (R5 falls back to it)
 * @param tamId the Technical Account Manager's user id, or null (R17)
 * @param tamEmail the TAM's email, to copy them on the ticket
 */
public record Account(
    String id,
    String name,
    String ownerId,
    String ownerName,
    Integer employees,
    String billingCountry,
    BigDecimal carr,
    String salesSegment,
    String tamId,
    String tamName,
    String tamEmail) {}
